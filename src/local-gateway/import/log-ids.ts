import { hash } from 'node:crypto';

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
/** Char codes of the Crockford digits, for String.fromCharCode. */
const DIGIT = Uint8Array.from(CROCKFORD, (c) => c.charCodeAt(0));
const TWO_30 = 2 ** 30;

/**
 * The id of a log whose source line carries none (every Logpush event; a Cloudflare log object without
 * `id`): a ULID of the line's time (48 bits) and 80 bits of the SHA-256 of the line's text. Importing the
 * same line again, from the same file or a recompressed copy, gives the same id and so adds nothing;
 * two byte-identical lines are one event (Logpush delivers at least once, so a repeat is a redelivery).
 * Written out rather than through ids.ts's ulid: this runs once per imported line.
 * Ids must never change for the same line (a re-import would duplicate), which a test pins.
 */
export function derivedLogId(line: string, createdAtMs: number): string {
  // One char per digest byte: read with charCodeAt, no Buffer (whose allocation costs as much as the hash).
  const d = hash('sha256', line, 'binary');
  // The first 80 bits (10 bytes) as four 20-bit parts, each 4 digits of 5 bits, most significant first.
  const a = (d.charCodeAt(0) << 12) | (d.charCodeAt(1) << 4) | (d.charCodeAt(2) >>> 4);
  const b = ((d.charCodeAt(2) & 15) << 16) | (d.charCodeAt(3) << 8) | d.charCodeAt(4);
  const c = (d.charCodeAt(5) << 12) | (d.charCodeAt(6) << 4) | (d.charCodeAt(7) >>> 4);
  const e = ((d.charCodeAt(7) & 15) << 16) | (d.charCodeAt(8) << 8) | d.charCodeAt(9);
  return (
    timeDigits(Math.max(0, Math.floor(createdAtMs))) +
    String.fromCharCode(
      DIGIT[a >>> 15]!, DIGIT[(a >>> 10) & 31]!, DIGIT[(a >>> 5) & 31]!, DIGIT[a & 31]!,
      DIGIT[b >>> 15]!, DIGIT[(b >>> 10) & 31]!, DIGIT[(b >>> 5) & 31]!, DIGIT[b & 31]!,
      DIGIT[c >>> 15]!, DIGIT[(c >>> 10) & 31]!, DIGIT[(c >>> 5) & 31]!, DIGIT[c & 31]!,
      DIGIT[e >>> 15]!, DIGIT[(e >>> 10) & 31]!, DIGIT[(e >>> 5) & 31]!, DIGIT[e & 31]!,
    )
  );
}

/** The low 50 bits of a whole number of ms as 10 digits (a ULID's time; any real time fits in 48). */
function timeDigits(t: number): string {
  // Two parts that bit operators take exactly: `>>>` reads a number modulo 2^32, the top 20 bits and the low 30.
  const high = Math.floor(t / TWO_30);
  const low = t - high * TWO_30;
  return String.fromCharCode(
    DIGIT[(high >>> 15) & 31]!,
    DIGIT[(high >>> 10) & 31]!,
    DIGIT[(high >>> 5) & 31]!,
    DIGIT[high & 31]!,
    DIGIT[(low >>> 25) & 31]!,
    DIGIT[(low >>> 20) & 31]!,
    DIGIT[(low >>> 15) & 31]!,
    DIGIT[(low >>> 10) & 31]!,
    DIGIT[(low >>> 5) & 31]!,
    DIGIT[low & 31]!,
  );
}
