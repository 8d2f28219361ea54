// Typed calls for the person's own register records, 用数记录, objections, consents and the
// sharing catalogue (admins).
import type {
  AccessRecord,
  Consent,
  Objection,
  RegisterInfo,
  RuleProposal,
  SharingApp,
  SharingRule,
} from '../../contracts/api/data-access.ts';
import type {
  HousingFundRecord,
  MedicalInsuranceRecord,
  SocialInsuranceRecord,
  UtilityAccount,
  VehicleRecord,
} from '../../contracts/registers.ts';
import { api } from './client.ts';

export type { AccessRecord, Consent, Objection, RegisterInfo, SharingApp, SharingRule };

export type RegisterSlug =
  'social-insurance' | 'housing-fund' | 'medical-insurance' | 'vehicles' | 'utilities';
export const REGISTER_SLUGS: readonly RegisterSlug[] = [
  'social-insurance',
  'housing-fund',
  'medical-insurance',
  'vehicles',
  'utilities',
];

export interface OwnRecord<T = Record<string, unknown>> {
  register: string;
  nameZh: string;
  nameEn: string;
  data: T;
}

/** A record as a register hands it on: its status always; any other field may be left out. */
type WithStatus<T extends { status: unknown }> = Pick<T, 'status'> & Partial<Omit<T, 'status'>>;

export type SocialInsuranceData = WithStatus<SocialInsuranceRecord>;
export type HousingFundData = WithStatus<HousingFundRecord>;
export type MedicalInsuranceData = WithStatus<MedicalInsuranceRecord>;
export type VehiclesData = Partial<VehicleRecord>;
export interface UtilitiesData {
  accounts?: UtilityAccount[];
}

export const getOwnRecord = <T>(slug: RegisterSlug) => api.get<OwnRecord<T>>(`/api/v1/me/registers/${slug}`);

export interface AccessFilter {
  enterpriseId?: string;
  from?: string;
  to?: string;
  consumer?: string;
  purpose?: string;
}

export function accessQuery(filter: AccessFilter, page?: { limit: number; offset: number }): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filter)) if (value) params.set(key, value);
  if (page) {
    params.set('limit', String(page.limit));
    params.set('offset', String(page.offset));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

export const listAccessRecords = (filter: AccessFilter, page: { limit: number; offset: number }) =>
  api.get<{ items: AccessRecord[]; total: number }>(
    `/api/v1/me/data-access-records${accessQuery(filter, page)}`,
  );

/** The CSV export's address (a plain download link; the session cookie goes with it). */
export const accessRecordsCsvUrl = (filter: AccessFilter) =>
  `/api/v1/me/data-access-records.csv${accessQuery(filter)}`;

export const fileObjection = (recordId: string, note: string, enterpriseId?: string) =>
  api.post<Objection>(`/api/v1/me/data-access-records/${encodeURIComponent(recordId)}/objections`, {
    note,
    ...(enterpriseId ? { enterpriseId } : {}),
  });
export const listMyObjections = () => api.get<{ items: Objection[] }>('/api/v1/me/data-access-objections');
export const listObjections = (status?: 'open' | 'answered') =>
  api.get<{ items: Objection[]; total: number }>(
    `/api/v1/admin/data-access-objections?limit=100${status ? `&status=${status}` : ''}`,
  );
export const answerObjection = (id: string, answer: string) =>
  api.post<Objection>(`/api/v1/admin/data-access-objections/${encodeURIComponent(id)}/answer`, { answer });

export const listSharingApps = () => api.get<{ items: SharingApp[] }>('/api/v1/sharing/apps');
export const listMyConsents = () => api.get<{ items: Consent[] }>('/api/v1/me/consents');
export const grantConsent = (body: {
  appId: string;
  register: string;
  fields: string[];
  purpose: string;
  validUntil: string;
}) => api.post<Consent>('/api/v1/me/consents', body);
export const revokeConsent = (id: string) => api.delete(`/api/v1/me/consents/${encodeURIComponent(id)}`);

export const listRegisters = () => api.get<{ items: RegisterInfo[] }>('/api/v1/registers');
export const listSharingRules = (query: { q?: string; pending?: boolean; offset: number }) => {
  const params = new URLSearchParams({ limit: '50', offset: String(query.offset) });
  if (query.q) params.set('q', query.q);
  if (query.pending) params.set('pending', 'true');
  return api.get<{ items: SharingRule[]; total: number }>(`/api/v1/admin/sharing-rules?${params.toString()}`);
};
export const sharingRuleHistory = (ruleKey: string) =>
  api.get<{ items: SharingRule[] }>(`/api/v1/admin/sharing-rules/${encodeURIComponent(ruleKey)}/history`);
export const proposeSharingRule = (body: RuleProposal) =>
  api.post<SharingRule>('/api/v1/admin/sharing-rules', body);
export const reviewSharingRule = (id: string, approve: boolean, note?: string) =>
  api.post<SharingRule>(`/api/v1/admin/sharing-rules/proposals/${encodeURIComponent(id)}/review`, {
    approve,
    ...(note ? { note } : {}),
  });

/** Fen as yuan with two decimals: 123456 → "1,234.56". */
export function formatFen(fen: number, language: string): string {
  return new Intl.NumberFormat(language, { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(
    fen / 100,
  );
}
