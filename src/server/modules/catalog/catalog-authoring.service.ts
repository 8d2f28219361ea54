import type { Transaction } from 'kysely';
import { uuidv7 } from 'uuidv7';
import type { BundleDefinition, ServiceDefinition } from '../../../contracts/catalog.ts';
import type { Principal } from '../../platform/auth/access.ts';
import { appendAudit } from '../../platform/audit/audit.ts';
import { nowIso, type Db } from '../../platform/db/database.ts';
import type { Database } from '../../platform/db/schema.ts';
import { AppError } from '../../platform/errors.ts';
import type { Locale } from '../../platform/i18n/locale.ts';
import { validationMessage } from '../../platform/i18n/messages.ts';
import { findDepartment } from '../reference/reference.service.ts';
import { assignCompetentOffices } from './competent-offices.ts';
import {
  findEntryByCode,
  findEntryById,
  findVersion,
  listPublished,
  nextVersionNumber,
} from './catalog.repository.ts';
import type { CatalogEntryType } from './catalog.tables.ts';
import { validateBundleDefinition, validateServiceDefinition } from './validate-definition.ts';

export type Definition = ServiceDefinition | BundleDefinition;

/** Called after every publish or retire, so the search index and caches follow. */
export type CatalogListener = (change: {
  entryId: string;
  action: 'published' | 'retired';
}) => void | Promise<void>;

/**
 * Who may author a department's services: its office admins, and platform admins. Bundles span
 * departments, so only platform admins author them.
 */
export function assertCanAuthor(principal: Principal, departmentCode: string | null): void {
  if (principal.isAdmin) return;
  const isOfficeAdmin = principal.staff.some(
    (s) => s.role === 'office_admin' && s.departmentCode === departmentCode,
  );
  if (departmentCode === null || !isOfficeAdmin) throw new AppError('AUTH_FORBIDDEN');
}

/** The departments a principal may author for ('all' for platform admins). */
export function authorDepartments(principal: Principal): string[] | 'all' {
  if (principal.isAdmin) return 'all';
  return [...new Set(principal.staff.filter((s) => s.role === 'office_admin').map((s) => s.departmentCode))];
}

async function publishedMembers(
  db: Db | Transaction<Database>,
  codes: string[],
): Promise<Map<string, ServiceDefinition>> {
  const members = new Map<string, ServiceDefinition>();
  for (const row of await listPublished(db)) {
    if (row.entryType === 'service' && codes.includes(row.code)) {
      members.set(row.code, JSON.parse(row.definition) as ServiceDefinition);
    }
  }
  return members;
}

/** Validates a definition; throws VALIDATION_FAILED with field errors in the caller's language. */
export async function assertValidDefinition(
  db: Db | Transaction<Database>,
  entryType: CatalogEntryType,
  definition: unknown,
  locale: Locale,
): Promise<Definition> {
  if (entryType === 'service') {
    const errors = validateServiceDefinition(definition, locale);
    if (errors.length) throw new AppError('VALIDATION_FAILED', {}, errors);
    const service = definition as ServiceDefinition;
    if (!(await findDepartment(db, service.departmentCode))) {
      throw new AppError('VALIDATION_FAILED', {}, [
        {
          path: '/departmentCode',
          message: validationMessage('catalog.unknownDepartment', locale, { code: service.departmentCode }),
        },
      ]);
    }
    return service;
  }
  const codes = Array.isArray((definition as BundleDefinition | undefined)?.memberCodes)
    ? (definition as BundleDefinition).memberCodes
    : [];
  const errors = validateBundleDefinition(definition, await publishedMembers(db, codes), locale);
  if (errors.length) throw new AppError('VALIDATION_FAILED', {}, errors);
  return definition as BundleDefinition;
}

/**
 * Saves a draft: a new entry, or a new draft version of an existing one (editing a published
 * service never changes what was published; it makes a new draft).
 */
