// A real server process (the BFF with the local gateway in-process) for tests that kill it or measure it:
// what `npm start` runs, minus the dashboard build. Configuration comes from the environment as usual;
// the first stdout line is `listening <url>`.
import { loadEnvOrExit } from '../server/env.ts';
import { closeOnSignals, startServer } from '../server/main.ts';

const env = loadEnvOrExit();
const handle = await startServer(env, { distDir: 'dist', log: () => {} });
process.stdout.write(`listening ${handle.url}\n`);
closeOnSignals(handle);
