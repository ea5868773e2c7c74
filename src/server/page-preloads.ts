import { matchRoutes } from 'react-router';
import { PAGE_ROUTES, REDIRECTED_TO_LOGS } from '../shared/page-routes.ts';

/** Each page's path with its module, and the paths that open the logs; ranked as the client's router ranks them. */
const ROUTES = [
  ...Object.values(PAGE_ROUTES)
    .filter((r) => r.path !== '*')
    .map(({ path, module }) => ({ path, module })),
  ...REDIRECTED_TO_LOGS.map((path) => ({ path, module: PAGE_ROUTES.logs.module })),
];

/** The module of the page a path opens: the not-found page when no page's path matches. */
export function pageModuleOf(pathname: string): string {
  return matchRoutes(ROUTES, pathname)?.at(-1)?.route.module ?? PAGE_ROUTES.notFound.module;
}

/** The build's chunks of each page module (PAGE_CHUNKS_FILE), as file names under dist/. */
export type PageChunks = Record<string, readonly string[]>;

/**
 * `index.html` with module preloads for the chunks of the page at `pathname` that it does not name yet.
 * Without them the browser learns of the page's chunks only once the entry script has been fetched,
 * parsed and run (a few hundred ms on a first visit), and then fetches them a few at a time.
 */
export function withPagePreloads(html: string, pathname: string, chunks: PageChunks): string {
  const links = (chunks[pageModuleOf(pathname)] ?? [])
    .filter((file) => /^assets\/[\w.-]+\.js$/.test(file) && !html.includes(`/${file}"`))
    .map((file) => `<link rel="modulepreload" crossorigin href="/${file}">`);
  return links.length > 0 ? html.replace('</head>', `${links.join('')}</head>`) : html;
}