export async function saveDraft(
  db: Db,
  principal: Principal,
  input: { entryType: CatalogEntryType; definition: unknown; entryId?: string },
  context: { locale: Locale; requestId: string },
): Promise<{ entryId: string; versionId: string; version: number }> {
  const departmentCode =
    input.entryType === 'service'
      ? ((input.definition as ServiceDefinition | undefined)?.departmentCode ?? null)
      : null;
  assertCanAuthor(principal, departmentCode);
  const definition = await assertValidDefinition(db, input.entryType, input.definition, context.locale);
  return db.transaction().execute(async (trx) => {
    const now = nowIso();
    let entry = input.entryId
      ? await findEntryById(trx, input.entryId)
      : await findEntryByCode(trx, definition.code);
    if (input.entryId && !entry) throw new AppError('CATALOG_ENTRY_NOT_FOUND');
    if (
      entry &&
      (entry.entryType !== input.entryType ||
        entry.code !== definition.code ||
        entry.departmentCode !== departmentCode)
    ) {
      throw new AppError('CATALOG_IMMUTABLE_FIELD');
    }
    if (!input.entryId && entry) throw new AppError('CATALOG_CODE_TAKEN', { code: definition.code });
    if (!entry) {
      const id = uuidv7();
      await trx
        .insertInto('catalogEntries')
        .values({
          id,
          code: definition.code,
          entryType: input.entryType,
          departmentCode,
          status: 'draft',
          publishedVersionId: null,
          draftVersionId: null,
          popularity: definition.popularity,
          createdAt: now,
          updatedAt: now,
        })
        .execute();
      entry = (await findEntryById(trx, id))!;
    }
    let versionId = entry.draftVersionId;
    let version: number;
    if (versionId) {
      version = (await findVersion(trx, versionId))!.version;
      await trx
        .updateTable('catalogVersions')
        .set({ definition: JSON.stringify(definition), createdByUserId: principal.userId })
        .where('id', '=', versionId)
        .execute();
    } else {
      versionId = uuidv7();
      version = await nextVersionNumber(trx, entry.id);
      await trx
        .insertInto('catalogVersions')
        .values({
          id: versionId,
          entryId: entry.id,
          version,
          status: 'draft',
          definition: JSON.stringify(definition),
          effectiveFrom: null,
          publishedAt: null,
          publishedByUserId: null,
          createdAt: now,
          createdByUserId: principal.userId,
        })
        .execute();
    }
    await trx
      .updateTable('catalogEntries')
      .set({ draftVersionId: versionId, updatedAt: now })
      .where('id', '=', entry.id)
      .execute();
    await appendAudit(trx, {
      actor: { userId: principal.userId, name: principal.displayName },
      action: 'catalog.draft.save',
      objectType: input.entryType,
      objectId: entry.id,
      requestId: context.requestId,
      details: { code: definition.code, version },
    });
    return { entryId: entry.id, versionId, version };
  });
}

/**
 * Publishes the draft as the new version, effective from the given time (now by default);
 * the previous published version is kept as superseded, so applications filed under it keep it.
 */
export async function publishDraft(
  db: Db,
  principal: Principal,
  entryId: string,
  options: { effectiveFrom?: string; requestId: string; locale: Locale },
  listeners: CatalogListener[] = [],
): Promise<{ versionId: string; version: number }> {
  const entry = await findEntryById(db, entryId);
  if (!entry) throw new AppError('CATALOG_ENTRY_NOT_FOUND');
  assertCanAuthor(principal, entry.departmentCode);
  if (!entry.draftVersionId) throw new AppError('CATALOG_NO_DRAFT');
  const draft = (await findVersion(db, entry.draftVersionId))!;
  const definition = await assertValidDefinition(
    db,
    entry.entryType,
    JSON.parse(draft.definition),
    options.locale,
  );
  const result = await db.transaction().execute(async (trx) => {
    const now = nowIso();
    if (entry.publishedVersionId) {
      await trx
        .updateTable('catalogVersions')
        .set({ status: 'superseded' })
        .where('id', '=', entry.publishedVersionId)
        .execute();
    }
    await trx
      .updateTable('catalogVersions')
      .set({
        status: 'published',
        publishedAt: now,
        publishedByUserId: principal.userId,
        effectiveFrom: options.effectiveFrom ?? now,
      })
      .where('id', '=', draft.id)
      .execute();
    await trx
      .updateTable('catalogEntries')
      .set({
        status: 'published',
        publishedVersionId: draft.id,
        draftVersionId: null,
        popularity: definition.popularity,
        updatedAt: now,
      })
      .where('id', '=', entry.id)
      .execute();
    if (entry.entryType === 'service')
      await assignCompetentOffices(trx, entry.id, (definition as ServiceDefinition).departmentCode);
    await appendAudit(trx, {
      actor: { userId: principal.userId, name: principal.displayName },
      action: 'catalog.publish',
      objectType: entry.entryType,
      objectId: entry.id,
      requestId: options.requestId,
      details: { code: entry.code, version: draft.version },
    });
    return { versionId: draft.id, version: draft.version };
  });
  for (const listener of listeners) await listener({ entryId: entry.id, action: 'published' });
  return result;
}

/** Takes a published service out of the catalogue; its versions stay for existing applications. */
export async function retireEntry(
  db: Db,
  principal: Principal,
  entryId: string,
  requestId: string,
  listeners: CatalogListener[] = [],
): Promise<void> {
  const entry = await findEntryById(db, entryId);
  if (!entry) throw new AppError('CATALOG_ENTRY_NOT_FOUND');
  assertCanAuthor(principal, entry.departmentCode);
  if (entry.status !== 'published') throw new AppError('CATALOG_NOT_PUBLISHED');
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('catalogVersions')
      .set({ status: 'retired' })
      .where('id', '=', entry.publishedVersionId!)
      .execute();
    await trx
      .updateTable('catalogEntries')
      .set({ status: 'retired', updatedAt: nowIso() })
      .where('id', '=', entry.id)
      .execute();
    await appendAudit(trx, {
      actor: { userId: principal.userId, name: principal.displayName },
      action: 'catalog.retire',
      objectType: entry.entryType,
      objectId: entry.id,
      requestId,
      details: { code: entry.code },
    });
  });
  for (const listener of listeners) await listener({ entryId: entry.id, action: 'retired' });
}
