import { statSync } from 'node:fs';
import type { FileImportResult } from './file-import.ts';

const FORMAT_NAMES = { 'cloudflare-logs': 'Cloudflare log objects', logpush: 'Logpush ai_gateway_events' } as const;

/** Prints one file's outcome (results on stdout, a refusal on stderr); answers whether it was imported. */
export function printImportResult(file: string, result: FileImportResult, hadKey: boolean): boolean {
  if (!result.ok) {
    console.error(`${file}: refused, nothing of it imported; fix these lines first:\n${result.errors.map((e) => `  ${file}: ${e}`).join('\n')}`);
    return false;
  }
  const gateways = Object.entries(result.byGateway)
    .map(([id, n]) => `${id}: ${n}`)
    .join(', ');
  const parts = [`${file}: Imported ${result.imported} logs${gateways ? ` (${gateways})` : ''}`];
  if (result.format) parts.push(FORMAT_NAMES[result.format]);
  if (result.alreadyPresent) parts.push(`${result.alreadyPresent} already present`);
  if (result.keptOut) parts.push(`${result.keptOut} encrypted fields kept out${hadKey ? '' : ' (give --private-key to decrypt them)'}`);
  console.log(`${parts.join('; ')}.`);
  return true;
}

/** A progress line on a terminal (percent of the file's bytes), every second at most; silent in scripts. */
export function progressPrinter(file: string): { update: (bytesRead: number) => void; done: () => void } {
  if (!process.stderr.isTTY) return { update: () => {}, done: () => {} };
  const size = statSync(file).size || 1;
  let last = 0;
  let shown = false;
  return {
    update: (bytesRead) => {
      const now = Date.now();
      if (now - last < 1000) return;
      last = now;
      shown = true;
      process.stderr.write(`\r${file}: ${Math.min(100, Math.floor((bytesRead / size) * 100))} % read`);
    },
    done: () => {
      if (shown) process.stderr.write('\n');
    },
  };
}
