import { describe, expect, it } from 'vitest';
import { ServiceError } from './errors';
import { NextTokenCodec } from './next-token';

function readError(codec: NextTokenCodec, token: string, binding: string): ServiceError {
  try {
    codec.read(token, binding);
  } catch (error) {
    if (error instanceof ServiceError) return error;
    throw error;
  }
  throw new Error('expected the token to be rejected');
}

describe('NextTokenCodec', () => {
  it('round-trips the offset for the same query and can be replayed', () => {
    const codec = new NextTokenCodec();
    const token = codec.issue('query-a', 40);
    expect(codec.read(token, 'query-a')).toBe(40);
    expect(codec.read(token, 'query-a')).toBe(40);
  });

  it('never issues the same token string twice', () => {
    const codec = new NextTokenCodec();
    const tokens = new Set(Array.from({ length: 50 }, () => codec.issue('query-a', 10)));
    expect(tokens.size).toBe(50);
  });

  it('rejects a token replayed with another query', () => {
    const codec = new NextTokenCodec();
    const error = readError(codec, codec.issue('query-a', 10), 'query-b');
    expect([error.code, error.status]).toEqual(['ValidationException', 400]);
    expect(error.message).toMatch(/^Invalid NextToken/);
    expect(error.message).toContain('different query');
  });

  it.each([
    ['garbage', () => 'not-a-token'],
    ['flipped payload', (t: string) => `${t.slice(0, 3)}${t[3] === 'A' ? 'B' : 'A'}${t.slice(4)}`],
    ['flipped mac', (t: string) => `${t.slice(0, -2)}${t.endsWith('AA') ? 'BB' : 'AA'}`],
    ['extra part', (t: string) => `${t}.x`],
  ])('rejects a %s token as invalid', (_label, mutate) => {
    const codec = new NextTokenCodec();
    const error = readError(codec, mutate(codec.issue('query-a', 10)), 'query-a');
    expect(error.code).toBe('ValidationException');
    expect(error.message).toMatch(/^Invalid NextToken/);
  });

  it('rejects tokens of another emulator instance', () => {
    const token = new NextTokenCodec().issue('query-a', 10);
    expect(readError(new NextTokenCodec(), token, 'query-a').message).toMatch(/^Invalid NextToken/);
  });
});
