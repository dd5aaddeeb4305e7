// Opaque bearer tokens: a prefix saying what it is, then 32 random bytes (base64url). The server
// keeps only their SHA-256: a database leak reveals no usable token.
import { createHash, randomBytes } from 'node:crypto';

export const ACCESS_PREFIX = 'cspw_at_';
export const REFRESH_PREFIX = 'cspw_rt_';
const SHAPE = /^cspw_(at|rt)_[A-Za-z0-9_-]{43}$/;

export function newToken(prefix: typeof ACCESS_PREFIX | typeof REFRESH_PREFIX): string {
  return prefix + randomBytes(32).toString('base64url');
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export function looksLike(token: string, prefix: typeof ACCESS_PREFIX | typeof REFRESH_PREFIX): boolean {
  return token.startsWith(prefix) && SHAPE.test(token);
}
