// What the ingest route needs to know about a device key — its facility and that facility's
// active terminals — kept for a few seconds so that a busy device does not pay two queries per
// batch. Rotating a key or changing a terminal in this process clears the facility's entries at
// once; another process sees the change within the TTL.
import type { Db } from '../../platform/db/database.ts';

export const DEVICE_CACHE_TTL_MS = 5_000;
const MAX_ENTRIES = 10_000;

export interface CachedDevice {
  facilityId: string;
  facilityCode: string;
  terminalIds: ReadonlySet<string>;
}

const caches = new WeakMap<Db, Map<string, { device: CachedDevice; expiresAt: number }>>();

function cacheOf(db: Db) {
  let cache = caches.get(db);
  if (!cache) {
    cache = new Map();
    caches.set(db, cache);
  }
  return cache;
}

/** The cached device of a key hash, or undefined when absent or expired. */
export function cachedDevice(db: Db, keyHash: string, now = Date.now()): CachedDevice | undefined {
  const cache = cacheOf(db);
  const entry = cache.get(keyHash);
  if (!entry) return undefined;
  if (entry.expiresAt <= now) {
    cache.delete(keyHash);
    return undefined;
  }
  return entry.device;
}

export function rememberDevice(db: Db, keyHash: string, device: CachedDevice, now = Date.now()): void {
  const cache = cacheOf(db);
  if (cache.size >= MAX_ENTRIES) cache.clear();
  cache.set(keyHash, { device, expiresAt: now + DEVICE_CACHE_TTL_MS });
}

/** Forgets every key of the facility (after a rotation or a terminal change). */
export function forgetFacilityDevices(db: Db, facilityId: string): void {
  const cache = cacheOf(db);
  for (const [hash, entry] of cache) if (entry.device.facilityId === facilityId) cache.delete(hash);
}
