import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { assertMatchesSpec, findPathTemplate } from '../test-support/openapi.ts';
import { openLocalGateway, type LocalGateway, type LocalGatewayOptions } from './index.ts';

/** A gateway in a fresh temp dir; `dispose` closes it and removes the dir. */
export async function openTestGateway(options: Partial<LocalGatewayOptions> = {}): Promise<{
  gateway: LocalGateway;
  dataDir: string;
  dispose: () => Promise<void>;
}> {
  const dataDir = mkdtempSync(join(tmpdir(), 'local-gateway-test-'));
  const gateway = await openLocalGateway({ dataDir, seedLogs: 3000, ...options });
  return {
    gateway,
    dataDir,
    dispose: async () => {
      await gateway.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export interface CallResult {
  status: number;
  headers: Headers;
  // Tests read arbitrary envelope fields; the spec check below is what holds the shape.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- see above
  body: any;
}

/**
 * Calls the gateway's app over its fetch interface, like an HTTP client, and checks every response whose
 * path the spec knows against the spec's schema for that operation and status.
 */
export function caller(gateway: LocalGateway) {
  const base = `/client/v4/accounts/${gateway.accountId}/ai-gateway`;
  return async function call(
    method: string,
    path: string,
    options: { body?: unknown; rawBody?: string; token?: string | null; fullPath?: boolean } = {},
  ): Promise<CallResult> {
    const headers: Record<string, string> = {};
    const token = options.token === undefined ? gateway.token : options.token;
    if (token !== null) headers.authorization = `Bearer ${token}`;
    let body: string | undefined;
    if (options.rawBody !== undefined) body = options.rawBody;
    else if (options.body !== undefined) body = JSON.stringify(options.body);
    if (body !== undefined) headers['content-type'] = 'application/json';
    const url = `http://local${options.fullPath ? path : base + path}`;
    const response = await gateway.fetch(new Request(url, { method, headers, body }));
    const json = await response.json();
    if (findPathTemplate(url) && !['HEAD', 'OPTIONS'].includes(method)) assertMatchesSpec(method, url, response.status, json);
    return { status: response.status, headers: response.headers, body: json };
  };
}

/** Polls an evaluation until `processed` (the job runs after create); bounded by the test timeout, not timed. */
export async function waitProcessed(call: ReturnType<typeof caller>, gatewayId: string, id: string): Promise<CallResult> {
  for (;;) {
    const res = await call('GET', `/gateways/${gatewayId}/evaluations/${id}`);
    if (res.status !== 200 || res.body.result.processed) return res;
    await new Promise((r) => setTimeout(r, 10));
  }
}
