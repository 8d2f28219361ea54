// The enterprise's side of the policy library: the policies that found it and its benefits.
import type { EnterprisePolicies } from '../../../contracts/api/desk-policies.ts';
import type { Principal } from '../../platform/auth/access.ts';
import type { Db } from '../../platform/db/database.ts';
import { assertEnterpriseMember } from '../identity/enterprises.service.ts';
import { listOffices } from '../reference/reference.service.ts';

export type { EnterprisePolicies };

/**
 * What an enterprise may benefit from (published policies whose current rule version matched
 * it) and what it was granted without applying. No access check: for the enterprise desk's other
 * pages, which check membership or management first; `listOwnEnterprisePolicies` is the route's.
 */
export async function listEnterprisePolicies(db: Db, enterpriseId: string): Promise<EnterprisePolicies> {
  const matched = await db
    .selectFrom('deskPolicyMatches as m')
    .innerJoin('deskPolicies as p', (join) =>
      join.onRef('p.id', '=', 'm.policyId').onRef('p.ruleVersion', '=', 'm.ruleVersion'),
    )
    .select([
      'p.id',
      'p.code',
      'p.titleZh',
      'p.titleEn',
      'p.summaryZh',
      'p.summaryEn',
      'p.isAutoGrant',
      'p.benefitAmountFen',
      'p.issuerOfficeId',
      'm.matchedAt',
    ])
    .where('m.enterpriseId', '=', enterpriseId)
    .where('p.status', '=', 'published')
    .orderBy('m.matchedAt', 'desc')
    .execute();
  const offices = new Map(
    (await listOffices(db, { ids: [...new Set(matched.map((row) => row.issuerOfficeId))] })).map((o) => [
      o.id,
      o,
    ]),
  );
  const benefits = await db
    .selectFrom('deskPolicyBenefits as b')
    .innerJoin('deskPolicies as p', 'p.id', 'b.policyId')
    .select(['b.id', 'b.policyId', 'p.code', 'p.titleZh', 'p.titleEn', 'b.amountFen', 'b.grantedAt'])
    .where('b.enterpriseId', '=', enterpriseId)
    .orderBy('b.grantedAt', 'desc')
    .execute();
  return {
    policies: matched.map(({ issuerOfficeId, isAutoGrant, ...row }) => ({
      ...row,
      isAutoGrant: isAutoGrant === 1,
      issuerOfficeNameZh: offices.get(issuerOfficeId)?.nameZh ?? '',
      issuerOfficeNameEn: offices.get(issuerOfficeId)?.nameEn ?? '',
    })),
    benefits,
  };
}

/** The enterprise's own view, for its members (legal representative and agents). */
export async function listOwnEnterprisePolicies(
  db: Db,
  principal: Principal,
  enterpriseId: string,
): Promise<EnterprisePolicies> {
  await assertEnterpriseMember(db, principal, enterpriseId);
  return listEnterprisePolicies(db, enterpriseId);
}
