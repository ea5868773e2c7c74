import { describe, expect, it } from 'vitest';
import { PAGE_ROUTES } from '../../shared/page-routes.ts';
import { PAGES } from './pages.ts';

describe('the page table', () => {
  it('loads, for each page, the module the server preloads for it', () => {
    expect(Object.keys(PAGES).sort()).toEqual(Object.keys(PAGE_ROUTES).sort());
    for (const [name, entry] of Object.entries(PAGES)) {
      const route = PAGE_ROUTES[name as keyof typeof PAGE_ROUTES];
      expect(entry.path, name).toBe(route.path);
      // The dynamic import names the module's file: a page moved in one table and not the other fails here.
      expect(entry.load.toString(), name).toContain(route.module.split('/').pop()!);
    }
  });
});
