import { describe, expect, it } from 'vitest';
import { unknownApiRoute } from './unknown-route';

describe('an /api path no route serves', () => {
  it('answers a JSON 404 naming the path', async () => {
    const response = unknownApiRoute().GET(new Request('http://localhost/api/details'));
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toBe('application/json');
    expect(await response.json()).toMatchObject({
      error: { code: 'NotFound', message: expect.stringContaining('/api/details') },
    });
  });
});
