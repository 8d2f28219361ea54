import { uuidv7 } from 'uuidv7';
import type { BundleDefinition, ServiceDefinition } from '../../../contracts/catalog.ts';
import { appendAudit } from '../../platform/audit/audit.ts';
import { nowIso, type Db } from '../../platform/db/database.ts';
import { assertValidDefinition } from './catalog-authoring.service.ts';
import { assignCompetentOffices } from './competent-offices.ts';
import { CATALOG_TOPICS } from './catalog-topics.ts';

/**
 * Loads a catalogue as published version 1 of each entry (the demo city, or a city's first
 * import). Idempotent: codes already present are left alone. Every definition is validated as
 * strictly as an author's, so a bad demo entry fails loudly.
 */
export async function seedCatalog(
  db: Db,
  catalogue: { services: ServiceDefinition[]; bundles: BundleDefinition[] },
): Promise<{ created: number }> {
  await db.transaction().execute(async (trx) => {
    for (const topic of CATALOG_TOPICS) {
      await trx
        .insertInto('catalogTopics')
        .values(topic)
        .onConflict((oc) => oc.column('code').doNothing())
        .execute();
    }
  });
  const existing = new Set(
    (await db.selectFrom('catalogEntries').select('code').execute()).map((row) => row.code),
  );
  let created = 0;
  const load = async (entryType: 'service' | 'bundle', definition: ServiceDefinition | BundleDefinition) => {
    if (existing.has(definition.code)) return;
    await db.transaction().execute(async (trx) => {
      const valid = await assertValidDefinition(trx, entryType, definition, 'en');
      const now = nowIso();
      const entryId = uuidv7();
      const versionId = uuidv7();
      const departmentCode = entryType === 'service' ? (valid as ServiceDefinition).departmentCode : null;
      await trx
        .insertInto('catalogEntries')
        .values({
          id: entryId,
          code: valid.code,
          entryType,
          departmentCode,
          status: 'published',
          publishedVersionId: null,
          draftVersionId: null,
          popularity: valid.popularity,
          createdAt: now,
          updatedAt: now,
        })
        .execute();
      await trx
        .insertInto('catalogVersions')
        .values({
          id: versionId,
          entryId,
          version: 1,
          status: 'published',
          definition: JSON.stringify(valid),
          effectiveFrom: now,
          publishedAt: now,
          publishedByUserId: null,
          createdAt: now,
          createdByUserId: null,
        })
        .execute();
      await trx
        .updateTable('catalogEntries')
        .set({ publishedVersionId: versionId })
        .where('id', '=', entryId)
        .execute();
      if (departmentCode) await assignCompetentOffices(trx, entryId, departmentCode);
    });
    created += 1;
  };
  // Services first: bundles are validated against their published members.
  for (const service of catalogue.services) await load('service', service);
  for (const bundle of catalogue.bundles) await load('bundle', bundle);
  if (created > 0) await appendAudit(db, { actor: null, action: 'catalog.seed', details: { created } });
  return { created };
}
