import { uuidv7 } from 'uuidv7';
import type { Principal } from '../../platform/auth/access.ts';
import { appendAudit } from '../../platform/audit/audit.ts';
import { dialectOf, nowIso, type Db } from '../../platform/db/database.ts';
import { validationMessage } from '../../platform/i18n/messages.ts';
import type { Locale } from '../../platform/i18n/locale.ts';
import { AppError } from '../../platform/errors.ts';
import { maskIdNumber, normaliseIdNumber } from '../../../contracts/id-number.ts';
import type { EnterpriseRole } from './identity.tables.ts';

/** The active link between the caller and an enterprise, if any. */
async function callerLink(db: Db, principal: Principal, enterpriseId: string) {
  if (!principal.personId) return undefined;
  const now = nowIso();
  return db
    .selectFrom('enterpriseLinks')
    .select(['id', 'role'])
    .where('enterpriseId', '=', enterpriseId)
    .where('personId', '=', principal.personId)
    .where('revokedAt', 'is', null)
    .where('validFrom', '<=', now)
    .where((eb) => eb.or([eb('expiresAt', 'is', null), eb('expiresAt', '>', now)]))
    .executeTakeFirst();
}

/**
 * Access rule "member of enterprise X": an unexpired, unrevoked link, optionally with one of
 * the given roles. Unknown enterprises and non-members both get a refusal that reveals nothing.
 */
export async function assertEnterpriseMember(
  db: Db,
  principal: Principal,
  enterpriseId: string,
  roles?: EnterpriseRole[],
): Promise<EnterpriseRole> {
  const link = await callerLink(db, principal, enterpriseId);
  if (!link || (roles && !roles.includes(link.role))) throw new AppError('AUTH_FORBIDDEN');
  return link.role;
}

export interface EnterpriseView {
  id: string;
  name: string;
  uscc: string;
  districtCode: string | null;
  address: string | null;
  myRole: EnterpriseRole;
}

export async function getEnterpriseForMember(
  db: Db,
  principal: Principal,
  enterpriseId: string,
): Promise<EnterpriseView> {
  const myRole = await assertEnterpriseMember(db, principal, enterpriseId);
  const enterprise = await db
    .selectFrom('enterprises')
    .select(['id', 'name', 'uscc', 'districtCode', 'address'])
    .where('id', '=', enterpriseId)
    .executeTakeFirst();
  if (!enterprise) throw new AppError('ENTERPRISE_NOT_FOUND');
  return { ...enterprise, myRole };
}

export interface MemberView {
  linkId: string;
  personName: string;
  idNumberMasked: string;
  role: EnterpriseRole;
  validFrom: string;
  expiresAt: string | null;
  isActive: boolean;
}

/** The enterprise's legal representative and agents, including expired ones, for members. */
export async function listEnterpriseMembers(
  db: Db,
  principal: Principal,
  enterpriseId: string,
): Promise<MemberView[]> {
  await assertEnterpriseMember(db, principal, enterpriseId);
  const now = nowIso();
  const rows = await db
    .selectFrom('enterpriseLinks as l')
    .innerJoin('people as p', 'p.id', 'l.personId')
    .select([
      'l.id as linkId',
      'p.name as personName',
      'p.idNumber',
      'l.role',
      'l.validFrom',
      'l.expiresAt',
      'l.revokedAt',
    ])
    .where('l.enterpriseId', '=', enterpriseId)
    .orderBy('l.role', 'desc')
    .orderBy('l.createdAt')
    .execute();
  return rows.map(({ idNumber, revokedAt, ...row }) => ({
    ...row,
    idNumberMasked: maskIdNumber(idNumber),
    isActive: revokedAt === null && row.validFrom <= now && (row.expiresAt === null || row.expiresAt > now),
  }));
}

/**
 * The legal representative authorises a resident (found by ID number and name) to act for the
 * enterprise until expiresAt, which must lie in the future (at most five years ahead). Only the
 * legal representative may do this.
 */
