import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect, type Page } from '@playwright/test';

/** Where journeys leave screenshots for a person to look at (git-ignored). */
export const SHOTS = resolve(import.meta.dirname, '..', 'screenshots');

/**
 * One full-page screenshot per colour scheme, `<name>-light.png` and `<name>-dark.png`, then back to light.
 * The theme follows the system scheme by a class on <html>; each shot waits until it has switched.
 */
export async function screenshotsInBothSchemes(page: Page, name: string): Promise<void> {
  mkdirSync(SHOTS, { recursive: true });
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await expect(page.locator('html')).toHaveClass(new RegExp(`\\b${scheme}\\b`));
    await page.screenshot({ path: resolve(SHOTS, `${name}-${scheme}.png`), fullPage: true, animations: 'disabled' });
  }
  await page.emulateMedia({ colorScheme: 'light' });
}
