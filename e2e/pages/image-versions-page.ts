import type { Locator, Page } from '@playwright/test';
import { TablePage } from './table-page';

export class ImageVersionsPage extends TablePage {
  readonly summary: Locator;
  readonly notFound: Locator;

  constructor(page: Page, imageName: string) {
    super(page, `/images/${encodeURIComponent(imageName)}`, `/api/images/${encodeURIComponent(imageName)}/versions`);
    this.summary = page.getByTestId('image-summary');
    this.notFound = page.getByTestId('image-not-found');
  }
}
