import { z } from 'zod';
import { serializationError, validationError } from './errors';

const describeType = (expected: string) => (issue: { input?: unknown }) =>
  issue.input === undefined ? 'Member must not be null' : `Member must be ${expected}`;

export function text(options: { min: number; max: number; pattern?: string; unicode?: boolean }) {
  let schema = z
    .string({ error: describeType('a string') })
    .min(options.min, `Member must have length greater than or equal to ${options.min}`)
    .max(options.max, `Member must have length less than or equal to ${options.max}`);
  if (options.pattern !== undefined) {
    const whole = new RegExp(`^(?:${options.pattern})$`, options.unicode ? 'u' : '');
    schema = schema.regex(whole, `Member must satisfy regular expression pattern: ${options.pattern}`);
  }
  return schema;
}

export function integer(min: number, max: number) {
  return z
    .number({ error: describeType('an integer') })
    .int('Member must be an integer')
    .min(min, `Member must have value greater than or equal to ${min}`)
    .max(max, `Member must have value less than or equal to ${max}`);
}

/** Epoch seconds, integer or fractional, as every AWS SDK writes them for awsJson; parsed to epoch ms. */
export function timestamp() {
  return z
    .number({ error: describeType('a timestamp in epoch seconds (a JSON number)') })
    .transform((seconds) => Math.round(seconds * 1000));
}

export function oneOf<const T extends readonly [string, ...string[]]>(values: T) {
  return z.enum(values, { error: describeType(`one of the enum value set: [${values.join(', ')}]`) });
}

export const maxResults = () => integer(1, 100);
export const nextToken = () => text({ min: 0, max: 8192 });

function lowerFirst(name: string): string {
  return name.charAt(0).toLowerCase() + name.slice(1);
}

function renderValue(value: unknown): string {
  if (value === undefined || value === null) return 'null';
  return `'${typeof value === 'string' ? value : JSON.stringify(value)}'`;
}

/** JSON `null` members mean "absent", as in the AWS JSON protocols. */
export function requestObject(body: unknown): Record<string, unknown> {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw serializationError('Request body must be a JSON object.');
  }
  return Object.fromEntries(Object.entries(body).filter(([, value]) => value !== null));
}

export function parseInput<S extends z.ZodType>(schema: S, body: Record<string, unknown>): z.output<S> {
  const result = schema.safeParse(body);
  if (result.success) return result.data;
  const details = result.error.issues.map((issue) => {
    const member = String(issue.path[0] ?? 'input');
    return `Value ${renderValue(body[member])} at '${lowerFirst(member)}' failed to satisfy constraint: ${issue.message}`;
  });
  const count = details.length;
  throw validationError(`${count} validation error${count === 1 ? '' : 's'} detected: ${details.join('; ')}`);
}
