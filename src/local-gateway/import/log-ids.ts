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
 * Written out rather than through ids.ts's ulid: this runs once per imported line, so the digest is
 * asked for as hex (a string costs half of what a Buffer result does) and read 20 bits at a time.
 * Ids must never change for the same line (a re-import would duplicate), which a test pins.
 */
export function derivedLogId(line: string, createdAtMs: number): string {
  const hex = hash('sha256', line, 'hex');
  // The first 80 bits as 16 digits of 5 bits, most significant first: 4 digits per 5 hex digits.
  let rest = '';
  for (let i = 0; i < 20; i += 5) {
    const v = parseInt(hex.slice(i, i + 5), 16);
    rest += String.fromCharCode(DIGIT[v >>> 15]!, DIGIT[(v >>> 10) & 31]!, DIGIT[(v >>> 5) & 31]!, DIGIT[v & 31]!);
  }
  return timeDigits(Math.max(0, Math.floor(createdAtMs))) + rest;
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
