import { createHash } from 'node:crypto';
import { ulid } from '../ids.ts';

/**
 * The id of a log whose source line carries none (every Logpush event; a Cloudflare log object without
 * `id`): the line's time as a ULID prefix, then 80 bits of the SHA-256 of the line's text. Importing the
 * same line again, from the same file or a recompressed copy, gives the same id and so adds nothing;
 * two byte-identical lines are one event (Logpush delivers at least once, so a repeat is a redelivery).
 */
export function derivedLogId(line: string, createdAtMs: number): string {
  const digest = createHash('sha256').update(line).digest();
  let i = 0;
  return ulid(createdAtMs, () => digest[i++]!);
}
