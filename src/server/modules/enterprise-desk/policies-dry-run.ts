// Testing a rule before it is saved: how many enterprises it would match, with examples.
import type { DryRunResult } from '../../../contracts/api/desk-policies.ts';
import type { Principal } from '../../platform/auth/access.ts';
import { nowIso } from '../../platform/db/database.ts';
import { AppError } from '../../platform/errors.ts';
import type { Locale } from '../../platform/i18n/locale.ts';
import { listEnterpriseDirectory } from '../identity/enterprise-directory.ts';
import { actorOf, assertRule, isAuthor } from './policies-access.ts';
import { readEnterpriseFacts } from './policies-facts.ts';
import { policyScope } from './policies-matching.ts';
import { evaluateRule, ruleFields } from './policies-rule.ts';
import type { PolicyDeps } from './policies.service.ts';

export type { DryRunResult };

const EXAMPLES = 5;

/**
 * Tests a rule before it is saved: against one enterprise, or every enterprise of the district
 * (the whole register when none is named). Reads go through the sharing gateway and are recorded
 * like any other; nothing else is stored.
 */
export async function dryRunRule(
  deps: PolicyDeps,
  principal: Principal,
  input: { rule: unknown; districtCode: string | null; enterpriseId?: string },
  context: { locale: Locale; requestId: string },
): Promise<DryRunResult> {
  if (!isAuthor(principal)) throw new AppError('AUTH_FORBIDDEN');
  const rule = assertRule(input.rule, context.locale);
  let scope = input.districtCode
    ? await listEnterpriseDirectory(deps.db, { districtCode: input.districtCode })
    : await policyScope(deps.db, { districtCode: null });
  if (input.enterpriseId) {
    scope = scope.filter((enterprise) => enterprise.id === input.enterpriseId);
    if (scope.length === 0) throw new AppError('POLICY_ENTERPRISE_NOT_FOUND');
  }
  const fields = ruleFields(rule);
  const result: DryRunResult = { checked: 0, matched: 0, unreadable: 0, examples: [], nonMatching: [] };
  const on = nowIso();
  for (const enterprise of scope) {
    result.checked += 1;
    const read = await readEnterpriseFacts(deps, enterprise, fields, {
      actor: actorOf(principal),
      on,
      requestId: context.requestId,
    });
    if (!read.ok) {
      result.unreadable += 1;
      continue;
    }
    const entry = { enterpriseId: enterprise.id, name: enterprise.name, facts: read.facts };
    if (evaluateRule(rule, read.facts)) {
      result.matched += 1;
      if (result.examples.length < EXAMPLES) result.examples.push(entry);
    } else if (result.nonMatching.length < EXAMPLES) result.nonMatching.push(entry);
  }
  return result;
}
