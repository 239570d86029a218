import { createHash, randomBytes } from 'node:crypto';

/** A random secret (shown once) and the SHA-256 that is stored instead. 32 bytes: no need to slow-hash. */
export function newSecret(prefix: string): { token: string; hash: string } {
  const token = `${prefix}${randomBytes(32).toString('base64url')}`;
  return { token, hash: sha256(token) };
}

export function sha256(value: string): string {
  return createHash('sha256').update(value, 'utf8').digest('hex');
}

/** API tokens start with this, so secret scanners and people can recognise them. */
export const API_TOKEN_PREFIX = 'dm_';
