// The policy library: authoring (office admins of the issuing office, platform admins), reading
// (also service managers), rule dry runs before saving, publishing (which queues matching), and
// the enterprise's own view (policies-enterprise.service.ts) and dry runs (policies-dry-run.ts).
import { uuidv7 } from 'uuidv7';
import type { PolicyInput, PolicyView, Rule } from '../../../contracts/api/desk-policies.ts';
import type { Principal } from '../../platform/auth/access.ts';
import { appendAudit } from '../../platform/audit/audit.ts';
import { nowIso, type Db } from '../../platform/db/database.ts';
import { AppError } from '../../platform/errors.ts';
import type { Locale } from '../../platform/i18n/locale.ts';
import type { JobRunner } from '../../platform/jobs/job-runner.ts';
import type { RegisterDirectory } from '../registers/register-directory.ts';
import { findOfficeByCode, listOffices } from '../reference/reference.service.ts';
import { actorOf, adminOfficeIds, assertBenefit, assertRule, canAuthor } from './policies-access.ts';
import { enqueuePolicyMatch } from './policies.jobs.ts';
import type { DeskPolicyTable } from './policies.tables.ts';

export interface PolicyDeps {
  db: Db;
  registers: RegisterDirectory;
  jobs: JobRunner;
}

export type { PolicyInput, PolicyView };

async function present(db: Db, principal: Principal, rows: DeskPolicyTable[]): Promise<PolicyView[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((row) => row.id);
  const offices = new Map(
    (await listOffices(db, { ids: [...new Set(rows.map((row) => row.issuerOfficeId))] })).map((o) => [
      o.id,
      o,
    ]),
  );
  const matches = await db
    .selectFrom('deskPolicyMatches as m')
    .innerJoin('deskPolicies as p', (join) =>
      join.onRef('p.id', '=', 'm.policyId').onRef('p.ruleVersion', '=', 'm.ruleVersion'),
    )
    .select(['m.policyId', (eb) => eb.fn.countAll<number>().as('count')])
    .where('m.policyId', 'in', ids)
    .groupBy('m.policyId')
    .execute();
  const benefits = await db
    .selectFrom('deskPolicyBenefits')
    .select(['policyId', (eb) => eb.fn.countAll<number>().as('count')])
    .where('policyId', 'in', ids)
    .groupBy('policyId')
    .execute();
  const runs = await db
    .selectFrom('deskPolicyRuns')
    .selectAll()
    .where('policyId', 'in', ids)
    .orderBy('startedAt', 'desc')
    .execute();
  return rows.map((row) => {
    const office = offices.get(row.issuerOfficeId);
    const run = runs.find((r) => r.policyId === row.id);
    return {
      id: row.id,
      code: row.code,
      titleZh: row.titleZh,
      titleEn: row.titleEn,
      summaryZh: row.summaryZh,
      summaryEn: row.summaryEn,
      issuerOffice: { code: office?.code ?? '', nameZh: office?.nameZh ?? '', nameEn: office?.nameEn ?? '' },
      districtCode: row.districtCode,
      isAutoGrant: row.isAutoGrant === 1,
      benefitAmountFen: row.benefitAmountFen,
      status: row.status,
      ruleVersion: row.ruleVersion,
      rule: JSON.parse(row.rule) as Rule,
      publishedAt: row.publishedAt,
      updatedAt: row.updatedAt,
      canEdit: row.status !== 'retired' && canAuthor(principal, row.issuerOfficeId),
      matchedNow: Number(matches.find((m) => m.policyId === row.id)?.count ?? 0),
      benefitsGranted: Number(benefits.find((b) => b.policyId === row.id)?.count ?? 0),
      lastRun: run
        ? {
            ruleVersion: run.ruleVersion,
            trigger: run.trigger,
            startedAt: run.startedAt,
            finishedAt: run.finishedAt,
            checked: run.checked,
            matched: run.matched,
            told: run.told,
            granted: run.granted,
            unreadable: run.unreadable,
          }
        : null,
    };
  });
}

/**
 * The library as the caller may see it: authors see every policy (drafts of their own offices
 * only, unless admin); service managers see published and retired ones.
 */
