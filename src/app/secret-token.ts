import { createHash, randomBytes } from 'node:crypto';

/** A fresh secret for a link or a cookie: 32 random bytes, URL-safe. */
export function randomToken(): string {
  return randomBytes(32).toString('base64url');
}

/** What is stored in place of a secret, so a copy of the database cannot be used to sign in. */
export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

/** A secret sent by a browser or in a link is at most this long; longer ones are not looked up. */
export const maxSecretLength = 200;
