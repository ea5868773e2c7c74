import { fileURLToPath } from 'node:url';

const bundles = new Map<string, Promise<string>>();

/**
 * A worker thread's script: the TypeScript module at `entry` and what it imports, bundled into one plain
 * CommonJS script, once per process. A worker thread does not inherit this thread's TypeScript loader, and
 * registering that loader in each worker (a loader thread of its own, plus the compiler's state) costs
 * tens of MB per worker; the bundle is pure computation, evaluated by every worker.
 *
 * Synchronous (about 0.3 s, on the calling thread), then the bundler is stopped so its helper thread and
 * process do not stay for the life of the process. With the async build(), whose helper every caller
 * shares, one caller's stop() ended another's build in flight: an import's build was seen never to finish
 * that way (the CLI then exited having imported nothing). Synchronous builds cannot overlap.
 */
export function bundledWorkerScript(entry: URL): Promise<string> {
  let script = bundles.get(entry.href);
  if (!script) {
    script = (async () => {
      const esbuild = await import('esbuild');
      const result = (() => {
        try {
          return esbuild.buildSync({
            entryPoints: [fileURLToPath(entry)],
            bundle: true,
            platform: 'node',
            format: 'cjs',
            target: 'node20',
            write: false,
            logLevel: 'silent',
          });
        } finally {
          void esbuild.stop();
        }
      })();
      const text = result.outputFiles[0]?.text;
      if (!text) throw new Error(`bundling the worker ${fileURLToPath(entry)} produced no output`);
      return text;
    })();
    bundles.set(entry.href, script);
  }
  return script;
}
