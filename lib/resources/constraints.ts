const EPOCH_SECONDS = /^\d{1,12}(\.\d{1,9})?$/;
const ISO_8601 = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?(?:Z|([+-])(\d{2}):?(\d{2})))?$/;

/** Epoch seconds, or an ISO 8601 date or time with a zone; every field must exist on the calendar (no 30 February). */
export function parseInstant(value: string): Date | undefined {
  if (EPOCH_SECONDS.test(value)) return new Date(Math.round(Number(value) * 1000));
  const match = ISO_8601.exec(value);
  if (match === null) return undefined;
  const field = (index: number) => Number(match[index] ?? 0);
  const [year, month, day, hour, minute, second] = [field(1), field(2), field(3), field(4), field(5), field(6)];
  const [offsetHours, offsetMinutes] = [field(9), field(10)];
  const fraction = Math.round(field(7) * 1000);
  const utc = Date.UTC(year, month - 1, day, hour, minute, second, fraction);
  const calendar = new Date(Date.UTC(year, month - 1, day));
  const real =
    calendar.getUTCFullYear() === year &&
    calendar.getUTCMonth() === month - 1 &&
    calendar.getUTCDate() === day &&
    hour < 24 &&
    minute < 60 &&
    second < 60 &&
    offsetHours < 24 &&
    offsetMinutes < 60;
  if (!real) return undefined;
  const offset = (match[8] === '-' ? -1 : 1) * (offsetHours * 60 + offsetMinutes) * 60_000;
  return new Date(utc - offset);
}

/** What a text parameter of an API takes: at most `max` characters matching `pattern`; `message` says so. */
export interface TextRule {
  pattern: RegExp;
  max: number;
  message: string;
}

/** Why the API would refuse `raw` under `rule`, in the words its 400 uses; null when it would take it. */
export function textProblem(rule: TextRule, raw: string): string | null {
  if (raw.length > rule.max) return `must be at most ${rule.max} characters`;
  return rule.pattern.test(raw) ? null : rule.message;
}

export const IMAGE_NAME_CONTAINS: TextRule = {
  pattern: /^[a-zA-Z0-9\-.]+$/,
  max: 63,
  message: 'may contain only letters, digits, "-" and "."',
};

/** A part of an entity name, as the model registry's NameContains members take it. */
export const ENTITY_NAME_CONTAINS: TextRule = {
  pattern: /^[a-zA-Z0-9-]+$/,
  max: 63,
  message: 'may contain only letters, digits and "-"',
};

export const IMAGE_NAME: TextRule = {
  pattern: /^[a-zA-Z0-9]([-.]?[a-zA-Z0-9]){0,62}$/,
  max: 63,
  message: 'must be 1 to 63 letters or digits, with single "-" or "." between them',
};

/** DescribeModelPackage's name: a name, `group/version`, or an ARN. */
export const MODEL_PACKAGE_NAME_OR_ARN: TextRule = {
  pattern:
    /^(arn:aws[a-z-]*:sagemaker:[a-z0-9-]*:[0-9]{12}:[a-z-]*\/)?([a-zA-Z0-9]([a-zA-Z0-9-]){0,62})(?<!-)(\/[0-9]{1,9})?$/,
  max: 176,
  message: 'must be a model package name or its ARN',
};

export const GROUP_NAME_OR_ARN: TextRule = {
  pattern: /^(arn:aws[a-z-]*:sagemaker:[a-z0-9-]*:[0-9]{12}:[a-z-]*\/)?([a-zA-Z0-9]([a-zA-Z0-9-]){0,62})(?<!-)$/,
  max: 170,
  message: 'must be a model package group name (letters, digits and "-") or its ARN',
};
