import { ServiceError } from './errors';

/** The AWS Query protocol: form-encoded requests, XML answers in the service's namespace. */
export const FORM_CONTENT_TYPE = 'application/x-www-form-urlencoded';

export function isFormRequest(contentType: string | undefined): boolean {
  return (contentType ?? '').split(';')[0]?.trim().toLowerCase() === FORM_CONTENT_TYPE;
}

/** The request's parameters; a repeated one is a client error, as on AWS. */
export function formParams(body: Buffer): Record<string, string> {
  const params: Record<string, string> = {};
  for (const [name, value] of new URLSearchParams(body.toString('utf8'))) {
    if (Object.hasOwn(params, name)) throw new ServiceError('InvalidParameterValue', 400, `${name} is repeated.`);
    params[name] = value;
  }
  return params;
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ESCAPES[char] ?? char);
}

export type XmlValue = string | number | { [member: string]: XmlValue | undefined };

/** Members in order, nested structures as nested elements; undefined members are left out. */
export function xmlMembers(members: Record<string, XmlValue | undefined>): string {
  return Object.entries(members)
    .filter((entry): entry is [string, XmlValue] => entry[1] !== undefined)
    .map(([name, value]) =>
      typeof value === 'object'
        ? `<${name}>${xmlMembers(value)}</${name}>`
        : `<${name}>${escapeXml(String(value))}</${name}>`,
    )
    .join('');
}

export function xmlDocument(root: string, namespace: string, members: Record<string, XmlValue | undefined>): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n<${root} xmlns="${namespace}">${xmlMembers(members)}</${root}>\n`;
}