export async function listPolicies(db: Db, principal: Principal): Promise<PolicyView[]> {
  const offices = [...adminOfficeIds(principal)];
  let query = db.selectFrom('deskPolicies').selectAll();
  if (!principal.isAdmin)
    query = query.where((eb) =>
      offices.length > 0
        ? eb.or([eb('status', '!=', 'draft'), eb('issuerOfficeId', 'in', offices)])
        : eb('status', '!=', 'draft'),
    );
  return present(db, principal, await query.orderBy('code').execute());
}

async function findVisiblePolicy(db: Db, principal: Principal, id: string): Promise<DeskPolicyTable> {
  const row = await db.selectFrom('deskPolicies').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw new AppError('POLICY_NOT_FOUND');
  if (row.status === 'draft' && !canAuthor(principal, row.issuerOfficeId))
    throw new AppError('POLICY_NOT_FOUND');
  return row;
}

export async function getPolicy(db: Db, principal: Principal, id: string): Promise<PolicyView> {
  const row = await findVisiblePolicy(db, principal, id);
  return (await present(db, principal, [row]))[0]!;
}

async function findEditablePolicy(db: Db, principal: Principal, id: string): Promise<DeskPolicyTable> {
  const row = await findVisiblePolicy(db, principal, id);
  if (!canAuthor(principal, row.issuerOfficeId)) throw new AppError('AUTH_FORBIDDEN');
  if (row.status === 'retired') throw new AppError('POLICY_RETIRED');
  return row;
}

/** Creates a draft policy of the issuing office (its office admins, or a platform admin). */
export async function createPolicy(
  deps: PolicyDeps,
  principal: Principal,
  input: PolicyInput & { code: string; issuerOfficeCode: string },
  locale: Locale,
): Promise<PolicyView> {
  const { db } = deps;
  const office = await findOfficeByCode(db, input.issuerOfficeCode);
  if (!office) throw new AppError('POLICY_OFFICE_NOT_FOUND');
  if (!canAuthor(principal, office.id)) throw new AppError('AUTH_FORBIDDEN');
  const rule = assertRule(input.rule, locale);
  assertBenefit(input);
  const taken = await db
    .selectFrom('deskPolicies')
    .select('id')
    .where('code', '=', input.code)
    .executeTakeFirst();
  if (taken) throw new AppError('POLICY_CODE_TAKEN', { code: input.code });
  const id = uuidv7();
  const at = nowIso();
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('deskPolicies')
      .values({
        id,
        code: input.code,
        titleZh: input.titleZh,
        titleEn: input.titleEn,
        summaryZh: input.summaryZh,
        summaryEn: input.summaryEn,
        issuerOfficeId: office.id,
        districtCode: input.districtCode,
        isAutoGrant: input.isAutoGrant ? 1 : 0,
        benefitAmountFen: input.isAutoGrant ? input.benefitAmountFen : null,
        status: 'draft',
        ruleVersion: 1,
        rule: JSON.stringify(rule),
        createdAt: at,
        createdByUserId: principal.userId,
        updatedAt: at,
        publishedAt: null,
      })
      .execute();
    await trx
      .insertInto('deskPolicyRuleVersions')
      .values({
        id: uuidv7(),
        policyId: id,
        version: 1,
        rule: JSON.stringify(rule),
        createdAt: at,
        createdByUserId: principal.userId,
      })
      .execute();
    await appendAudit(trx, {
      actor: { ...actorOf(principal), officeId: office.id },
      action: 'desk.policy.create',
      objectType: 'desk_policy',
      objectId: id,
      details: { code: input.code, ruleVersion: 1, rule },
    });
  });
  return getPolicy(db, principal, id);
}

/**
 * Changes a policy. A changed rule becomes a new rule version (the old ones are kept); on a
 * published policy the new version is matched at once (a durable job in the same transaction).
 */
