import { describe, expect, it } from 'vitest';
import { ENTITY_NAME_CONTAINS, GROUP_NAME_OR_ARN, IMAGE_NAME_CONTAINS, parseInstant, textProblem } from './constraints';

describe('parseInstant', () => {
  it.each([
    ['2026-01-31T12:00:00Z', '2026-01-31T12:00:00.000Z'],
    ['2026-01-31T12:00:00.250+02:00', '2026-01-31T10:00:00.250Z'],
    ['2026-01-31', '2026-01-31T00:00:00.000Z'],
    ['1704164645', '2024-01-02T03:04:05.000Z'],
    ['1704164645.678', '2024-01-02T03:04:05.678Z'],
    ['2028-02-29', '2028-02-29T00:00:00.000Z'],
    ['2026-01-31T23:59:59-1130', '2026-02-01T11:29:59.000Z'],
  ])('reads %s', (input, iso) => {
    expect(parseInstant(input)?.toISOString()).toBe(iso);
  });

  it.each([
    'yesterday',
    '2026-13-01T00:00:00Z',
    '2026-01-31T12:00:00',
    '',
    '-5',
    '1e9',
    '2026-02-30',
    '2026-02-29T00:00:00Z',
    '2025-04-31T10:00:00Z',
    '2026-01-31T24:00:00Z',
    '2026-01-31T23:60:00Z',
    '2026-01-31T23:59:60Z',
    '2026-01-31T12:00:00+24:00',
    '2026-01-31T12:00:00+02:60',
  ])('rejects %j', (input) => {
    expect(parseInstant(input)).toBeUndefined();
  });
});

describe('textProblem', () => {
  it('takes what matches the rule within its length', () => {
    expect(textProblem(IMAGE_NAME_CONTAINS, 'tf-2.13')).toBeNull();
    expect(textProblem(ENTITY_NAME_CONTAINS, 'churn-v2')).toBeNull();
    expect(
      textProblem(GROUP_NAME_OR_ARN, 'arn:aws:sagemaker:us-east-1:123456789012:model-package-group/churn'),
    ).toBeNull();
  });

  it('says why it refuses, the length first', () => {
    expect(textProblem(ENTITY_NAME_CONTAINS, 'churn.v2')).toBe('may contain only letters, digits and "-"');
    expect(textProblem(IMAGE_NAME_CONTAINS, '!'.repeat(64))).toBe('must be at most 63 characters');
  });
});
