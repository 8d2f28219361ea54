// Drafts (草稿) save as the applicant types and resume on another device: one per account,
// entry and applicant (themselves or an enterprise they represent). A save carries the version
// it was based on, so two devices cannot silently overwrite each other.
import { uuidv7 } from 'uuidv7';
import type { Principal } from '../../platform/auth/access.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { AppError } from '../../platform/errors.ts';
import { assertEnterpriseMember } from '../identity/enterprises.service.ts';
import type { Delivery } from '../../../contracts/api/applications.ts';
import type { ApplicationDraftTable } from './applications.tables.ts';

async function subjectKeyFor(deps: AppDeps, principal: Principal, enterpriseId?: string): Promise<string> {
  if (enterpriseId) {
    await assertEnterpriseMember(deps.database.db, principal, enterpriseId);
    return `enterprise:${enterpriseId}`;
  }
  if (!principal.personId) throw new AppError('AUTH_FORBIDDEN');
  return `person:${principal.personId}`;
}

function present(row: ApplicationDraftTable) {
  return {
    id: row.id,
    entryId: row.entryId,
    enterpriseId: row.subjectKey.startsWith('enterprise:')
      ? row.subjectKey.slice('enterprise:'.length)
      : null,
    data: JSON.parse(row.data) as Record<string, unknown>,
    attachmentIds: JSON.parse(row.attachments) as string[],
    delivery: row.delivery ? (JSON.parse(row.delivery) as Delivery) : null,
    version: row.version,
    updatedAt: row.updatedAt,
  };
}

async function entryIdOf(deps: AppDeps, serviceId: string): Promise<string> {
  const entry = await deps.catalogue.publishedEntry(serviceId);
  if (!entry) throw new AppError('CATALOG_ENTRY_NOT_FOUND');
  return entry.id;
}

export async function getDraft(
  deps: AppDeps,
  principal: Principal,
  serviceId: string,
  enterpriseId?: string,
) {
  const subjectKey = await subjectKeyFor(deps, principal, enterpriseId);
  const entryId = await entryIdOf(deps, serviceId);
  const row = await deps.database.db
    .selectFrom('applicationDrafts')
    .selectAll()
    .where('ownerUserId', '=', principal.userId)
    .where('entryId', '=', entryId)
    .where('subjectKey', '=', subjectKey)
    .executeTakeFirst();
  if (!row) throw new AppError('DRAFT_NOT_FOUND');
  return present(row);
}

export async function saveDraft(
  deps: AppDeps,
  principal: Principal,
  serviceId: string,
  input: {
    enterpriseId?: string;
    data: Record<string, unknown>;
    attachmentIds?: string[];
    delivery?: Delivery;
    version?: number;
  },
) {
  const subjectKey = await subjectKeyFor(deps, principal, input.enterpriseId);
  const entryId = await entryIdOf(deps, serviceId);
  return deps.database.db.transaction().execute(async (trx) => {
    const existing = await trx
      .selectFrom('applicationDrafts')
      .selectAll()
      .where('ownerUserId', '=', principal.userId)
      .where('entryId', '=', entryId)
      .where('subjectKey', '=', subjectKey)
      .executeTakeFirst();
    const now = deps.clock.now().toISOString();
    const values = {
      data: JSON.stringify(input.data),
      attachments: JSON.stringify(input.attachmentIds ?? []),
      delivery: input.delivery ? JSON.stringify(input.delivery) : null,
      updatedAt: now,
    };
    if (!existing) {
      if (input.version !== undefined && input.version !== 0) throw new AppError('DRAFT_CHANGED');
      const row: ApplicationDraftTable = {
        id: uuidv7(),
        ownerUserId: principal.userId,
        entryId,
        subjectKey,
        ...values,
        version: 1,
      };
      await trx.insertInto('applicationDrafts').values(row).execute();
      return present(row);
    }
    if (input.version !== undefined && input.version !== existing.version)
      throw new AppError('DRAFT_CHANGED');
    const next = { ...existing, ...values, version: existing.version + 1 };
    await trx
      .updateTable('applicationDrafts')
      .set({ ...values, version: next.version })
      .where('id', '=', existing.id)
      .where('version', '=', existing.version)
      .execute();
    return present(next);
  });
}

export async function deleteDraftOf(
  deps: AppDeps,
  principal: Principal,
  serviceId: string,
  enterpriseId?: string,
) {
  const subjectKey = await subjectKeyFor(deps, principal, enterpriseId);
  const entryId = await entryIdOf(deps, serviceId);
  const result = await deps.database.db
    .deleteFrom('applicationDrafts')
    .where('ownerUserId', '=', principal.userId)
    .where('entryId', '=', entryId)
    .where('subjectKey', '=', subjectKey)
    .executeTakeFirst();
  if (Number(result.numDeletedRows) === 0) throw new AppError('DRAFT_NOT_FOUND');
}

/** The applicant's drafts, newest first (for 我的办件). */
export async function listMyDrafts(deps: AppDeps, principal: Principal) {
  const rows = await deps.database.db
    .selectFrom('applicationDrafts')
    .selectAll()
    .where('ownerUserId', '=', principal.userId)
    .orderBy('updatedAt', 'desc')
    .limit(100)
    .execute();
  return rows.map(present);
}
