import { expect, test } from './fixtures';
import { TablePage } from './pages/table-page';
import { e2eEnv } from './playwright.config';
import { rawRequest } from './raw-http';

const MALFORMED = ['%zz', '%', '%E0%A4%A', '%C0%AF', '%ED%A0%80', '%FF'];

test.describe('nothing answers 500', () => {
  test('TRACE and every write method get 405 with Allow on pages, the API and static assets', async ({ page }) => {
    await page.goto('/images');
    const script = await page.locator('script[src*="/_next/static/"]').first().getAttribute('src');
    expect(script).not.toBeNull();
    for (const method of ['TRACE', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']) {
      for (const path of ['/images', '/api/images', '/api/health', script ?? '']) {
        const reply = await rawRequest(e2eEnv.appUrl, method, path);
        expect(reply.status, `${method} ${path}`).toBe(405);
        expect(reply.headers.allow).toBe('GET, HEAD');
        expect(reply.body).not.toMatch(/ at .*\.js:\d+/);
      }
    }
  });

  test('an image name that is not valid percent-encoding is a 400 naming ImageName', async () => {
    for (const name of MALFORMED) {
      const reply = await rawRequest(e2eEnv.appUrl, 'GET', `/api/images/${name}/versions`);
      expect(reply.status, name).toBe(400);
      expect(JSON.parse(reply.body)).toMatchObject({ error: { code: 'InvalidParameter', param: 'ImageName' } });
      expect(reply.headers['content-security-policy']).toContain("default-src 'self'");
    }
  });

  test('an /api path no route serves is a JSON 404, never the HTML page', async () => {
    for (const path of ['/api/nope', '/api/details', '/api/details/images/extra', '/api/images/tf/versions/x']) {
      const reply = await rawRequest(e2eEnv.appUrl, 'GET', path);
      expect(reply.status, path).toBe(404);
      expect(reply.headers['content-type'], path).toContain('application/json');
      expect(JSON.parse(reply.body)).toMatchObject({ error: { code: 'NotFound' } });
    }
  });

  test('a page link that is not valid percent-encoding shows the image not-found view', async ({
    page,
    consoleLog,
  }) => {
    consoleLog.allow(/status of 404/);
    const versions = new TablePage(page, 'image-versions', { ImageName: 'unused' });
    for (const name of [...MALFORMED, 'a%25b']) {
      const response = await page.goto(`/images/${name}`);
      expect(response?.status(), name).toBe(404);
      await expect(versions.parentNotFound).toBeVisible();
    }
  });
});

test.describe('behind the SSO proxy', () => {
  const secret: [string, string] = [e2eEnv.proxySecretHeader, e2eEnv.proxySecret];

  test('the favicon and robots.txt are real files, open without sign-in, and reveal no backend', async () => {
    const favicon = await rawRequest(e2eEnv.securedAppUrl, 'GET', '/favicon.ico');
    expect(favicon.status).toBe(200);
    expect(favicon.headers['content-type']).toMatch(/image\/(x-icon|vnd\.microsoft\.icon)/);
    const robots = await rawRequest(e2eEnv.securedAppUrl, 'GET', '/robots.txt');
    expect(robots.status).toBe(200);
    expect(robots.body).toBe('User-agent: *\nDisallow: /\n');
    for (const reply of [favicon, robots]) {
      expect(reply.headers['content-security-policy']).toContain("frame-ancestors 'none'");
      expect(reply.body).not.toMatch(/Emulator|127\.0\.0\.1|us-east-1|backend-badge/);
    }
    const missing = await rawRequest(e2eEnv.securedAppUrl, 'GET', '/no-such-page');
    expect(missing.status).toBe(401);
    expect(missing.body).not.toMatch(/Emulator|127\.0\.0\.1|backend-badge/);
  });

  test('a repeated identity header is refused, even with the right secret', async () => {
    const twice = await rawRequest(e2eEnv.securedAppUrl, 'GET', '/api/images', [
      secret,
      ['x-forwarded-email', 'mallory@evil.test'],
      ['x-forwarded-email', 'bob@corp.test'],
    ]);
    expect(twice.status).toBe(401);
    expect(JSON.parse(twice.body)).toMatchObject({ error: { code: 'Unauthenticated' } });
    const once = await rawRequest(e2eEnv.securedAppUrl, 'GET', '/api/images?MaxResults=1', [
      secret,
      ['x-forwarded-email', 'bob@corp.test'],
    ]);
    expect(once.status).toBe(200);
  });
});
