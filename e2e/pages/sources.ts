import type { Locator, Page } from '@playwright/test';

/** The Sources page (`/gateways/:gw/sources`): file upload and where the gateway's logs came from. */
export class SourcesPage {
  readonly heading: Locator;
  readonly fileInput: Locator;
  readonly keyInput: Locator;
  readonly uploadButton: Locator;
  readonly progress: Locator;
  readonly result: Locator;
  readonly list: Locator;
  /** The sync card and its one-line state ("Syncing 40% of 2,000 expected: …", "Up to date: …"). */
  readonly syncCard: Locator;
  readonly syncLine: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { name: 'Sources', level: 1 });
    this.fileInput = page.getByLabel('Choose log file');
    this.keyInput = page.getByLabel('Private key (optional)');
    this.uploadButton = page.getByRole('button', { name: 'Upload' });
    this.progress = page.getByRole('progressbar', { name: 'Upload progress' });
    this.result = page.getByRole('status').filter({ hasText: /added/ });
    this.list = page.getByRole('list', { name: 'Log sources' });
    this.syncCard = page.getByRole('heading', { name: 'Sync from a Cloudflare account' }).locator('xpath=ancestor::div[contains(@class, "MuiPaper-root")][1]');
    this.syncLine = this.syncCard.locator('[aria-live="polite"]');
  }

  syncButton(name: 'Sync now' | 'Pause' | 'Resume' | 'Cancel' | 'Retry'): Locator {
    return this.syncCard.getByRole('button', { name, exact: true });
  }

  async goto(gw = 'default') {
    await this.page.goto(`/gateways/${gw}/sources`);
    await this.heading.waitFor();
  }
}
