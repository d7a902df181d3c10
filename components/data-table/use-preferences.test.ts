import { describe, expect, it } from 'vitest';
import { readDensity, readVisibility } from './use-preferences';

describe('stored preferences', () => {
  it('read back a density the table knows, and nothing else', () => {
    expect(readDensity('comfortable')).toBe('comfortable');
    expect(readDensity('huge')).toBeUndefined();
    expect(readDensity(1)).toBeUndefined();
  });

  it('read back column visibility, leaving out entries that are not true or false', () => {
    expect(readVisibility({ arn: true, status: false, name: 'yes' })).toEqual({ arn: true, status: false });
    expect(readVisibility(['arn'])).toBeUndefined();
    expect(readVisibility(null)).toBeUndefined();
  });
});
