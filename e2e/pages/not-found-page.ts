import type { Locator, Page } from '@playwright/test';

export class NotFoundPage {
  readonly message: Locator;

  constructor(readonly page: Page) {
    this.message = page.getByTestId('not-found');
  }

  async open(): Promise<void> {
    await this.page.goto('/no-such-page');
  }
}