export async function updatePolicy(
  deps: PolicyDeps,
  principal: Principal,
  id: string,
  input: PolicyInput,
  locale: Locale,
): Promise<PolicyView> {
  const { db } = deps;
  const row = await findEditablePolicy(db, principal, id);
  const rule = assertRule(input.rule, locale);
  assertBenefit(input);
  const ruleJson = JSON.stringify(rule);
  const ruleChanged = ruleJson !== row.rule;
  const version = ruleChanged ? row.ruleVersion + 1 : row.ruleVersion;
  const at = nowIso();
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('deskPolicies')
      .set({
        titleZh: input.titleZh,
        titleEn: input.titleEn,
        summaryZh: input.summaryZh,
        summaryEn: input.summaryEn,
        districtCode: input.districtCode,
        isAutoGrant: input.isAutoGrant ? 1 : 0,
        benefitAmountFen: input.isAutoGrant ? input.benefitAmountFen : null,
        ruleVersion: version,
        rule: ruleJson,
        updatedAt: at,
      })
      .where('id', '=', id)
      .execute();
    if (ruleChanged)
      await trx
        .insertInto('deskPolicyRuleVersions')
        .values({
          id: uuidv7(),
          policyId: id,
          version,
          rule: ruleJson,
          createdAt: at,
          createdByUserId: principal.userId,
        })
        .execute();
    await appendAudit(trx, {
      actor: actorOf(principal),
      action: 'desk.policy.update',
      objectType: 'desk_policy',
      objectId: id,
      details: {
        ruleVersion: version,
        ruleChanged,
        ...(ruleChanged ? { rule, previousRule: JSON.parse(row.rule) as unknown } : {}),
      },
    });
    // The district, or whether it is 免申即享, may change who is eligible too: match again.
    if (row.status === 'published')
      await enqueuePolicyMatch(deps.jobs, id, 'rule_change', actorOf(principal), version, trx);
  });
  return getPolicy(db, principal, id);
}

/** Publishes a draft: from now on it is matched (at once, and nightly). */
export async function publishPolicy(deps: PolicyDeps, principal: Principal, id: string): Promise<PolicyView> {
  const { db } = deps;
  const row = await findEditablePolicy(db, principal, id);
  if (row.status === 'draft') {
    await db.transaction().execute(async (trx) => {
      await trx
        .updateTable('deskPolicies')
        .set({ status: 'published', publishedAt: nowIso(), updatedAt: nowIso() })
        .where('id', '=', id)
        .execute();
      await appendAudit(trx, {
        actor: actorOf(principal),
        action: 'desk.policy.publish',
        objectType: 'desk_policy',
        objectId: id,
        details: { ruleVersion: row.ruleVersion },
      });
      await enqueuePolicyMatch(deps.jobs, id, 'publish', actorOf(principal), row.ruleVersion, trx);
    });
  }
  return getPolicy(db, principal, id);
}

/** Retires a policy: no more matching; matches and benefits granted stay on record. */
export async function retirePolicy(deps: PolicyDeps, principal: Principal, id: string): Promise<PolicyView> {
  const { db } = deps;
  await findEditablePolicy(db, principal, id);
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('deskPolicies')
      .set({ status: 'retired', updatedAt: nowIso() })
      .where('id', '=', id)
      .execute();
    await appendAudit(trx, {
      actor: actorOf(principal),
      action: 'desk.policy.retire',
      objectType: 'desk_policy',
      objectId: id,
    });
  });
  return getPolicy(db, principal, id);
}

/** Queues a matching run now (e.g. after the register changed); returns the job id. */
export async function requestPolicyMatch(
  deps: PolicyDeps,
  principal: Principal,
  id: string,
): Promise<string> {
  const row = await findEditablePolicy(deps.db, principal, id);
  if (row.status !== 'published') throw new AppError('POLICY_NOT_PUBLISHED');
  return enqueuePolicyMatch(deps.jobs, id, 'manual', actorOf(principal), row.ruleVersion);
}

/** Offices the caller may issue policies for (the create form's choices). */
export async function listIssuerOffices(db: Db, principal: Principal) {
  const offices = principal.isAdmin
    ? await listOffices(db, { departmentCode: 'commerce' })
    : await listOffices(db, { ids: [...adminOfficeIds(principal)] });
  return offices.map((office) => ({
    code: office.code,
    nameZh: office.nameZh,
    nameEn: office.nameEn,
    districtCode: office.districtCode,
  }));
}