export async function grantAgent(
  db: Db,
  principal: Principal,
  enterpriseId: string,
  input: { idNumber: string; name: string; expiresAt: string },
  context: { requestId: string; locale: Locale },
): Promise<{ linkId: string }> {
  await assertEnterpriseMember(db, principal, enterpriseId, ['legal_rep']);
  const expiresAtMs = Date.parse(input.expiresAt);
  const now = Date.now();
  if (!Number.isFinite(expiresAtMs) || expiresAtMs <= now || expiresAtMs > now + 5 * 366 * 86_400_000) {
    throw new AppError('VALIDATION_FAILED', {}, [
      { path: '/expiresAt', message: validationMessage('enterprise.agentExpiry', context.locale) },
    ]);
  }
  // Stored in one canonical form so that text comparison with nowIso() is time comparison.
  const expiresAt = new Date(expiresAtMs).toISOString();
  const idNumber = normaliseIdNumber(input.idNumber);
  const person = await db
    .selectFrom('people')
    .select(['id', 'name'])
    .where('idNumber', '=', idNumber)
    .executeTakeFirst();
  if (!person || person.name !== input.name.trim()) throw new AppError('PERSON_NOT_FOUND');
  const linkId = uuidv7();
  await db.transaction().execute(async (trx) => {
    // Serialise grants per enterprise so two concurrent grants cannot both pass the check.
    if (dialectOf(trx) === 'postgres') {
      await trx.selectFrom('enterprises').select('id').where('id', '=', enterpriseId).forUpdate().execute();
    }
    const nowText = nowIso();
    const existing = await trx
      .selectFrom('enterpriseLinks')
      .select('id')
      .where('enterpriseId', '=', enterpriseId)
      .where('personId', '=', person.id)
      .where('revokedAt', 'is', null)
      .where((eb) => eb.or([eb('expiresAt', 'is', null), eb('expiresAt', '>', nowText)]))
      .executeTakeFirst();
    if (existing) throw new AppError('ENTERPRISE_LINK_EXISTS');
    await trx
      .insertInto('enterpriseLinks')
      .values({
        id: linkId,
        enterpriseId,
        personId: person.id,
        role: 'agent',
        validFrom: nowText,
        expiresAt,
        grantedByUserId: principal.userId,
        revokedAt: null,
        createdAt: nowText,
      })
      .execute();
    await appendAudit(trx, {
      actor: { userId: principal.userId, name: principal.displayName },
      action: 'enterprise.agent.grant',
      objectType: 'enterpriseLink',
      objectId: linkId,
      subjectEnterpriseId: enterpriseId,
      subjectPersonId: person.id,
      requestId: context.requestId,
      details: { expiresAt },
    });
  });
  return { linkId };
}

/** The legal representative withdraws an agent's authorisation at once. */
export async function revokeAgent(
  db: Db,
  principal: Principal,
  enterpriseId: string,
  linkId: string,
  requestId: string,
): Promise<void> {
  await assertEnterpriseMember(db, principal, enterpriseId, ['legal_rep']);
  await db.transaction().execute(async (trx) => {
    const link = await trx
      .selectFrom('enterpriseLinks')
      .select(['id', 'personId'])
      .where('id', '=', linkId)
      .where('enterpriseId', '=', enterpriseId)
      .where('role', '=', 'agent')
      .where('revokedAt', 'is', null)
      .executeTakeFirst();
    if (!link) throw new AppError('ENTERPRISE_LINK_NOT_FOUND');
    await trx.updateTable('enterpriseLinks').set({ revokedAt: nowIso() }).where('id', '=', linkId).execute();
    await appendAudit(trx, {
      actor: { userId: principal.userId, name: principal.displayName },
      action: 'enterprise.agent.revoke',
      objectType: 'enterpriseLink',
      objectId: linkId,
      subjectEnterpriseId: enterpriseId,
      subjectPersonId: link.personId,
      requestId,
    });
  });
}
