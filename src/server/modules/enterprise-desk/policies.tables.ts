// The policy library (政策找企业, 免申即享): policies with eligibility rules as data, each rule
// version kept, the enterprises each version matched (told once per version), the benefits granted
// without an application (once per policy and enterprise) and the matching runs.

export type PolicyStatus = 'draft' | 'published' | 'retired';
export type PolicyRunTrigger = 'publish' | 'rule_change' | 'schedule' | 'manual';

export interface DeskPolicyTable {
  id: string;
  /** Readable and stable, e.g. `HK-2026-001`. */
  code: string;
  titleZh: string;
  titleEn: string;
  summaryZh: string;
  summaryEn: string;
  issuerOfficeId: string;
  /** The district whose enterprises it is for; null for a city-wide policy. */
  districtCode: string | null;
  /** 免申即享: eligible enterprises get the benefit without applying. */
  isAutoGrant: number;
  /** The benefit per enterprise in fen (免申即享 policies only). */
  benefitAmountFen: number | null;
  status: PolicyStatus;
  ruleVersion: number;
  /** The current rule (JSON, policies-rule.ts). */
  rule: string;
  createdAt: string;
  createdByUserId: string | null;
  updatedAt: string;
  publishedAt: string | null;
}

export interface DeskPolicyRuleVersionTable {
  id: string;
  policyId: string;
  version: number;
  rule: string;
  createdAt: string;
  createdByUserId: string | null;
}

export interface DeskPolicyMatchTable {
  id: string;
  policyId: string;
  enterpriseId: string;
  ruleVersion: number;
  /** The enterprise facts the rule was evaluated over (JSON), as read at the time. */
  facts: string;
  matchedAt: string;
  /** How many accounts were told (0 when the enterprise has no active member). */
  notifiedUsers: number;
}

export interface DeskPolicyBenefitTable {
  id: string;
  policyId: string;
  enterpriseId: string;
  amountFen: number;
  ruleVersion: number;
  facts: string;
  grantedAt: string;
  runId: string | null;
}

export interface DeskPolicyRunTable {
  id: string;
  policyId: string;
  ruleVersion: number;
  trigger: PolicyRunTrigger;
  startedAt: string;
  finishedAt: string | null;
  checked: number;
  matched: number;
  told: number;
  granted: number;
  /** Enterprises whose register data could not be read (refused or unavailable). */
  unreadable: number;
}
