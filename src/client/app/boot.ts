import { createQueryClient } from '../lib/query-client.ts';
import { startFirstScreen } from './first-screen.ts';

/**
 * The dashboard's query client, with the first screen's requests already under way. This module is the
 * entry's first import and does its work as it evaluates: modules evaluate in import order, so the requests
 * start before the UI library's modules (a few hundred ms of evaluation) rather than after them.
 */
export const queryClient = createQueryClient();
startFirstScreen(queryClient, window.location);
