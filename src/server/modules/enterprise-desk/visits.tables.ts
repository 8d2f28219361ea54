// The enterprise desk's visit tables (无事不扰). Only the desk's visit files query them.

export type VisitCapPeriod = 'month' | 'quarter' | 'year';
export type VisitStatus = 'planned' | 'done' | 'cancelled';
export type QuietPeriodKind = 'monthly' | 'range';

/** The most visits one enterprise should get per period, set per district. */
export interface DeskVisitCapTable {
  districtCode: string;
  maxVisits: number;
  period: VisitCapPeriod;
  updatedByUserId: string;
  updatedAt: string;
}

/**
 * A time the enterprise asks not to be visited: days of every month (e.g. 季末结账 1–5) or a
 * date range (Shanghai dates, inclusive). Removed ones are kept with `removedAt`.
 */
export interface DeskQuietPeriodTable {
  id: string;
  enterpriseId: string;
  kind: QuietPeriodKind;
  dayFrom: number | null;
  dayTo: number | null;
  startDate: string | null;
  endDate: string | null;
  label: string;
  createdByUserId: string;
  createdAt: string;
  removedAt: string | null;
}

/** A visit a service manager planned or logged. */
export interface DeskVisitTable {
  id: string;
  enterpriseId: string;
  managerUserId: string;
  scheduledAt: string;
  /** Shanghai date of scheduledAt. */
  visitDate: string;
  status: VisitStatus;
  purpose: string;
  /** Who took part (free text: names and organisations). */
  participants: string;
  outcome: string | null;
  /** The warnings the server gave when the visit was planned, JSON array. */
  warnings: string;
  /** Why the manager went ahead despite the warnings. */
  overrideReason: string | null;
  createdAt: string;
  updatedAt: string;
}
