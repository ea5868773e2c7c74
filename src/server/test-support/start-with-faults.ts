// TEST-ONLY entry point: the server as `npm start` runs it, with the local gateway's handler wrapped by a
// fault controller (latency, errors, 429s, dropped connections; see local-gateway/faults.ts) and
// `/api/test/faults` mounted to switch them at run time. End-to-end journeys start this instead of
// `src/server/start.ts`; the product's own start path knows nothing of faults.
//
//   TEST_FAULTS='{"errorRate":0.5}' node --import tsx src/server/test-support/start-with-faults.ts
//
// The client must already be built (the e2e runner builds it). Loopback only, local mode only.
import { FaultController, faultSettingsSchema, type FaultSettings } from '../../local-gateway/faults.ts';
import { loadEnvOrExit, type ServerEnv } from '../env.ts';
import { closeOnSignals, startServer, StartupError, type ServerHandle, type StartOptions } from '../main.ts';
import { isLoopbackHost } from '../security.ts';
import { testControlRoutes } from './test-control.ts';

/** Starts the server with faults on the local gateway (initially `initial`) and the switch route. */
export async function startWithFaults(
  env: ServerEnv,
  initial: FaultSettings = {},
  so: StartOptions = {},
): Promise<{ server: ServerHandle; faults: FaultController }> {
  if (!isLoopbackHost(env.host)) throw new StartupError('The fault-injecting test server listens on loopback only (HOST=127.0.0.1).');
  if (env.upstream.mode !== 'local') throw new StartupError('Faults are a property of the local gateway; unset CLOUDFLARE_API_TOKEN for the test server.');
  const faults = new FaultController(initial);
  const server = await startServer(env, { ...so, wrapLocalGateway: (fetch) => faults.wrap(fetch), extraApiRoutes: testControlRoutes(faults) });
  (so.log ?? ((line: string) => process.stdout.write(`${line}\n`)))(`Test-only: local gateway faults ${JSON.stringify(faults.get())}; /api/test/faults is mounted`);
  return { server, faults };
}

/** TEST_FAULTS: the initial settings as JSON; a bad one stops the start with one line naming the field. */
function initialFaults(text: string | undefined): FaultSettings {
  if (!text?.trim()) return {};
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new StartupError('TEST_FAULTS must be JSON such as {"latencyMs":200,"errorRate":0.3}.');
  }
  const parsed = faultSettingsSchema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new StartupError(`TEST_FAULTS ${issue?.path.join('.') ?? ''}: ${issue?.message ?? 'invalid'} (fields latencyMs, errorRate, rateLimitEvery, retryAfterSeconds, dropRate).`);
  }
  return parsed.data;
}

if (process.argv[1] && import.meta.filename === process.argv[1]) {
  try {
    const { server } = await startWithFaults(loadEnvOrExit(), initialFaults(process.env.TEST_FAULTS));
    closeOnSignals(server);
  } catch (e) {
    if (!(e instanceof StartupError)) throw e;
    process.stderr.write(`${e.message}\n`);
    process.exit(1);
  }
}
