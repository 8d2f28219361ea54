import type { RequestCategory } from '../../../contracts/desk-requests.ts';

export { REQUEST_CATEGORIES, type RequestCategory } from '../../../contracts/desk-requests.ts';

/**
 * submitted → accepted (the manager's first response) → answered (by the manager, or when every
 * routed office has answered; routed meanwhile) → resolved (the filer confirms and rates).
 * The filer may reopen an answered or resolved request: reopened, then handled like accepted.
 */
export const REQUEST_STATUSES = [
  'submitted',
  'accepted',
  'routed',
  'answered',
  'resolved',
  'reopened',
] as const;
export type RequestStatus = (typeof REQUEST_STATUSES)[number];

export interface DeskRequestCounterTable {
  day: string;
  lastNumber: number;
}

/** A request (诉求) of an enterprise or a resident, handled by a service manager with an SLA. */
export interface DeskRequestTable {
  id: string;
  referenceNo: string;
  /** Exactly one of enterpriseId (filed by a member for the enterprise) and personId (a resident). */
  enterpriseId: string | null;
  personId: string | null;
  filedByUserId: string;
  districtCode: string;
  streetCode: string | null;
  /** The manager handling it: the enterprise's at filing; for a resident, whoever accepts. */
  managerUserId: string | null;
  managerOfficeId: string | null;
  category: RequestCategory;
  title: string;
  description: string;
  status: RequestStatus;
  filedAt: string;
  firstResponseDueAt: string;
  firstRespondedAt: string | null;
  /** Moves on reopening (a new target from the reopening). */
  resolutionDueAt: string;
  answeredAt: string | null;
  resolvedAt: string | null;
  firstResponseRemindedAt: string | null;
  firstResponseEscalatedAt: string | null;
  resolutionRemindedAt: string | null;
  resolutionEscalatedAt: string | null;
  reopenCount: number;
  rating: number | null;
  ratingComment: string | null;
  ratedAt: string | null;
  updatedAt: string;
}

/** One office's part of a routed request. `round` is the request's reopen count when routed. */
export interface DeskRequestPartTable {
  id: string;
  requestId: string;
  officeId: string;
  instructions: string;
  status: 'open' | 'answered';
  round: number;
  answer: string | null;
  answeredByUserId: string | null;
  answeredAt: string | null;
  routedByUserId: string;
  routedAt: string;
}

export type RequestEventKind =
  | 'filed'
  | 'accepted'
  | 'routed'
  | 'part_answered'
  | 'answered'
  | 'resolved'
  | 'rated'
  | 'reopened'
  | 'reminded'
  | 'escalated';

export interface DeskRequestEventTable {
  id: string;
  requestId: string;
  at: string;
  kind: RequestEventKind;
  actorUserId: string | null;
  actorName: string | null;
  officeId: string | null;
  /** The text of an answer, a reopening reason or a rating comment. */
  body: string | null;
  /** JSON: e.g. { target: 'resolution', dueAt } for timers, { officeIds } for routing. */
  details: string;
}
