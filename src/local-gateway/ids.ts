import { randomBytes, randomUUID } from 'node:crypto';

/** Dataset, evaluation and result ids: a UUID without dashes, which fits resourceIdSchema. */
export const newResourceId = (): string => randomUUID().replaceAll('-', '');

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/**
 * A ULID-like log id (26 Crockford base-32 characters: 48-bit time, 80 random bits), as Cloudflare's log
 * ids look. `random` supplies 16 values in 0..31; the seed passes its PRNG so ids are reproducible.
 */
export function ulid(timeMs: number, random: () => number = () => randomBytes(1)[0]! & 31): string {
  let t = Math.floor(timeMs);
  const time: string[] = new Array<string>(10);
  for (let i = 9; i >= 0; i--) {
    time[i] = CROCKFORD[t % 32]!;
    t = Math.floor(t / 32);
  }
  let out = time.join('');
  for (let i = 0; i < 16; i++) out += CROCKFORD[random() & 31]!;
  return out;
}
