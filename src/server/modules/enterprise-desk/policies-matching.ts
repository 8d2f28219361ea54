// Matching a published policy against the enterprise register. Each eligible enterprise gets one
// match row per rule version (unique), and is told when that row is created — so a rerun, or two
// runs at once, tell nobody twice. A 免申即享 policy also grants its benefit: one row per policy
// and enterprise (unique constraint), created in the same transaction as its audit record, which
// keeps the rule version, the rule and the facts it was decided on.
import { uuidv7 } from 'uuidv7';
import { appendAudit, type AuditActor } from '../../platform/audit/audit.ts';
import { nowIso, type Db } from '../../platform/db/database.ts';
import type { JobRunner } from '../../platform/jobs/job-runner.ts';
import type { RegisterDirectory } from '../registers/register-directory.ts';
import { listEnterpriseDirectory } from '../identity/enterprise-directory.ts';
import { notify } from '../notifications/notify.ts';
import { readEnterpriseFacts } from './policies-facts.ts';
import { evaluateRule, ruleFields, type Rule } from './policies-rule.ts';
import type { DeskPolicyTable, PolicyRunTrigger } from './policies.tables.ts';

export interface MatchingDeps {
  db: Db;
  registers: RegisterDirectory;
  jobs: JobRunner;
}

export interface RunSummary {
  runId: string;
  ruleVersion: number;
  checked: number;
  matched: number;
  told: number;
  granted: number;
  unreadable: number;
}

function yuan(fen: number): string {
  return (fen / 100).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
}

/** The enterprises a policy is for: its district's, or every one for a city-wide policy. */
export function policyScope(db: Db, policy: Pick<DeskPolicyTable, 'districtCode'>) {
  return listEnterpriseDirectory(db, policy.districtCode ? { districtCode: policy.districtCode } : {});
}

/**
 * Matches the policy's current rule version against the register. A policy that is not
 * published (any more) is left alone and `undefined` returned.
 */
export async function runPolicyMatching(
  deps: MatchingDeps,
  policyId: string,
  trigger: PolicyRunTrigger,
  actor: AuditActor | null = null,
): Promise<RunSummary | undefined> {
  const { db } = deps;
  const policy = await db
    .selectFrom('deskPolicies')
    .selectAll()
    .where('id', '=', policyId)
    .executeTakeFirst();
  if (!policy || policy.status !== 'published') return undefined;
  const rule = JSON.parse(policy.rule) as Rule;
  const fields = ruleFields(rule);
  const runId = uuidv7();
  const startedAt = nowIso();
  const summary: RunSummary = {
    runId,
    ruleVersion: policy.ruleVersion,
    checked: 0,
    matched: 0,
    told: 0,
    granted: 0,
    unreadable: 0,
  };
  await db
    .insertInto('deskPolicyRuns')
    .values({
      id: runId,
      policyId,
      ruleVersion: policy.ruleVersion,
      trigger,
      startedAt,
      finishedAt: null,
      checked: 0,
      matched: 0,
      told: 0,
      granted: 0,
      unreadable: 0,
    })
    .execute();
  for (const enterprise of await policyScope(db, policy)) {
    summary.checked += 1;
    const read = await readEnterpriseFacts(deps, enterprise, fields, { actor, on: startedAt });
    if (!read.ok) {
      summary.unreadable += 1;
      continue;
    }
    if (!evaluateRule(rule, read.facts)) continue;
    summary.matched += 1;
    const outcome = await recordMatch(deps, policy, enterprise.id, read.facts, runId);
    summary.told += outcome.told;
    summary.granted += outcome.granted ? 1 : 0;
  }
  await db
    .updateTable('deskPolicyRuns')
    .set({
      finishedAt: nowIso(),
      checked: summary.checked,
      matched: summary.matched,
      told: summary.told,
      granted: summary.granted,
      unreadable: summary.unreadable,
    })
    .where('id', '=', runId)
    .execute();
  return summary;
}

async function recordMatch(
  deps: MatchingDeps,
  policy: DeskPolicyTable,
  enterpriseId: string,
  facts: Record<string, unknown>,
  runId: string,
): Promise<{ told: number; granted: boolean }> {
  return deps.db.transaction().execute(async (trx) => {
    const at = nowIso();
    const factsJson = JSON.stringify(facts);
    const match = await trx
      .insertInto('deskPolicyMatches')
      .values({
        id: uuidv7(),
        policyId: policy.id,
        enterpriseId,
        ruleVersion: policy.ruleVersion,
        facts: factsJson,
        matchedAt: at,
        notifiedUsers: 0,
      })
      .onConflict((oc) => oc.columns(['policyId', 'enterpriseId', 'ruleVersion']).doNothing())
      .returning('id')
      .executeTakeFirst();
    let granted = false;
    const amountFen = policy.benefitAmountFen ?? 0;
    if (policy.isAutoGrant === 1 && amountFen > 0) {
      const benefit = await trx
        .insertInto('deskPolicyBenefits')
        .values({
          id: uuidv7(),
          policyId: policy.id,
          enterpriseId,
          amountFen,
          ruleVersion: policy.ruleVersion,
          facts: factsJson,
          grantedAt: at,
          runId,
        })
        .onConflict((oc) => oc.columns(['policyId', 'enterpriseId']).doNothing())
        .returning('id')
        .executeTakeFirst();
      if (benefit) {
        granted = true;
        await appendAudit(trx, {
          actor: null,
          action: 'desk.policy.benefit.granted',
          objectType: 'desk_policy_benefit',
          objectId: benefit.id,
          subjectEnterpriseId: enterpriseId,
          details: {
            policyId: policy.id,
            policyCode: policy.code,
            ruleVersion: policy.ruleVersion,
            rule: JSON.parse(policy.rule) as unknown,
            facts,
            amountFen,
            runId,
          },
        });
      }
    }
    if (!match) return { told: 0, granted };
    const told = await notify(trx, deps.jobs, {
      recipients: { enterpriseIds: [enterpriseId] },
      kind: granted ? 'desk.policy.benefit_granted' : 'desk.policy.matched',
      title: granted
        ? { zh: `免申即享：${policy.titleZh}`, en: `Granted without applying: ${policy.titleEn}` }
        : { zh: `政策找企业：${policy.titleZh}`, en: `A policy for your enterprise: ${policy.titleEn}` },
      body: granted
        ? {
            zh: `贵企业符合「${policy.titleZh}」的条件，已免申兑现 ¥${yuan(amountFen)}，无需申请。`,
            en: `Your enterprise meets the conditions of "${policy.titleEn}"; ¥${yuan(amountFen)} has been granted without an application.`,
          }
        : {
            zh: `根据登记信息，贵企业可能符合「${policy.titleZh}」的条件，请查看政策详情。`,
            en: `From its registered data, your enterprise may qualify for "${policy.titleEn}". See the policy.`,
          },
      link: '/desk/policies',
      object: { type: 'desk_policy', id: policy.id },
    });
    await trx
      .updateTable('deskPolicyMatches')
      .set({ notifiedUsers: told })
      .where('id', '=', match.id)
      .execute();
    return { told, granted };
  });
}
