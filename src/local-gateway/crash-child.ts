/**
 * Child process of the crash test: opens the store in the given dir and performs writes through the API
 * forever, printing each one only after the API acknowledged it (stdout to a pipe is synchronous on
 * Linux, so a printed line is a write that was acknowledged). The parent kills it with SIGKILL mid-stream.
 *   node --import tsx src/local-gateway/crash-child.ts <dataDir>
 */
import { openLocalGateway } from './index.ts';

const dataDir = process.argv[2];
if (!dataDir) throw new Error('usage: crash-child.ts <dataDir>');
const gateway = await openLocalGateway({ dataDir, seedLogs: 2000 });
const base = `http://local/client/v4/accounts/${gateway.accountId}/ai-gateway/gateways/default`;
const headers = { authorization: `Bearer ${gateway.token}`, 'content-type': 'application/json' };
const call = async (method: string, path: string, body?: unknown) => {
  const res = await gateway.fetch(new Request(base + path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) }));
  if (res.status !== 200) throw new Error(`${method} ${path} → ${res.status} ${await res.text()}`);
  return (await res.json()) as { result: { id: string }[] | { id: string } };
};

const unrated = encodeURIComponent(JSON.stringify([{ key: 'feedback', operator: 'eq', value: [0] }]));
// Each write patches a different log, so an unacknowledged last write cannot overwrite an acknowledged one.
const logs: { id: string }[] = [];
for (const page of [1, 2, 3, 4]) logs.push(...((await call('GET', `/logs?per_page=50&page=${page}&filters=${unrated}`)).result as { id: string }[]));
process.stdout.write('ready\n');
for (let i = 0; ; i++) {
  const dataset = (await call('POST', '/datasets', { name: `crash ${i}`, enable: true, filters: [{ key: 'provider', operator: 'eq', value: ['openai'] }] })).result as { id: string };
  process.stdout.write(`dataset ${dataset.id}\n`);
  const log = logs[i];
  if (!log) break;
  const feedback = i % 2 === 0 ? 1 : -1;
  await call('PATCH', `/logs/${log.id}`, { feedback });
  process.stdout.write(`feedback ${log.id} ${feedback}\n`);
}
