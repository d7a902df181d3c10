import type { Page } from '@playwright/test';
import { TablePage } from './table-page';

export class ImagesPage extends TablePage {
  constructor(page: Page) {
    super(page, '/images', '/api/images');
  }
}
