// Typed calls for the policy library (authors, managers) and the enterprise's own policies page.
import { api } from '../../../api/client.ts';

import type {
  DryRunExample,
  DryRunResult as DryRun,
  EnterprisePolicies,
  PolicyFieldInfo,
  PolicyFieldsInfo,
  PolicyInput as PolicyEdit,
  PolicyRun,
  PolicyView as Policy,
} from '../../../../contracts/api/desk-policies.ts';

export type {
  DryRun,
  DryRunExample,
  EnterprisePolicies,
  Policy,
  PolicyEdit,
  PolicyFieldInfo,
  PolicyFieldsInfo,
  PolicyRun,
};

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
export const dryRunRule = (body: { rule: unknown; districtCode: string | null; enterpriseId?: string }) =>
  api.post<DryRun>(`${BASE}/dry-run`, body);
export const getEnterprisePolicies = (enterpriseId: string) =>
  api.get<EnterprisePolicies>(`/api/v1/desk/enterprises/${encodeURIComponent(enterpriseId)}/policies`);
