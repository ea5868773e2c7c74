import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { rsaKeyPair } from '../../test-support/logpush-fixtures.ts';
import { loadPrivateKey, PrivateKeyError, rsaKeyFromPem } from './decrypt.ts';

describe('a private key, from a file (the CLI) or from bytes (an upload)', () => {
  it('reads an RSA key and wipes the bytes it came in', () => {
    const pem = Buffer.from(rsaKeyPair().privateKeyPem);
    expect(rsaKeyFromPem(pem).asymmetricKeyType).toBe('rsa');
    expect(pem.every((b) => b === 0)).toBe(true);
  });

  it('names what is wrong without quoting the key, with the option name on the command line', () => {
    const junk = Buffer.from('-----BEGIN PRIVATE KEY-----\nnot a key\n-----END PRIVATE KEY-----\n');
    expect(() => rsaKeyFromPem(Buffer.from(junk))).toThrow(new PrivateKeyError('not an RSA private key in PEM form'));
    const dir = mkdtempSync(join(tmpdir(), 'private-key-'));
    try {
      writeFileSync(join(dir, 'key.pem'), junk);
      expect(() => loadPrivateKey(join(dir, 'key.pem'))).toThrow(new PrivateKeyError('--private-key: not an RSA private key in PEM form'));
      expect(() => loadPrivateKey(join(dir, 'missing.pem'))).toThrow(new PrivateKeyError('--private-key: the file cannot be read'));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
