import { existsSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { gatewayIdSchema } from '../shared/gateways.ts';
import { importLogFile } from './import-logs.ts';
import { loadPrivateKey, PrivateKeyError } from './import/decrypt.ts';
import { expandPaths } from './import/lines.ts';
import { printImportResult, progressPrinter } from './import/report.ts';
import { openLocalGateway } from './index.ts';
import { SCHEMA_VERSION } from './migrations.ts';
import { PROJECTIONS_DIR_NAME } from './projections.ts';
import { appendSeedLogs, SEED_GATEWAYS, splitLogs } from './seed.ts';
import { Store, STORE_FILE_NAME } from './store.ts';
import { sourcesOf } from './sync/log-sources.ts';
import { outcomeLine, progressLine, runSync, sourceFromEnv } from './sync/run-sync.ts';
import { TOKEN_FILE_NAME } from './token.ts';

const USAGE = `usage: npm run gateway -- <command> [options]
  seed --logs N [--gateway ID]     append N generated logs (split over the seed gateways, or to ID);
                                   on an empty data dir, the first-start seed with N logs
  import FILE|FOLDER… [--gateway ID] [--private-key PEM_FILE]
                                   import log files, each all or nothing; a folder means its files.
                                   A file holds Cloudflare log objects (JSON Lines; needs --gateway) or
                                   Logpush ai_gateway_events (NDJSON; to their Gateway unless --gateway),
                                   gzipped or not. Importing a file again adds nothing. Encrypted fields
                                   are decrypted with --private-key, otherwise kept out; the key is never
                                   stored. A missing gateway is created.
  sync --gateway ID [--gateway ID…] [--calls-per-5min N]
                                   copy the logs of these gateways of a Cloudflare account into local
                                   gateways of the same name (created when missing), through the Logs API.
                                   Reads CLOUDFLARE_API_TOKEN, CLOUDFLARE_ACCOUNT_ID and CLOUDFLARE_BASE_URL
                                   (default https://api.cloudflare.com/client/v4). Incremental: only what is
                                   new since the last sync; stopped or killed, it continues where it stopped.
                                   Paced at N calls per 5 minutes (default 600, at most 1150 of the
                                   account's 1,200, shared with every other use of the account).
                                   Exits 0 when every gateway is up to date.
  reset                            delete the store and the token
  info                             show the account, gateways, counts and where each gateway's logs came from
options: --data-dir DIR (or DATA_DIR; default ./data)
exit codes: 0 done, 1 refused (bad input, nothing changed) or a sync stopped on an error, 2 usage error,
            130 stopped by a signal`;

class UsageError extends Error {}

function storeExists(dataDir: string) {
  return existsSync(join(dataDir, STORE_FILE_NAME));
}

/** One --gateway at most (sync takes several). */
function gatewayOption(values: string[] | undefined): string | undefined {
  if (values === undefined || values.length === 0) return undefined;
  if (values.length > 1) throw new UsageError('--gateway may be given once for this command');
  const value = values[0]!;
  const parsed = gatewayIdSchema.safeParse(value);
  if (!parsed.success) throw new UsageError(`--gateway ${parsed.error.issues[0]?.message}`);
  return parsed.data;
}

/** Runs one command; returns the exit code. Output: results on stdout, problems on stderr. */
export async function runCli(argv: string[], env: NodeJS.ProcessEnv = process.env): Promise<number> {
  try {
    const { values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        'data-dir': { type: 'string' },
        logs: { type: 'string' },
        gateway: { type: 'string', multiple: true },
        'private-key': { type: 'string' },
        'calls-per-5min': { type: 'string' },
        help: { type: 'boolean' },
      },
    });
    const [command, ...rest] = positionals;
    if (values.help || !command) {
      console.log(USAGE);
      return values.help ? 0 : 2;
    }
    const dataDir = resolve(values['data-dir'] ?? env.DATA_DIR ?? './data');
    switch (command) {
      case 'seed': {
        const n = Number(values.logs);
        if (!values.logs || !Number.isInteger(n) || n < 1 || n > 50_000_000) throw new UsageError('--logs must be a whole number from 1 to 50000000');
        const gatewayId = gatewayOption(values.gateway);
        if (!storeExists(dataDir)) {
          const gateway = await openLocalGateway({ dataDir, seedLogs: n });
          await gateway.close();
          console.log(`Seeded a new store in ${dataDir} with ${n} logs.`);
          return 0;
        }
        const store = new Store(dataDir);
        try {
          if (gatewayId) {
            if (!store.gateways.get(gatewayId)) store.gateways.create(gatewayId);
            appendSeedLogs(store, gatewayId, n);
          } else {
            const counts = splitLogs(n);
            SEED_GATEWAYS.forEach((id, i) => {
              if (!store.gateways.get(id)) store.gateways.create(id);
              if (counts[i]) appendSeedLogs(store, id, counts[i]!);
            });
          }
        } finally {
          store.close();
        }
        console.log(`Appended ${n} logs${gatewayId ? ` to ${gatewayId}` : ''}.`);
        return 0;
      }
      case 'import': {
        if (rest.length === 0) throw new UsageError('import needs at least one file or folder');
        const gatewayId = gatewayOption(values.gateway);
        for (const path of rest) if (!existsSync(path)) throw new UsageError(`no such file or folder: ${path}`);
        const files = await expandPaths(rest);
        let privateKey;
        try {
          privateKey = values['private-key'] === undefined ? undefined : loadPrivateKey(values['private-key']);
        } catch (error) {
          if (error instanceof PrivateKeyError) {
            console.error(error.message);
            return 1;
          }
          throw error;
        }
        if (!storeExists(dataDir)) await (await openLocalGateway({ dataDir })).close();
        const store = new Store(dataDir);
        let refused = 0;
        try {
          for (const file of files) {
            const progress = progressPrinter(file);
            const result = await importLogFile(store, file, { gatewayId, privateKey }, progress.update);
            progress.done();
            if (!printImportResult(file, result, privateKey !== undefined)) refused++;
          }
        } finally {
          store.close();
        }
        return refused > 0 ? 1 : 0;
      }
      case 'sync': {
        if (rest.length > 0) throw new UsageError(`sync takes no files (got ${rest[0]})`);
        const gatewayIds = (values.gateway ?? []).map((value) => {
          const parsed = gatewayIdSchema.safeParse(value);
          if (!parsed.success) throw new UsageError(`--gateway ${parsed.error.issues[0]?.message}`);
          return parsed.data;
        });
        if (gatewayIds.length === 0) throw new UsageError('sync needs --gateway ID (once per gateway)');
        let callsPer5Min: number | undefined;
        if (values['calls-per-5min'] !== undefined) {
          callsPer5Min = Number(values['calls-per-5min']);
          if (!Number.isInteger(callsPer5Min) || callsPer5Min < 1 || callsPer5Min > 1150) throw new UsageError('--calls-per-5min must be a whole number from 1 to 1150');
        }
        const source = sourceFromEnv(env);
        if (!source.ok) throw new UsageError(source.message);
        if (!storeExists(dataDir)) await (await openLocalGateway({ dataDir })).close();
        const store = new Store(dataDir);
        const stop = new AbortController();
        const onSignal = () => stop.abort(new Error('stopped'));
        process.once('SIGINT', onSignal);
        process.once('SIGTERM', onSignal);
        let lastPrinted = 0;
        try {
          const outcomes = await runSync(store, source.source, [...new Set(gatewayIds)], {
            ...(callsPer5Min === undefined ? {} : { callsPer5Min }),
            signal: stop.signal,
            onProgress: (p) => {
              const now = Date.now();
              if (now - lastPrinted < (process.stderr.isTTY ? 1000 : 10_000)) return;
              lastPrinted = now;
              process.stderr.write(process.stderr.isTTY ? `\r${progressLine(p)}\x1b[K` : `${progressLine(p)}\n`);
            },
          });
          if (process.stderr.isTTY && lastPrinted > 0) process.stderr.write('\n');
          for (const o of outcomes) (o.ok ? console.log : console.error)(outcomeLine(o));
          return outcomes.every((o) => o.ok) ? 0 : 1;
        } catch (error) {
          if (stop.signal.aborted) {
            console.error('Sync stopped; what was stored is kept, and the next sync continues from there.');
            return 130;
          }
          throw error;
        } finally {
          process.off('SIGINT', onSignal);
          process.off('SIGTERM', onSignal);
          store.close();
        }
      }
      case 'reset': {
        for (const name of [STORE_FILE_NAME, `${STORE_FILE_NAME}-wal`, `${STORE_FILE_NAME}-shm`, TOKEN_FILE_NAME]) rmSync(join(dataDir, name), { force: true });
        rmSync(join(dataDir, PROJECTIONS_DIR_NAME), { recursive: true, force: true });
        console.log(`Removed the store and the token from ${dataDir}.`);
        return 0;
      }
      case 'info': {
        if (!storeExists(dataDir)) {
          console.error(`No store in ${dataDir} yet; it is created on first start.`);
          return 1;
        }
        const store = new Store(dataDir);
        try {
          const gateways = store.gateways.ids().map((id) => ({
            id,
            logs: store.logs.count(id),
            datasets: store.datasets.list(id, { page: 1, per_page: 1 }).total,
            evaluations: store.evaluations.list(id, { page: 1, per_page: 1 }).total,
            // Where the logs came from: seeded, imported files, synced from an account (and when).
            sources: sourcesOf(store.db, id, store.logs.count(id)).map(({ gatewayId: _gw, ...source }) => source),
          }));
          console.log(JSON.stringify({ dataDir, accountId: store.meta.get('account_id'), tokenFile: join(dataDir, TOKEN_FILE_NAME), schemaVersion: SCHEMA_VERSION, gateways }, null, 2));
          return 0;
        } finally {
          store.close();
        }
      }
      default:
        throw new UsageError(`unknown command "${command}"`);
    }
  } catch (error) {
    if (error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      console.error(`${(error as Error).message}\n\n${USAGE}`);
      return 2;
    }
    throw error;
  }
}

// Run only as a program (`npm run gateway`), not when a test imports runCli.
if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  runCli(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
