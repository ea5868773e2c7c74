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

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { name: 'Sources', level: 1 });
    this.fileInput = page.getByLabel('Choose log file');
    this.keyInput = page.getByLabel('Private key (optional)');
    this.uploadButton = page.getByRole('button', { name: 'Upload' });
    this.progress = page.getByRole('progressbar', { name: 'Upload progress' });
    this.result = page.getByRole('status').filter({ hasText: /added/ });
    this.list = page.getByRole('list', { name: 'Log sources' });
  }

  async goto(gw = 'default') {
    await this.page.goto(`/gateways/${gw}/sources`);
    await this.heading.waitFor();
  }
}
