import { expect, type Locator, type Page, type Request } from '@playwright/test';
import { apiPath, pagePath } from '@/lib/resources/derive';
import { resourceSpec, type ResourceId } from '@/lib/resources/registry';

/** The first page a table shows: `url` is the list route's URL of it. */
export interface FirstPage {
  url: () => Promise<string>;
}

/** A listing's page: the generic data table of any registry entry, with its parent's summary when it has one. */
export class TablePage {
  readonly path: string;
  readonly apiPath: string;
  readonly rows: Locator;
  readonly count: Locator;
  readonly error: Locator;
  readonly urlIssues: Locator;
  readonly emptyState: Locator;
  readonly scroller: Locator;
  readonly parentSummary: Locator;
  readonly parentNotFound: Locator;
  readonly label: string;

  constructor(
    readonly page: Page,
    resource: ResourceId,
    params: Record<string, string> = {},
  ) {
    const spec = resourceSpec(resource);
    this.path = pagePath(spec, params);
    this.apiPath = apiPath(spec, params);
    this.label = spec.label;
    this.parentSummary = page.getByTestId('parent-summary');
    this.parentNotFound = page.getByTestId('parent-not-found');
    this.rows = page.locator('tbody tr[data-row-id]');
    this.count = page.getByTestId('row-count');
    this.error = page.getByTestId('table-error');
    this.urlIssues = page.getByTestId('url-issues');
    this.emptyState = page.getByTestId('empty-state');
    this.scroller = page.getByTestId('table-scroll');
  }

  url(query = ''): string {
    return query === '' ? this.path : `${this.path}?${query}`;
  }

  /**
   * Opens the page. The first page of rows comes with its HTML, or from the browser when the server could not
   * load it in time; either way the table names the list route's URL it shows first.
   */
  async open(query = ''): Promise<FirstPage> {
    await this.page.goto(this.url(query));
    await this.hydrated();
    return { url: () => this.firstPageUrl() };
  }

  /** Waits until the table (when the page has one) runs in the browser, past the server's HTML. */
  async hydrated(): Promise<void> {
    await this.page.waitForFunction(
      (label) =>
        document.querySelector(`section[aria-label="${label}"]`) === null ||
        document.querySelector(`section[aria-label="${label}"][data-hydrated]`) !== null,
      this.label,
    );
  }

  /** The list route's URL of the first page the table shows, once it shows one. */
  async firstPageUrl(): Promise<string> {
    const table = this.page.locator(`section[aria-label="${this.label}"][data-first-page]`);
    await expect(table).toHaveCount(1);
    return new URL((await table.getAttribute('data-first-page')) ?? '', this.page.url()).toString();
  }

  nextListRequest(predicate: (params: URLSearchParams) => boolean = () => true): Promise<Request> {
    return this.page.waitForRequest((request) => {
      const url = new URL(request.url());
      return url.pathname === this.apiPath && predicate(url.searchParams);
    });
  }

  async rowIds(): Promise<string[]> {
    await expect(this.rows.first()).toBeVisible();
    return this.rows.evaluateAll((rows) => rows.map((row) => row.getAttribute('data-row-id') ?? ''));
  }

  cells(columnId: string): Locator {
    return this.rows.locator(`td[data-column="${columnId}"]`);
  }

  header(label: string): Locator {
    return this.page.getByRole('columnheader', { name: label, exact: true });
  }

  async clickHeader(label: string): Promise<void> {
    await this.header(label).getByRole('button').click();
  }

  filter(id: string): Locator {
    return this.page.locator(`[data-filter="${id}"]`);
  }

  rangeButton(label: string): Locator {
    return this.page.getByRole('button', { name: `${label} range:` });
  }

  /** The toolbar button of a filter that opens a panel (enum and multi-value filters). */
  filterButton(label: string): Locator {
    return this.page.getByRole('button', { name: `${label} filter:` });
  }

  async scrollToBottom(): Promise<void> {
    await this.scroller.evaluate((element) => element.scrollTo({ top: element.scrollHeight }));
  }

  /** Scrolls until the count says "N total" and returns N. */
  async scrollUntilComplete(): Promise<number> {
    await expect(async () => {
      await this.scrollToBottom();
      await expect(this.count).toContainText('total', { timeout: 1000 });
    }).toPass({ timeout: 30_000 });
    const text = (await this.count.textContent()) ?? '';
    return Number(/(\d+) total/.exec(text)?.[1]);
  }
}
