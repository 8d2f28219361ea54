// Editing the sharing catalogue with a review trail. A change is a new version of a rule in
// status `proposed` (proposed by a platform admin); it takes effect only when someone else
// approves it: another platform admin, or an office admin of the department that keeps the
// register (the data owner, 数源部门). Every step is audited; old versions stay for the history.
import { uuidv7 } from 'uuidv7';
import type { Principal } from '../../platform/auth/access.ts';
import { appendAudit } from '../../platform/audit/audit.ts';
import { nowIso, type Db } from '../../platform/db/database.ts';
import { AppError } from '../../platform/errors.ts';
import type { RegisterDirectory } from '../registers/register-directory.ts';
import { parseFields } from './sharing-rules.repository.ts';
import type { RuleProposal, SharingConsumerKind, SharingRule } from '../../../contracts/api/data-access.ts';
import type { SharingRuleTable } from './sharing.tables.ts';

export function presentRule(row: SharingRuleTable): SharingRule {
  const { proposedByUserId, reviewedByUserId, fields, ...rest } = row;
  void proposedByUserId;
  void reviewedByUserId;
  return { ...rest, fields: parseFields(fields) };
}

/** Platform admins and office admins may look at the catalogue. */
function assertCanView(principal: Principal): void {
  if (!principal.isAdmin && !principal.staff.some((s) => s.role === 'office_admin'))
    throw new AppError('AUTH_FORBIDDEN');
}

