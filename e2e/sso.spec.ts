import { expect, test } from './fixtures';
import { e2eEnv } from './playwright.config';

const signedIn = {
  [e2eEnv.proxySecretHeader]: e2eEnv.proxySecret,
  'x-forwarded-email': 'ana.lopez@example.com',
};

test('behind the SSO proxy, pages and API refuse a request without its secret; health stays open', async ({
  request,
}) => {
  const page = await request.get(`${e2eEnv.securedAppUrl}/images`, {
    headers: { 'x-forwarded-email': 'mallory@example.com' },
  });
  expect(page.status()).toBe(401);

  const api = await request.get(`${e2eEnv.securedAppUrl}/api/images`);
  expect(api.status()).toBe(401);
  expect(await api.json()).toMatchObject({ error: { code: 'Unauthenticated' } });

  const forged = await request.get(`${e2eEnv.securedAppUrl}/api/images`, {
    headers: { [e2eEnv.proxySecretHeader]: 'not-the-secret-at-all', 'x-forwarded-email': 'mallory@example.com' },
  });
  expect(forged.status()).toBe(401);

  expect((await request.get(`${e2eEnv.securedAppUrl}/api/health`)).status()).toBe(200);
});

test.describe('signed in through the SSO proxy', () => {
  test.use({ baseURL: e2eEnv.securedAppUrl, extraHTTPHeaders: signedIn });

  test('the header shows the signed-in user and the table loads through the guarded API', async ({ page }) => {
    await page.goto('/images');
    await expect(page.getByTestId('signed-in-user')).toHaveText('ana.lopez@example.com');
    await expect(page.locator('tbody tr[data-row-id]').first()).toBeVisible();
  });
});

test('without authentication configured, no user is shown', async ({ page }) => {
  await page.goto('/images');
  await expect(page.locator('tbody tr[data-row-id]').first()).toBeVisible();
  await expect(page.getByTestId('signed-in-user')).toHaveCount(0);
});
