// Client secrets: 256 random bits shown to the partner once; only the SHA-256 is stored (the
// secret is random, so a slow password hash adds nothing), compared in constant time.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

export const newClientSecret = (): string => `tbs_${randomBytes(32).toString('base64url')}`;

export const hashClientSecret = (secret: string): string => createHash('sha256').update(secret).digest('hex');

export function secretMatches(secret: string, storedHash: string): boolean {
  const a = Buffer.from(hashClientSecret(secret), 'hex');
  const b = Buffer.from(storedHash, 'hex');
  return a.length === b.length && timingSafeEqual(a, b);
}
