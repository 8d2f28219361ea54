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

export interface SocialInsuranceData {
  status: 'insured' | 'retired' | 'not_insured';
  employerName?: string | null;
  contributionBaseFen?: number;
  firstInsuredMonth?: string | null;
  contributionMonths?: number;
  contributionYears?: number;
  monthlyPensionFen?: number | null;
  contributions?: {
    month: string;
    employerName: string;
    baseFen: number;
    pensionPersonalFen: number;
    medicalPersonalFen: number;
    unemploymentPersonalFen: number;
    employerFen: number;
  }[];
}

export interface HousingFundData {
  status: 'active' | 'sealed' | 'none';
  accountNumber?: string | null;
  employerName?: string | null;
  monthlyDepositFen?: number;
  balanceFen?: number;
  movements?: {
    date: string;
    kind: 'deposit' | 'withdrawal' | 'interest';
    amountFen: number;
    noteZh: string;
    noteEn: string;
    balanceAfterFen: number;
  }[];
}

export interface MedicalInsuranceData {
  status: 'insured' | 'not_insured';
  category?: 'employee' | 'retiree' | 'resident' | 'minor';
  personalAccountBalanceFen?: number;
  designatedHospital?: string;
  settlements?: {
    date: string;
    hospitalName: string;
    kind: 'outpatient' | 'inpatient' | 'pharmacy';
    totalFen: number;
    fundPaidFen: number;
    accountPaidFen: number;
    selfPaidFen: number;
  }[];
}

export interface VehiclesData {
  drivingLicence?: {
    number: string;
    class: string;
    firstIssuedOn: string;
    validUntil: string;
    pointsLeft: number;
  } | null;
  vehicles?: {
    plateNumber: string;
    vin: string;
    brandModelZh: string;
    registeredOn: string;
    inspectionDueOn: string;
  }[];
  violations?: {
    id: string;
    occurredAt: string;
    locationZh: string;
    descriptionZh: string;
    descriptionEn: string;
    plateNumber: string;
    points: number;
    fineFen: number;
    status: 'unprocessed' | 'processed_unpaid' | 'paid';
  }[];
}

export interface UtilitiesData {
  accounts?: {
    kind: 'water' | 'electricity' | 'gas';
    accountNumber: string;
    providerZh: string;
    providerEn: string;
    address: string;
    lastBillMonth: string;
    lastBillFen: number;
    dueFen: number;
  }[];
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
