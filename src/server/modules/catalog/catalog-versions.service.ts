import type { Transaction } from 'kysely';
import type { BundleDefinition, ServiceDefinition } from '../../../contracts/catalog.ts';
import type { Db } from '../../platform/db/database.ts';
import type { Database } from '../../platform/db/schema.ts';
import { findVersion } from './catalog.repository.ts';

const cache = new Map<string, ServiceDefinition | BundleDefinition>();

/**
 * The definition of one catalogue version (published versions never change, so it is cached);
 * applications use it to work on under the version they were filed under.
 */
export async function findVersionDefinition(
  db: Db | Transaction<Database>,
  versionId: string,
): Promise<ServiceDefinition | BundleDefinition | undefined> {
  const cached = cache.get(versionId);
  if (cached) return cached;
  const version = await findVersion(db, versionId);
  if (!version) return undefined;
  const definition = JSON.parse(version.definition) as ServiceDefinition | BundleDefinition;
  if (version.status !== 'draft') cache.set(versionId, definition);
  return definition;
}
