import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { derivedLogId } from './log-ids.ts';

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** The id as its definition reads, in BigInt: 10 digits of the time's low 50 bits, 16 of the digest's first 80. */
function reference(line: string, ms: number): string {
  const digits = (value: bigint, n: number) => Array.from({ length: n }, (_, i) => CROCKFORD[Number((value >> BigInt(5 * (n - 1 - i))) & 31n)]).join('');
  const time = BigInt(Math.max(0, Math.floor(ms))) & ((1n << 50n) - 1n);
  const digest = BigInt(`0x${createHash('sha256').update(line, 'utf8').digest('hex').slice(0, 20)}`);
  return digits(time, 10) + digits(digest, 16);
}

describe('derivedLogId', () => {
  it('keeps the ids stored by earlier imports (a changed id would make a re-import add every line again)', () => {
    expect(derivedLogId('{"Timestamp":1764000000000000000,"Gateway":"logpush-gw"}', 1764000000000)).toBe('01KAV9FT00RM91YGYBVX1WA61R');
    expect(derivedLogId('é漢😀 line', 0)).toBe('0000000000HF5R61FV68MT49ZJ');
    expect(derivedLogId('x', 2 ** 48 - 1)).toBe('7ZZZZZZZZZ5NRHCGNQ4TR480B2');
  });

  it('is the ULID of the time and the digest, for any line and time', () => {
    const times = [0, -5, 1.5, 1_764_000_000_123, 2 ** 48, 2 ** 50 + 12_345, 2 ** 53 - 1, 2 ** 60];
    for (let i = 0; i < 2000; i++) {
      const line = `{"i":${i},"text":"${'ab€'.repeat(i % 40)}"}`;
      const ms = times[i % times.length]! + (i % 3) * 977;
      expect(derivedLogId(line, ms)).toBe(reference(line, ms));
    }
  });
});
