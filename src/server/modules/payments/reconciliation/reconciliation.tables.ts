// The reconciliation's tables (only reconciliation/ queries them). Money in integer fen, times
// ISO-8601 UTC text, business dates YYYY-MM-DD in Asia/Shanghai.

export type ReconciliationRunStatus = 'running' | 'completed' | 'failed';
export type ReconciliationTrigger = 'job' | 'cli' | 'operator';
export type MismatchKind =
  | 'missing_at_us'
  | 'missing_at_provider'
  | 'extra_at_provider'
  | 'amount_differs'
  | 'biller_not_confirmed'
  | 'extra_at_biller';
export type MismatchSubject = 'payment' | 'refund' | 'biller_payment';
export type MismatchStatus = 'open' | 'resolved';

export interface ReconciliationRunTable {
  id: string;
  businessDate: string;
  providerId: string;
  status: ReconciliationRunStatus;
  triggeredBy: ReconciliationTrigger;
  triggeredByUserId: string | null;
  startedAt: string;
  finishedAt: string | null;
  statementLines: number;
  statementPaymentsFen: number;
  statementRefundsFen: number;
  statementFeesFen: number;
  confirmations: number;
  ordersChecked: number;
  mismatchesFound: number;
  repaired: number;
  error: string | null;
}

export interface ReconciliationMismatchTable {
  id: string;
  mismatchKey: string;
  firstRunId: string;
  lastRunId: string;
  businessDate: string;
  kind: MismatchKind;
  subject: MismatchSubject;
  merchantOrderNo: string | null;
  refundNo: string | null;
  billNo: string | null;
  utilityKind: string | null;
  paymentRef: string | null;
  orderId: string | null;
  ourFen: number | null;
  theirFen: number | null;
  ourState: string | null;
  theirState: string | null;
  officeIds: string;
  status: MismatchStatus;
  repaired: number;
  resolutionNote: string | null;
  resolvedByUserId: string | null;
  resolvedAt: string | null;
  createdAt: string;
  updatedAt: string;
}
