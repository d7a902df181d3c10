const CONSOLE_HOSTS: Record<string, string> = {
  aws: 'console.aws.amazon.com',
  'aws-cn': 'console.amazonaws.cn',
  'aws-us-gov': 'console.amazonaws-us-gov.com',
};

export interface ArnParts {
  partition: string;
  region: string;
  account: string;
  resource: string;
}

export function parseArn(arn: string): ArnParts | undefined {
  const [prefix, partition, service, region, account, ...rest] = arn.split(':');
  if (prefix !== 'arn' || !partition || !service || !region || !account || rest.length === 0) return undefined;
  return { partition, region, account, resource: rest.join(':') };
}

export function regionFromArn(arn: string): string | undefined {
  return parseArn(arn)?.region;
}

/** The SageMaker console page `#/{fragment}` in the region and partition of `arn`. */
export function sageMakerConsoleUrl(arn: string, fragment: string): string | undefined {
  const parts = parseArn(arn);
  if (parts === undefined) return undefined;
  const host = CONSOLE_HOSTS[parts.partition];
  if (host === undefined) return undefined;
  const region = encodeURIComponent(parts.region);
  return `https://${region}.${host}/sagemaker/home?region=${region}#/${fragment}`;
}
