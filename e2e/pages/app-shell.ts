import type { Locator, Page } from '@playwright/test';

/** The shell around every page: gateway switcher, sections, theme, toasts. */
export class AppShell {
  readonly gateway: Locator;
  readonly productName: Locator;

  constructor(readonly page: Page) {
    this.gateway = page.getByRole('combobox', { name: 'Gateway' });
    this.productName = page.getByText('AI Gateway Console', { exact: true });
  }

  section(name: 'Logs' | 'Datasets' | 'Evaluations'): Locator {
    return this.page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name, exact: true });
  }

  async switchGateway(id: string) {
    await this.gateway.selectOption(id);
  }

  async setTheme(mode: 'Light' | 'Dark' | 'System') {
    await this.page.getByRole('button', { name: `${mode} theme` }).click();
  }

  toast(text: string | RegExp): Locator {
    return this.page.getByRole('alert').filter({ hasText: text });
  }

  async undo() {
    await this.page.getByRole('alert').getByRole('button', { name: 'Undo' }).click();
  }

  /** Full-page screenshot under e2e/screenshots (git-ignored), to be looked at by a person. */
  async screenshot(name: string) {
    // Park the pointer on the title so no tooltip covers the page.
    await this.productName.hover();
    await this.page.screenshot({ path: `e2e/screenshots/${name}.png`, fullPage: true });
  }
}
