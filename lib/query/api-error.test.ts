import { describe, expect, it } from 'vitest';
import { errorFromResponse } from './api-error';

const answer = (body: string, status = 400, headers: Record<string, string> = {}) =>
  new Response(body, { status, statusText: 'Bad Request', headers });

describe('errorFromResponse', () => {
  it("reads the proxy's error body, with the parameter, request id and Retry-After", async () => {
    const body = { error: { code: 'InvalidParameter', param: 'MaxResults', message: 'too big', requestId: 'r-1' } };
    const error = await errorFromResponse(answer(JSON.stringify(body), 429, { 'retry-after': '2' }));
    expect(error).toMatchObject({ status: 429, code: 'InvalidParameter', message: 'too big', retryable: true });
    expect(error.details).toEqual({ param: 'MaxResults', requestId: 'r-1', retryAfterMs: 2000 });
  });

  it.each([
    ['HTML from a proxy in front', '<html>Sign in</html>'],
    ['an error without a message', JSON.stringify({ error: { code: 'X' } })],
    ['a code that is not text', JSON.stringify({ error: { code: 5, message: 'm' } })],
  ])('names the HTTP status for %s', async (_what, text) => {
    const error = await errorFromResponse(answer(text, 502));
    expect(error).toMatchObject({ status: 502, code: 'HttpError', message: 'The server answered 502 Bad Request' });
  });

  it('leaves out members of the wrong type', async () => {
    const error = await errorFromResponse(answer(JSON.stringify({ error: { code: 'C', message: 'm', param: 3 } })));
    expect(error.details.param).toBeUndefined();
  });
});
