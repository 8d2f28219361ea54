// The enterprise desk's policy library API (政策找企业, 免申即享): the types of its answers and
// request bodies, which the server's services return and the web client imports (`import type`).
// Plain types only; the routes' TypeBox schemas stay in the server's policies.schemas.ts.
// Money is integer fen (分); times are ISO-8601 UTC.
//
// Routes:
//   GET  /api/v1/desk/policy-library                   { items: PolicyView[] }
//   GET  /api/v1/desk/policy-library/fields            PolicyFieldsInfo
//   GET  /api/v1/desk/policy-library/:id               PolicyView
//   POST /api/v1/desk/policy-library                   PolicyInput & { code, issuerOfficeCode } → PolicyView
//   PUT  /api/v1/desk/policy-library/:id               PolicyInput → PolicyView
//   POST /api/v1/desk/policy-library/:id/publish       → PolicyView
//   POST /api/v1/desk/policy-library/:id/retire        → PolicyView
//   POST /api/v1/desk/policy-library/:id/match         → { jobId }
//   POST /api/v1/desk/policy-library/dry-run           { rule, districtCode, enterpriseId? } → DryRunResult
//   GET  /api/v1/desk/enterprises/:enterpriseId/policies  EnterprisePolicies

/** The operators a rule condition may use. */
export type RuleOp = 'eq' | 'ne' | 'lt' | 'lte' | 'gt' | 'gte' | 'in' | 'nin';
export type RuleValue = string | number | (string | number)[];
export interface RuleCondition {
  field: string;
  op: RuleOp;
  value: RuleValue;
}
/** An eligibility rule: data, never code (see the server's policies-rule.ts). */
export type Rule = { all: Rule[] } | { any: Rule[] } | { not: Rule } | RuleCondition;

export type PolicyStatus = 'draft' | 'published' | 'retired';

/** The last matching run of a policy. */
export interface PolicyRun {
  ruleVersion: number;
  trigger: string;
  startedAt: string;
  finishedAt: string | null;
  checked: number;
  matched: number;
  told: number;
  granted: number;
  unreadable: number;
}

/** A policy as the library shows it to its authors and to service managers. */
export interface PolicyView {
  id: string;
  code: string;
  titleZh: string;
  titleEn: string;
  summaryZh: string;
  summaryEn: string;
  issuerOffice: { code: string; nameZh: string; nameEn: string };
  districtCode: string | null;
  isAutoGrant: boolean;
  benefitAmountFen: number | null;
  status: PolicyStatus;
  ruleVersion: number;
  rule: Rule;
  publishedAt: string | null;
  updatedAt: string;
  canEdit: boolean;
  matchedNow: number;
  benefitsGranted: number;
  lastRun: PolicyRun | null;
}

/** What an author saves (the rule is checked by the server, so it is unknown here). */
export interface PolicyInput {
  titleZh: string;
  titleEn: string;
  summaryZh: string;
  summaryEn: string;
  districtCode: string | null;
  isAutoGrant: boolean;
  benefitAmountFen: number | null;
  rule: unknown;
}

/** One enterprise fact a rule may name. */
export interface PolicyFieldInfo {
  name: string;
  type: 'string' | 'integer';
  options?: string[];
  nameZh: string;
  nameEn: string;
}

/** What rules may name, the operators, and the offices the caller issues for. */
export interface PolicyFieldsInfo {
  fields: PolicyFieldInfo[];
  ops: string[];
  issuerOffices: { code: string; nameZh: string; nameEn: string; districtCode: string | null }[];
}

/** One enterprise of a dry run, with the facts the rule was evaluated over. */
export interface DryRunExample {
  enterpriseId: string;
  name: string;
  facts: Record<string, string | number>;
}

/** A rule tested before it is saved. */
export interface DryRunResult {
  checked: number;
  matched: number;
  unreadable: number;
  examples: DryRunExample[];
  /** Examples of enterprises in scope that the rule does not match. */
  nonMatching: DryRunExample[];
}

/** The policies that found an enterprise and the benefits it was granted without applying. */
export interface EnterprisePolicies {
  policies: {
    id: string;
    code: string;
    titleZh: string;
    titleEn: string;
    summaryZh: string;
    summaryEn: string;
    isAutoGrant: boolean;
    benefitAmountFen: number | null;
    matchedAt: string;
    issuerOfficeNameZh: string;
    issuerOfficeNameEn: string;
  }[];
  benefits: {
    id: string;
    policyId: string;
    code: string;
    titleZh: string;
    titleEn: string;
    amountFen: number;
    grantedAt: string;
  }[];
}
