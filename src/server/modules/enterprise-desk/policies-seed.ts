// Loads policies given as data (the demo city's: demo/desk-invest.ts), idempotent by code. A
// published one is queued for matching, as publishing it would.
import { uuidv7 } from 'uuidv7';
import { nowIso, type Db } from '../../platform/db/database.ts';
import { findOfficeByCode } from '../reference/reference.service.ts';
import { ruleProblems, type Rule } from './policies-rule.ts';
import type { PolicyStatus } from './policies.tables.ts';

export interface DemoPolicy {
  code: string;
  titleZh: string;
  titleEn: string;
  summaryZh: string;
  summaryEn: string;
  issuerOfficeCode: string;
  districtCode: string | null;
  isAutoGrant: boolean;
  benefitAmountFen: number | null;
  status: PolicyStatus;
  rule: Rule;
}

/** Returns the ids of the published policies loaded now (the caller queues their matching). */
export async function seedPolicies(db: Db, policies: DemoPolicy[]): Promise<string[]> {
  const published: string[] = [];
  const at = nowIso();
  for (const policy of policies) {
    const problems = ruleProblems(policy.rule, 'en');
    if (problems.length > 0) throw new Error(`demo policy ${policy.code}: ${JSON.stringify(problems)}`);
    const exists = await db
      .selectFrom('deskPolicies')
      .select('id')
      .where('code', '=', policy.code)
      .executeTakeFirst();
    if (exists) continue;
    const office = await findOfficeByCode(db, policy.issuerOfficeCode);
    if (!office) throw new Error(`demo policy ${policy.code}: no office ${policy.issuerOfficeCode}`);
    const id = uuidv7();
    const rule = JSON.stringify(policy.rule);
    await db.transaction().execute(async (trx) => {
      await trx
        .insertInto('deskPolicies')
        .values({
          id,
          code: policy.code,
          titleZh: policy.titleZh,
          titleEn: policy.titleEn,
          summaryZh: policy.summaryZh,
          summaryEn: policy.summaryEn,
          issuerOfficeId: office.id,
          districtCode: policy.districtCode,
          isAutoGrant: policy.isAutoGrant ? 1 : 0,
          benefitAmountFen: policy.benefitAmountFen,
          status: policy.status,
          ruleVersion: 1,
          rule,
          createdAt: at,
          createdByUserId: null,
          updatedAt: at,
          publishedAt: policy.status === 'published' ? at : null,
        })
        .execute();
      await trx
        .insertInto('deskPolicyRuleVersions')
        .values({ id: uuidv7(), policyId: id, version: 1, rule, createdAt: at, createdByUserId: null })
        .execute();
    });
    if (policy.status === 'published') published.push(id);
  }
  return published;
}
