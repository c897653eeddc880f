import 'server-only';
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { dataDir, env } from './env';

let key: Buffer | undefined;

/**
 * The 256-bit key for vendor credentials: from SWITCHBOARD_SECRET, else from `<data dir>/secret.key`, created
 * (mode 0600) on first start so a newcomer needs no configuration.
 */
export function masterKey(): Buffer {
  if (key) return key;
  let material = env().SWITCHBOARD_SECRET;
  if (!material) {
    const file = path.join(dataDir(), 'secret.key');
    if (!fs.existsSync(file)) {
      fs.mkdirSync(dataDir(), { recursive: true });
      fs.writeFileSync(file, randomBytes(32).toString('base64'), { mode: 0o600 });
    }
    material = fs.readFileSync(file, 'utf8').trim();
  }
  key = createHash('sha256').update(`switchboard:credentials:${material}`).digest();
  return key;
}

/** Derived, separate key for signing sessions (next-auth's AUTH_SECRET) when none is configured. */
export function derivedAuthSecret(): string {
  return createHash('sha256').update(Buffer.concat([Buffer.from('switchboard:auth:'), masterKey()])).digest('base64url');
}

/** AES-256-GCM; output `v1.<iv>.<tag>.<ciphertext>` in base64url. */
export function encryptJson(value: unknown): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', masterKey(), iv);
  const ct = Buffer.concat([cipher.update(JSON.stringify(value), 'utf8'), cipher.final()]);
  return ['v1', iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), ct.toString('base64url')].join('.');
}

export function decryptJson<T = unknown>(blob: string): T {
  const [v, iv, tag, ct] = blob.split('.');
  if (v !== 'v1' || !iv || !tag || !ct) throw new Error('unknown credential format');
  const decipher = createDecipheriv('aes-256-gcm', masterKey(), Buffer.from(iv, 'base64url'));
  decipher.setAuthTag(Buffer.from(tag, 'base64url'));
  return JSON.parse(Buffer.concat([decipher.update(Buffer.from(ct, 'base64url')), decipher.final()]).toString('utf8')) as T;
}

export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

export function randomToken(bytes = 24): string {
  return randomBytes(bytes).toString('base64url');
}
