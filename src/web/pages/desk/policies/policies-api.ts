// Typed calls for the policy library (authors, managers) and the enterprise's own policies page.
import { api } from '../../../api/client.ts';

export type Rule = unknown;

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

export interface Policy {
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
  status: 'draft' | 'published' | 'retired';
  ruleVersion: number;
  rule: Rule;
  publishedAt: string | null;
  updatedAt: string;
  canEdit: boolean;
  matchedNow: number;
  benefitsGranted: number;
  lastRun: PolicyRun | null;
}

export interface PolicyFieldInfo {
  name: string;
  type: 'string' | 'integer';
  options?: string[];
  nameZh: string;
  nameEn: string;
}

export interface PolicyFieldsInfo {
  fields: PolicyFieldInfo[];
  ops: string[];
  issuerOffices: { code: string; nameZh: string; nameEn: string; districtCode: string | null }[];
}

export interface PolicyEdit {
  titleZh: string;
  titleEn: string;
  summaryZh: string;
  summaryEn: string;
  districtCode: string | null;
  isAutoGrant: boolean;
  benefitAmountFen: number | null;
  rule: Rule;
}

export interface DryRunExample {
  enterpriseId: string;
  name: string;
  facts: Record<string, string | number>;
}

export interface DryRun {
  checked: number;
  matched: number;
  unreadable: number;
  examples: DryRunExample[];
  nonMatching: DryRunExample[];
}

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

const BASE = '/api/v1/desk/policy-library';

export const listPolicies = () => api.get<{ items: Policy[] }>(BASE).then((r) => r.items);
export const getPolicy = (id: string) => api.get<Policy>(`${BASE}/${encodeURIComponent(id)}`);
export const getPolicyFields = () => api.get<PolicyFieldsInfo>(`${BASE}/fields`);
export const createPolicy = (body: PolicyEdit & { code: string; issuerOfficeCode: string }) =>
  api.post<Policy>(BASE, body);
export const updatePolicy = (id: string, body: PolicyEdit) =>
  api.put<Policy>(`${BASE}/${encodeURIComponent(id)}`, body);
export const publishPolicy = (id: string) => api.post<Policy>(`${BASE}/${encodeURIComponent(id)}/publish`);
export const retirePolicy = (id: string) => api.post<Policy>(`${BASE}/${encodeURIComponent(id)}/retire`);
export const rematchPolicy = (id: string) =>
  api.post<{ jobId: string }>(`${BASE}/${encodeURIComponent(id)}/match`);
export const dryRunRule = (body: { rule: Rule; districtCode: string | null; enterpriseId?: string }) =>
  api.post<DryRun>(`${BASE}/dry-run`, body);
export const getEnterprisePolicies = (enterpriseId: string) =>
  api.get<EnterprisePolicies>(`/api/v1/desk/enterprises/${encodeURIComponent(enterpriseId)}/policies`);
