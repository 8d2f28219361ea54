// The reconciliation API for the report page (shapes from src/contracts/api/reconciliation.ts).
import { api } from '../../../api/client.ts';
import type {
  Mismatch,
  MismatchList,
  ReconciliationRunDetail,
  ReconciliationRunList,
} from '../../../../contracts/api/reconciliation.ts';

const BASE = '/api/v1/payments/reconciliation';

export interface MismatchFilter {
  status?: 'open' | 'resolved';
  date?: string;
}

function query(filter: MismatchFilter): string {
  const params = new URLSearchParams();
  if (filter.status) params.set('status', filter.status);
  if (filter.date) params.set('date', filter.date);
  const text = params.toString();
  return text ? `?${text}` : '';
}

export const listRuns = () => api.get<ReconciliationRunList>(`${BASE}/runs?limit=14`);
export const listMismatches = (filter: MismatchFilter) =>
  api.get<MismatchList>(`${BASE}/mismatches${query(filter)}`);
export const mismatchesCsvUrl = (filter: MismatchFilter) => `${BASE}/mismatches.csv${query(filter)}`;
export const startRun = (date: string) => api.post<ReconciliationRunDetail>(`${BASE}/runs`, { date });
export const resolveMismatch = (id: string, note: string) =>
  api.post<Mismatch>(`${BASE}/mismatches/${encodeURIComponent(id)}/resolve`, { note });
