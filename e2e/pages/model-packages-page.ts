import type { Page } from '@playwright/test';
import { TablePage } from './table-page';

export class ModelPackagesPage extends TablePage {
  constructor(page: Page) {
    super(page, '/model-packages', '/api/model-packages');
  }
}
