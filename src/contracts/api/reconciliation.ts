// The reconciliation API (对账): schemas the server's routes declare and the types of their
// answers, which the web client imports (`import type`). Money in integer fen; times ISO-8601 UTC;
// business dates YYYY-MM-DD in Asia/Shanghai.
//
// Routes (all under /api/v1/payments/reconciliation; platform admins, and office admins for the
// mismatches involving their office's fees and fines):
//   GET  /runs?limit=&offset=                         ReconciliationRunList
//   POST /runs            {date}                      → ReconciliationRunDetail (platform admin; 201)
//   GET  /runs/:id                                    ReconciliationRunDetail
//   GET  /mismatches?status=&date=&kind=&limit=&offset= MismatchList
//   GET  /mismatches.csv?status=&date=&kind=          text/csv (UTF-8 with BOM)
//   POST /mismatches/:id/resolve {note}               → Mismatch
import { Type, type Static } from 'typebox';

const literalUnion = <T extends string>(values: readonly T[]) =>
  Type.Unsafe<T>({ type: 'string', enum: [...values] });
const NullableString = Type.Union([Type.String(), Type.Null()]);
const NullableFen = Type.Union([Type.Integer(), Type.Null()]);

export const MISMATCH_KINDS = [
  'missing_at_us',
  'missing_at_provider',
  'extra_at_provider',
  'amount_differs',
  'biller_not_confirmed',
  'extra_at_biller',
] as const;
export const MISMATCH_SUBJECTS = ['payment', 'refund', 'biller_payment'] as const;
export const MISMATCH_STATUSES = ['open', 'resolved'] as const;
export const RUN_STATUSES = ['running', 'completed', 'failed'] as const;

export const BusinessDate = Type.String({
  pattern: '^\\d{4}-\\d{2}-\\d{2}$',
  description: 'YYYY-MM-DD, Asia/Shanghai',
});

export const ReconciliationRunSchema = Type.Object({
  id: Type.String(),
  businessDate: Type.String(),
  providerId: Type.String(),
  status: literalUnion(RUN_STATUSES),
  triggeredBy: literalUnion(['job', 'cli', 'operator'] as const),
  startedAt: Type.String(),
  finishedAt: NullableString,
  statementLines: Type.Integer(),
  statementPaymentsFen: Type.Integer(),
  statementRefundsFen: Type.Integer(),
  statementFeesFen: Type.Integer(),
  confirmations: Type.Integer(),
  ordersChecked: Type.Integer(),
  mismatchesFound: Type.Integer(),
  repaired: Type.Integer(),
  /** Mismatches of this run's day still open (those the caller may see). */
  openMismatches: Type.Integer(),
  error: NullableString,
});
export type ReconciliationRun = Static<typeof ReconciliationRunSchema>;

export const MismatchSchema = Type.Object({
  id: Type.String(),
  businessDate: Type.String(),
  kind: literalUnion(MISMATCH_KINDS),
  kindLabel: Type.String(),
  subject: literalUnion(MISMATCH_SUBJECTS),
  subjectLabel: Type.String(),
  merchantOrderNo: NullableString,
  refundNo: NullableString,
  billNo: NullableString,
  utilityKind: NullableString,
  paymentRef: NullableString,
  orderId: NullableString,
  ourFen: NullableFen,
  theirFen: NullableFen,
  ourState: NullableString,
  theirState: NullableString,
  /** What the operator does about it, in the caller's language. */
  advice: Type.String(),
  status: literalUnion(MISMATCH_STATUSES),
  repaired: Type.Boolean(),
  resolutionNote: NullableString,
  resolvedBy: NullableString,
  resolvedAt: NullableString,
  firstRunId: Type.String(),
  lastRunId: Type.String(),
  createdAt: Type.String(),
});
export type Mismatch = Static<typeof MismatchSchema>;

export const ReconciliationRunListSchema = Type.Object({
  items: Type.Array(ReconciliationRunSchema),
  total: Type.Integer(),
});
export type ReconciliationRunList = Static<typeof ReconciliationRunListSchema>;

export const ReconciliationRunDetailSchema = Type.Object({
  run: ReconciliationRunSchema,
  mismatches: Type.Array(MismatchSchema),
});
export type ReconciliationRunDetail = Static<typeof ReconciliationRunDetailSchema>;

export const MismatchListSchema = Type.Object({ items: Type.Array(MismatchSchema), total: Type.Integer() });
export type MismatchList = Static<typeof MismatchListSchema>;

export const MismatchQuerySchema = Type.Object({
  status: Type.Optional(literalUnion(MISMATCH_STATUSES)),
  date: Type.Optional(BusinessDate),
  kind: Type.Optional(literalUnion(MISMATCH_KINDS)),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 100 })),
  offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 1_000_000, default: 0 })),
});
export type MismatchQuery = Static<typeof MismatchQuerySchema>;

export const RunListQuerySchema = Type.Object({
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 30 })),
  offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 1_000_000, default: 0 })),
});

export const StartRunBodySchema = Type.Object({ date: BusinessDate }, { additionalProperties: false });
export type StartRunBody = Static<typeof StartRunBodySchema>;

export const ResolveMismatchBodySchema = Type.Object(
  { note: Type.String({ minLength: 2, maxLength: 1000 }) },
  { additionalProperties: false },
);
export type ResolveMismatchBody = Static<typeof ResolveMismatchBodySchema>;
