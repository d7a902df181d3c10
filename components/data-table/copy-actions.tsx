'use client';

import { CopyButton } from '@/components/ui/copy-button';
import { CopyIcon } from '@/components/ui/icons';
import { buttonClass } from '@/components/ui/styles';
import type { ResourceSpec } from '@/lib/resources/types';
import { rangeApiParams, staticApiParams, type ApiParams } from '@/lib/url/api-query';
import { awsCliCommand } from '@/lib/url/cli-command';
import type { ViewValues } from '@/lib/url/view';

interface CopyActionsProps {
  spec: ResourceSpec;
  path: Record<string, string>;
  values: ViewValues;
  region: string | null;
  resolvedRanges: ApiParams | undefined;
}

export function CopyActions({ spec, path, values, region, resolvedRanges }: CopyActionsProps) {
  const command = () =>
    awsCliCommand(
      spec.cliCommand,
      { ...path, ...staticApiParams(spec, values), ...(resolvedRanges ?? rangeApiParams(spec, values, Date.now())) },
      region,
    );
  return (
    <>
      <CopyButton text={() => window.location.href} label="Copy link to this view" className={buttonClass}>
        <CopyIcon /> Copy link
      </CopyButton>
      <CopyButton text={command} label="Copy as AWS CLI command" className={buttonClass}>
        <CopyIcon /> AWS CLI
      </CopyButton>
    </>
  );
}
