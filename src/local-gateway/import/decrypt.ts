import { constants, createDecipheriv, createPrivateKey, privateDecrypt, type KeyObject } from 'node:crypto';
import { readFileSync } from 'node:fs';

/** A Logpush field encrypted with the gateway's public key: `{type: "encrypted", key, iv, data}`, all base64. */
export interface EncryptedField {
  type: 'encrypted';
  key: string;
  iv: string;
  data: string;
}

/** AES-GCM's authentication tag, appended to the ciphertext (WebCrypto's layout). */
const GCM_TAG_BYTES = 16;

export function isEncrypted(value: unknown): value is EncryptedField {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as EncryptedField).key === 'string' &&
    typeof (value as EncryptedField).iv === 'string' &&
    typeof (value as EncryptedField).data === 'string'
  );
}

/** Thrown for a key file that cannot be used; its message never quotes the file's content. */
export class PrivateKeyError extends Error {}

/** Reads a PEM private key (PKCS#8 or PKCS#1). The key lives in this object only, never stored or logged. */
export function loadPrivateKey(file: string): KeyObject {
  let pem: Buffer;
  try {
    pem = readFileSync(file);
  } catch {
    throw new PrivateKeyError('--private-key: the file cannot be read');
  }
  try {
    return rsaKeyFromPem(pem);
  } catch (error) {
    throw error instanceof PrivateKeyError ? new PrivateKeyError(`--private-key: ${error.message}`) : error;
  }
}

/** An RSA private key from PEM bytes (PKCS#8 or PKCS#1), held in the answer only: the bytes are wiped. */
export function rsaKeyFromPem(pem: Buffer): KeyObject {
  try {
    const key = createPrivateKey(pem);
    if (key.asymmetricKeyType !== 'rsa') throw new Error();
    return key;
  } catch {
    throw new PrivateKeyError('not an RSA private key in PEM form');
  } finally {
    pem.fill(0);
  }
}

/**
 * Cloudflare's hybrid scheme: `key` is a fresh AES-256 key wrapped with RSA-OAEP (SHA-256); `data` is the
 * AES-256-GCM ciphertext followed by its tag. Answers the plaintext as UTF-8; throws when the key does not
 * fit or the data was altered (the tag check), without saying anything about the key.
 */
export function decryptField(field: EncryptedField, privateKey: KeyObject): string {
  const aesKey = privateDecrypt({ key: privateKey, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: 'sha256' }, Buffer.from(field.key, 'base64'));
  try {
    const data = Buffer.from(field.data, 'base64');
    if (data.length < GCM_TAG_BYTES) throw new Error('too short');
    const decipher = createDecipheriv('aes-256-gcm', aesKey, Buffer.from(field.iv, 'base64'));
    decipher.setAuthTag(data.subarray(data.length - GCM_TAG_BYTES));
    return Buffer.concat([decipher.update(data.subarray(0, data.length - GCM_TAG_BYTES)), decipher.final()]).toString('utf8');
  } finally {
    aesKey.fill(0);
  }
}
