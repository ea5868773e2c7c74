import { hash } from 'node:crypto';

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/**
 * The id of a log whose source line carries none (every Logpush event; a Cloudflare log object without
 * `id`): a ULID of the line's time (48 bits) and 80 bits of the SHA-256 of the line's text. Importing the
 * same line again, from the same file or a recompressed copy, gives the same id and so adds nothing;
 * two byte-identical lines are one event (Logpush delivers at least once, so a repeat is a redelivery).
 * Written out rather than through ids.ts's ulid: this runs once per imported line.
 */
export function derivedLogId(line: string, createdAtMs: number): string {
  const digest = hash('sha256', line, 'buffer');
  let t = Math.max(0, Math.floor(createdAtMs));
  let time = '';
  for (let i = 0; i < 10; i++) {
    time = CROCKFORD[t % 32]! + time;
    t = Math.floor(t / 32);
  }
  // 16 characters of 5 bits each from the digest's first 10 bytes.
  let rest = '';
  for (let i = 0; i < 10; i += 5) {
    const low = ((digest[i + 1]! << 24) | (digest[i + 2]! << 16) | (digest[i + 3]! << 8) | digest[i + 4]!) >>> 0;
    let v = digest[i]! * 2 ** 32 + low;
    let chunk = '';
    for (let j = 0; j < 8; j++) {
      chunk = CROCKFORD[v % 32]! + chunk;
      v = Math.floor(v / 32);
    }
    rest += chunk;
  }
  return time + rest;
}
