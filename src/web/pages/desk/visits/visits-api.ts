// Typed calls of the desk's visits (无事不扰): caps, quiet periods, visits and their warnings.
import { api, apiRequest } from '../../../api/client.ts';

const id = encodeURIComponent;

export type CapPeriod = 'month' | 'quarter' | 'year';
export type VisitStatus = 'planned' | 'done' | 'cancelled';

export interface VisitWarning {
  code: 'visit_cap' | 'quiet_period';
  maxVisits?: number;
  period?: CapPeriod;
  periodStart?: string;
  periodEnd?: string;
  visitsInPeriod?: number;
  quietPeriodId?: string;
  label?: string;
  kind?: 'monthly' | 'range';
  dayFrom?: number | null;
  dayTo?: number | null;
  startDate?: string | null;
  endDate?: string | null;
}

export interface Visit {
  id: string;
  enterpriseId: string;
  enterpriseName: string;
  managerName: string;
  scheduledAt: string;
  visitDate: string;
  status: VisitStatus;
  purpose: string;
  participants: string;
  outcome: string | null;
  warnings: VisitWarning[];
  overrideReason: string | null;
}

export interface QuietPeriod {
  id: string;
  kind: 'monthly' | 'range';
  dayFrom: number | null;
  dayTo: number | null;
  startDate: string | null;
  endDate: string | null;
  label: string;
}

export interface VisitCap {
  districtCode: string;
  maxVisits: number;
  period: CapPeriod;
  updatedAt: string;
}

export type QuietPeriodInput =
  | { kind: 'monthly'; dayFrom: number; dayTo: number; label: string }
  | { kind: 'range'; startDate: string; endDate: string; label: string };

export interface NewVisit {
  scheduledAt: string;
  purpose: string;
  participants: string;
  outcome?: string;
  overrideReason?: string;
}

export const visitsApi = {
  caps: () => api.get<{ items: VisitCap[] }>('/api/v1/desk/visit-caps'),
  setCap: (districtCode: string, body: { maxVisits: number; period: CapPeriod }) =>
    api.put<VisitCap>(`/api/v1/desk/visit-caps/${id(districtCode)}`, body),
  quietPeriods: (enterpriseId: string) =>
    api.get<{ items: QuietPeriod[] }>(`/api/v1/desk/enterprises/${id(enterpriseId)}/quiet-periods`),
  addQuietPeriod: (enterpriseId: string, body: QuietPeriodInput) =>
    api.post<QuietPeriod>(`/api/v1/desk/enterprises/${id(enterpriseId)}/quiet-periods`, body),
  removeQuietPeriod: (enterpriseId: string, quietPeriodId: string) =>
    api.delete(`/api/v1/desk/enterprises/${id(enterpriseId)}/quiet-periods/${id(quietPeriodId)}`),
  enterpriseVisits: (enterpriseId: string) =>
    api.get<{ cap: { maxVisits: number; period: CapPeriod } | null; items: Visit[] }>(
      `/api/v1/desk/enterprises/${id(enterpriseId)}/visits`,
    ),
  myVisits: () => api.get<{ items: Visit[] }>('/api/v1/desk/visits'),
  check: (enterpriseId: string, scheduledAt: string) =>
    api.post<{ visitDate: string; warnings: VisitWarning[] }>(
      `/api/v1/desk/enterprises/${id(enterpriseId)}/visits/check`,
      { scheduledAt },
    ),
  create: (enterpriseId: string, body: NewVisit) =>
    api.post<Visit>(`/api/v1/desk/enterprises/${id(enterpriseId)}/visits`, body),
  close: (visitId: string, body: { status: 'done' | 'cancelled'; outcome?: string }) =>
    apiRequest<Visit>('PATCH', `/api/v1/desk/visits/${id(visitId)}`, body),
};

/** "2030-03-03T10:00" typed in Shanghai time → an ISO instant. */
export function shanghaiLocalToIso(local: string): string {
  return new Date(`${local}:00+08:00`).toISOString();
}
