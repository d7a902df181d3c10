import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { validationError } from './errors';

const payloadSchema = z.strictObject({
  q: z.string(),
  o: z.number().int().min(0),
  n: z.number().int().min(1),
});

const INVALID = 'Invalid NextToken: the token is malformed, was tampered with, or was not issued by this emulator.';
const OTHER_QUERY =
  'Invalid NextToken: the token was issued for a different query; keep the filters and sort order of the first page.';

function digest(binding: string): string {
  return createHash('sha256').update(binding).digest('base64url').slice(0, 22);
}

function decodePayload(encoded: string): z.infer<typeof payloadSchema> {
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(encoded, 'base64url').toString('utf8'));
  } catch {
    throw validationError(INVALID);
  }
  const parsed = payloadSchema.safeParse(json);
  if (!parsed.success) throw validationError(INVALID);
  return parsed.data;
}

/**
 * Tokens are `base64url(payload).base64url(hmac)`, bound to a digest of the query that produced them.
 * A serial makes every issued token unique; reading a token never changes state, so retries replay.
 */
export class NextTokenCodec {
  private serial = 0;

  constructor(private readonly key: Buffer = randomBytes(32)) {}

  private mac(payload: string): Buffer {
    return createHmac('sha256', this.key).update(payload).digest();
  }

  issue(binding: string, offset: number): string {
    this.serial += 1;
    const payload = Buffer.from(JSON.stringify({ q: digest(binding), o: offset, n: this.serial })).toString(
      'base64url',
    );
    return `${payload}.${this.mac(payload).toString('base64url')}`;
  }

  read(token: string, binding: string): number {
    const [payload, mac, ...rest] = token.split('.');
    if (!payload || !mac || rest.length > 0) throw validationError(INVALID);
    const expected = this.mac(payload);
    const given = Buffer.from(mac, 'base64url');
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw validationError(INVALID);
    const decoded = decodePayload(payload);
    if (decoded.q !== digest(binding)) throw validationError(OTHER_QUERY);
    return decoded.o;
  }
}
