/**
 * Conformance check: drives the official SDK through the oracle (Prism in proxy mode in front of a running
 * local gateway) and fails if Prism reports any violation: an `sl-violations` header, a 422 (our request
 * broke the spec) or a 500 VIOLATIONS (our gateway's answer broke it).
 *
 * env: ORACLE_BASE_URL (set by the oracle script), and the local gateway's credentials as printed by
 * serve.ts: LOCAL_GATEWAY_INFO_FILE (the JSON line), or LOCAL_GATEWAY_TOKEN + LOCAL_GATEWAY_ACCOUNT_ID.
 */
import Cloudflare from 'cloudflare';
import { readFileSync } from 'node:fs';

const baseURL = process.env.ORACLE_BASE_URL;
const info = process.env.LOCAL_GATEWAY_INFO_FILE
  ? (JSON.parse(readFileSync(process.env.LOCAL_GATEWAY_INFO_FILE, 'utf8')) as { token: string; accountId: string })
  : { token: process.env.LOCAL_GATEWAY_TOKEN ?? '', accountId: process.env.LOCAL_GATEWAY_ACCOUNT_ID ?? '' };
if (!baseURL || !info.token || !info.accountId) {
  console.error('Set ORACLE_BASE_URL and LOCAL_GATEWAY_INFO_FILE (or LOCAL_GATEWAY_TOKEN and LOCAL_GATEWAY_ACCOUNT_ID).');
  process.exit(2);
}

const violations: string[] = [];
const calls: string[] = [];

/** Sees every exchange: records Prism's verdict on it. */
async function watchingFetch(input: string | URL | Request, init?: RequestInit): Promise<Response> {
  const response = await fetch(input, init);
  const method = init?.method ?? (input instanceof Request ? input.method : 'GET');
  const url = input instanceof Request ? input.url : String(input);
  const label = `${method} ${new URL(url).pathname}${new URL(url).search} → ${response.status}`;
  calls.push(label);
  const header = response.headers.get('sl-violations');
  if (header) violations.push(`${label}: sl-violations ${header}`);
  if (response.status === 422 || response.status === 500) violations.push(`${label}: ${(await response.clone().text()).slice(0, 2000)}`);
  return response;
}

const client = new Cloudflare({ apiToken: info.token, baseURL, maxRetries: 0, fetch: watchingFetch });
const account_id = info.accountId;

/** An expected API error (404, 400) is part of the check: its body must conform too. */
async function expectError(what: string, promise: Promise<unknown>, status: number) {
  try {
    await promise;
    violations.push(`${what}: expected ${status}, got success`);
  } catch (error) {
    if (!(error instanceof Cloudflare.APIError) || error.status !== status) violations.push(`${what}: expected ${status}, got ${String(error)}`);
  }
}

async function main() {
  const gateways = [];
  for await (const g of client.aiGateway.list({ account_id, per_page: 2 })) gateways.push(g);
  const gatewayId = gateways[0]!.id;
  await client.aiGateway.get(gatewayId, { account_id });

  const types = (await client.aiGateway.evaluationTypes.list({ account_id, order_by: 'mandatory', order_by_direction: 'desc', per_page: 5 })).result;

  const created = await client.aiGateway.datasets.create(gatewayId, {
    account_id,
    enable: false,
    name: 'conformance dataset',
    filters: [{ key: 'provider', operator: 'eq', value: ['openai'] }],
  });
  const updated = await client.aiGateway.datasets.update(created.id, {
    account_id,
    gateway_id: gatewayId,
    enable: true,
    name: 'conformance dataset, updated',
    filters: [{ key: 'model', operator: 'contains', value: ['gpt'] }, { key: 'success', operator: 'eq', value: [true] }],
  });
  const listed = [];
  for await (const d of client.aiGateway.datasets.list(gatewayId, { account_id, per_page: 3 })) listed.push(d.id);
  if (!listed.includes(updated.id)) violations.push('datasets.list: the created dataset is missing');
  await client.aiGateway.datasets.get(updated.id, { account_id, gateway_id: gatewayId });
  await expectError('datasets.create with a word for cost', client.aiGateway.datasets.create(gatewayId, { account_id, enable: true, name: 'bad', filters: [{ key: 'cost', operator: 'gt', value: ['cheap'] }] }), 400);

  const evaluation = await client.aiGateway.evaluations.create(gatewayId, {
    account_id,
    dataset_ids: [updated.id],
    evaluation_type_ids: types.map((t) => t.id),
    name: 'conformance evaluation',
  });
  let current = evaluation;
  for (let i = 0; i < 200 && !current.processed; i++) {
    await new Promise((r) => setTimeout(r, 50));
    current = await client.aiGateway.evaluations.get(evaluation.id, { account_id, gateway_id: gatewayId });
  }
  if (!current.processed) violations.push('evaluations.get: never processed');
  await client.aiGateway.evaluations.list(gatewayId, { account_id, per_page: 5, processed: true });
  await client.aiGateway.evaluations.delete(evaluation.id, { account_id, gateway_id: gatewayId });
  await expectError('evaluations.get after delete', client.aiGateway.evaluations.get(evaluation.id, { account_id, gateway_id: gatewayId }), 404);

  await client.aiGateway.datasets.delete(updated.id, { account_id, gateway_id: gatewayId });
  await expectError('datasets.get after delete', client.aiGateway.datasets.get(updated.id, { account_id, gateway_id: gatewayId }), 404);

  // Logs without `filters` (the SDK's encoding of filters is not the wire format; see the oracle's notes).
  const logs = await client.aiGateway.logs.list(gatewayId, { account_id, per_page: 5, order_by: 'created_at', order_by_direction: 'desc', meta_info: true });
  const logId = logs.result[0]!.id;
  await client.aiGateway.logs.get(logId, { account_id, gateway_id: gatewayId });
  await client.aiGateway.logs.edit(logId, { account_id, gateway_id: gatewayId, feedback: 1, score: 80 });
}

try {
  await main();
} catch (error) {
  violations.push(`unexpected failure: ${error instanceof Error ? error.message : String(error)}`);
}
console.log(calls.join('\n'));
if (violations.length) {
  console.error(`\n${violations.length} violation(s):\n${violations.join('\n')}`);
  process.exit(1);
}
console.log(`\nConformance: ${calls.length} calls through the oracle, zero violations.`);
