// Who authors policies (office admins of the issuing office, platform admins) and the checks
// every authoring use case starts with.
import type { Principal } from '../../platform/auth/access.ts';
import type { AuditActor } from '../../platform/audit/audit.ts';
import { AppError } from '../../platform/errors.ts';
import type { Locale } from '../../platform/i18n/locale.ts';
import { ruleProblems, type Rule } from './policies-rule.ts';

export const actorOf = (principal: Principal): AuditActor => ({
  userId: principal.userId,
  name: principal.displayName,
});

/** Offices whose policies the caller authors (office admin posts); admins author for any office. */
export function adminOfficeIds(principal: Principal): Set<string> {
  return new Set(principal.staff.filter((post) => post.role === 'office_admin').map((post) => post.officeId));
}

export function canAuthor(principal: Principal, issuerOfficeId: string): boolean {
  return principal.isAdmin || adminOfficeIds(principal).has(issuerOfficeId);
}

export function isAuthor(principal: Principal): boolean {
  return principal.isAdmin || adminOfficeIds(principal).size > 0;
}

export function assertRule(rule: unknown, locale: Locale): Rule {
  const problems = ruleProblems(rule, locale);
  if (problems.length > 0) throw new AppError('POLICY_RULE_INVALID', {}, problems);
  return rule as Rule;
}

export function assertBenefit(input: { isAutoGrant: boolean; benefitAmountFen: number | null }): void {
  if (input.isAutoGrant && !(input.benefitAmountFen && input.benefitAmountFen > 0))
    throw new AppError('POLICY_BENEFIT_AMOUNT_REQUIRED');
}