/** The current rules (active, plus changes waiting for review), filtered, by rule key. */
export async function listSharingRules(
  db: Db,
  principal: Principal,
  filter: {
    q?: string;
    register?: string;
    consumerKind?: SharingConsumerKind;
    pendingOnly?: boolean;
    limit: number;
    offset: number;
  },
): Promise<{ items: SharingRule[]; total: number }> {
  assertCanView(principal);
  let query = db
    .selectFrom('sharingRules')
    .where('status', 'in', filter.pendingOnly ? ['proposed'] : ['active', 'proposed']);
  if (filter.q) {
    const like = `%${filter.q}%`;
    query = query.where((eb) =>
      eb.or([eb('ruleKey', 'like', like), eb('purposeZh', 'like', like), eb('consumerRef', 'like', like)]),
    );
  }
  if (filter.register) query = query.where('register', '=', filter.register);
  if (filter.consumerKind) query = query.where('consumerKind', '=', filter.consumerKind);
  const [rows, count] = await Promise.all([
    query
      .selectAll()
      .orderBy('ruleKey')
      .orderBy('version')
      .limit(filter.limit)
      .offset(filter.offset)
      .execute(),
    query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items: rows.map(presentRule), total: Number(count.n) };
}

/** Every version of one rule, newest first. */
export async function sharingRuleHistory(
  db: Db,
  principal: Principal,
  ruleKey: string,
): Promise<SharingRule[]> {
  assertCanView(principal);
  const rows = await db
    .selectFrom('sharingRules')
    .selectAll()
    .where('ruleKey', '=', ruleKey)
    .orderBy('version', 'desc')
    .execute();
  if (rows.length === 0) throw new AppError('SHARING_RULE_NOT_FOUND');
  return rows.map(presentRule);
}

function invalid(path: string, zh: string, en: string, locale: 'zh-CN' | 'en'): never {
  throw new AppError('SHARING_RULE_INVALID', {}, [{ path, message: locale === 'en' ? en : zh }]);
}

/** Proposes a new rule or a new version of one (platform admins only). */
export async function proposeSharingRule(
  db: Db,
  registers: RegisterDirectory,
  principal: Principal,
  input: RuleProposal,
  locale: 'zh-CN' | 'en',
  requestId: string,
): Promise<SharingRule> {
  if (!principal.isAdmin) throw new AppError('AUTH_FORBIDDEN');
  if (!registers.has(input.register)) invalid('/register', '没有这个基础库', 'No such register', locale);
  const known = new Set(registers.get(input.register).fields.map((f) => f.name));
  const unknown = input.fields.filter((f) => !known.has(f));
  if (unknown.length)
    invalid(
      '/fields',
      `该库没有这些数据项：${unknown.join('、')}`,
      `Unknown fields: ${unknown.join(', ')}`,
      locale,
    );
  if (input.validTo && input.validTo <= input.validFrom)
    invalid('/validTo', '结束时间必须晚于开始时间', 'The end must come after the start', locale);
  return db.transaction().execute(async (trx) => {
    const ruleKey =
      input.ruleKey ?? `${input.consumerKind}:${input.consumerRef}:${input.register}:${uuidv7().slice(-8)}`;
    const versions = await trx
      .selectFrom('sharingRules')
      .selectAll()
      .where('ruleKey', '=', ruleKey)
      .execute();
    if (input.ruleKey && versions.length === 0) throw new AppError('SHARING_RULE_NOT_FOUND');
    if (versions.some((v) => v.status === 'proposed')) throw new AppError('SHARING_PROPOSAL_PENDING');
    if (input.changeKind === 'retire' && !versions.some((v) => v.status === 'active'))
      throw new AppError('SHARING_RULE_NOT_FOUND');
    const row: SharingRuleTable = {
      id: uuidv7(),
      ruleKey,
      version: Math.max(0, ...versions.map((v) => v.version)) + 1,
      status: 'proposed',
      changeKind: input.changeKind,
      consumerKind: input.consumerKind,
      consumerRef: input.consumerRef,
      register: input.register,
      fields: JSON.stringify([...new Set(input.fields)].sort()),
      purposeZh: input.purposeZh,
      purposeEn: input.purposeEn,
      legalBasisZh: input.legalBasisZh,
      validFrom: input.validFrom,
      validTo: input.validTo ?? null,
      changeNote: input.changeNote,
      proposedByUserId: principal.userId,
      proposedByName: principal.displayName,
      proposedAt: nowIso(),
      reviewedByUserId: null,
      reviewedByName: null,
      reviewedAt: null,
      reviewNote: null,
    };
    await trx.insertInto('sharingRules').values(row).execute();
    await appendAudit(trx, {
      actor: { userId: principal.userId, name: principal.displayName },
      action: 'sharing.rule.propose',
      objectType: 'sharing_rule',
      objectId: row.id,
      requestId,
      details: {
        ruleKey,
        version: row.version,
        changeKind: row.changeKind,
        register: row.register,
        fields: JSON.parse(row.fields),
      },
    });
    return presentRule(row);
  });
}

/**
 * Approves or rejects a proposed change. The reviewer is not the proposer, and is a platform
 * admin or an office admin of the department that keeps the register.
 */
export async function reviewSharingRule(
  db: Db,
  registers: RegisterDirectory,
  principal: Principal,
  proposalId: string,
  decision: { approve: boolean; note?: string },
  requestId: string,
): Promise<SharingRule> {
  assertCanView(principal);
  return db.transaction().execute(async (trx) => {
    const proposal = await trx
      .selectFrom('sharingRules')
      .selectAll()
      .where('id', '=', proposalId)
      .executeTakeFirst();
    if (!proposal) throw new AppError('SHARING_RULE_NOT_FOUND');
    const owner = registers.has(proposal.register) ? registers.get(proposal.register).departmentCode : null;
    const isDataOwner = principal.staff.some((s) => s.role === 'office_admin' && s.departmentCode === owner);
    if (!principal.isAdmin && !isDataOwner) throw new AppError('AUTH_FORBIDDEN');
    if (proposal.status !== 'proposed') throw new AppError('SHARING_PROPOSAL_NOT_PENDING');
    if (proposal.proposedByUserId === principal.userId) throw new AppError('SHARING_REVIEW_OWN_PROPOSAL');
    const at = nowIso();
    const status = !decision.approve ? 'rejected' : proposal.changeKind === 'retire' ? 'retired' : 'active';
    if (decision.approve) {
      await trx
        .updateTable('sharingRules')
        .set({ status: 'superseded' })
        .where('ruleKey', '=', proposal.ruleKey)
        .where('status', '=', 'active')
        .execute();
    }
    const reviewed = {
      status,
      reviewedByUserId: principal.userId,
      reviewedByName: principal.displayName,
      reviewedAt: at,
      reviewNote: decision.note ?? null,
    } as const;
    await trx.updateTable('sharingRules').set(reviewed).where('id', '=', proposalId).execute();
    await appendAudit(trx, {
      actor: { userId: principal.userId, name: principal.displayName },
      action: decision.approve ? 'sharing.rule.approve' : 'sharing.rule.reject',
      objectType: 'sharing_rule',
      objectId: proposalId,
      requestId,
      details: { ruleKey: proposal.ruleKey, version: proposal.version, note: decision.note ?? null },
    });
    return presentRule({ ...proposal, ...reviewed });
  });
}
