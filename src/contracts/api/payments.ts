// The payments API (缴费: 生活缴费, 办事费用, 交通罚款): schemas the server's routes declare, and the
// types of their requests and answers, which the web client imports (`import type`, so no schema
// code reaches it). Money is always integer fen (分); times are ISO-8601 UTC.
//
// Routes (all under /api/v1/payments):
//   GET    /utility-accounts?enterpriseId=            UtilityAccountList      (own / enterprise member)
//   POST   /utility-accounts                          BindUtilityAccountBody → UtilityAccountBinding (201)
//   DELETE /utility-accounts/:id                      → UtilityAccountBinding (unbound; history kept)
//   GET    /utility-bills?enterpriseId=               UtilityBillList (fetched from the billers now)
//   GET    /payables?enterpriseId=&kind=&status=      PayableList (bills, service fees, traffic fines)
//   GET    /payables/:id                              Payable
//   POST   /orders  (header Idempotency-Key)          CreatePaymentBody → CreatePaymentResult (201; 200 on replay)
//   GET    /orders?enterpriseId=&limit=&offset=       PaymentOrderList
//   GET    /orders/:id                                PaymentOrderDetail (asks the provider when pending)
//   POST   /orders/:id/refunds                        RequestRefundBody → Refund (201; payer or finance staff)
//   GET    /refunds?state=                            RefundList (finance staff: office admins, platform admins)
//   GET    /refunds/:id                               Refund (payer or finance staff)
//   POST   /refunds/:id/approve                       → Refund (a different person with the finance role)
//   POST   /refunds/:id/reject                        RejectRefundBody → Refund
//   GET    /ledger/accounts                           LedgerAccountList (platform admin)
//   GET    /ledger/transactions?account=&limit=&offset= LedgerTransactionList (platform admin)
//   GET    /biller-pushes?status=                     BillerPushList (platform admin)
//   POST   /biller-pushes/:id/retry                   → BillerPush (platform admin)
//   POST   /notify/:providerId                        the provider's signed notification (public, raw body)
import { Type, type Static } from 'typebox';

const literalUnion = <T extends string>(values: readonly T[], description?: string) =>
  Type.Unsafe<T>({ type: 'string', enum: [...values], ...(description ? { description } : {}) });
const NullableString = Type.Union([Type.String(), Type.Null()]);
const Fen = (description?: string) => Type.Integer({ minimum: 0, ...(description ? { description } : {}) });

export const PAYABLE_KINDS = ['utility_bill', 'service_fee', 'traffic_fine'] as const;
export type PayableKind = (typeof PAYABLE_KINDS)[number];
export const PAYABLE_STATUSES = ['unpaid', 'paid', 'refunded', 'partially_refunded'] as const;
export type PayableStatus = (typeof PAYABLE_STATUSES)[number];
export const UTILITY_KINDS = ['water', 'electricity', 'gas'] as const;
export type UtilityKindName = (typeof UTILITY_KINDS)[number];
export const ORDER_STATES = [
  'created',
  'pending',
  'paid',
  'closed',
  'failed',
  'refunded',
  'partially_refunded',
] as const;
export type PaymentOrderState = (typeof ORDER_STATES)[number];
export const REFUND_STATES = ['requested', 'rejected', 'processing', 'succeeded', 'failed'] as const;
export type RefundState = (typeof REFUND_STATES)[number];
export const BILLER_PUSH_STATUSES = ['pending', 'confirmed', 'rejected'] as const;
export type BillerPushStatus = (typeof BILLER_PUSH_STATUSES)[number];

export const PayableKindSchema = literalUnion(PAYABLE_KINDS);
export const PayableStatusSchema = literalUnion(PAYABLE_STATUSES);
export const UtilityKindSchema = literalUnion(UTILITY_KINDS, 'water 水, electricity 电, gas 燃气');
export const OrderStateSchema = literalUnion(ORDER_STATES);
export const RefundStateSchema = literalUnion(REFUND_STATES);
export const BillerPushStatusSchema = literalUnion(BILLER_PUSH_STATUSES);

/** Whose money it is: the signed-in person, or an enterprise they are a member of. */
export const PayerSchema = Type.Object({
  kind: literalUnion(['person', 'enterprise'] as const),
  id: Type.String(),
  name: Type.String(),
});
export type Payer = Static<typeof PayerSchema>;

export const EnterpriseQuerySchema = Type.Object(
  {
    enterpriseId: Type.Optional(
      Type.String({ minLength: 1, maxLength: 64, description: 'act for this enterprise (a member)' }),
    ),
  },
  { additionalProperties: false },
);

// ---------------------------------------------------------------- utility accounts

export const UtilityAccountBindingSchema = Type.Object({
  id: Type.String(),
  kind: UtilityKindSchema,
  accountNumber: Type.String({ description: '户号' }),
  address: Type.String({ description: 'the address as the biller holds it' }),
  holderMasked: Type.String({ description: 'the account holder as the biller shows it, masked (张*)' }),
  billerNameZh: Type.String(),
  billerNameEn: Type.String(),
  payer: PayerSchema,
  boundAt: Type.String({ format: 'date-time' }),
  unboundAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
});
export type UtilityAccountBinding = Static<typeof UtilityAccountBindingSchema>;

export const UtilityAccountListSchema = Type.Object({
  items: Type.Array(UtilityAccountBindingSchema, { description: 'bound accounts, newest first' }),
  history: Type.Array(UtilityAccountBindingSchema, { description: 'accounts unbound earlier' }),
});
export type UtilityAccountList = Static<typeof UtilityAccountListSchema>;

export const BindUtilityAccountBodySchema = Type.Object(
  {
    kind: UtilityKindSchema,
    accountNumber: Type.String({ pattern: '^[0-9A-Za-z-]{4,32}$', description: '户号' }),
    address: Type.String({ minLength: 2, maxLength: 200 }),
    enterpriseId: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
  },
  { additionalProperties: false },
);
export type BindUtilityAccountBody = Static<typeof BindUtilityAccountBodySchema>;

// ---------------------------------------------------------------- payables

export const PayableSchema = Type.Object({
  id: Type.String(),
  kind: PayableKindSchema,
  /** Bill no (utility), application receipt no (service fee), violation decision no (fine). */
  externalRef: Type.String(),
  titleZh: Type.String(),
  titleEn: Type.String(),
  amountFen: Fen(),
  refundedFen: Fen(),
  status: PayableStatusSchema,
  /** True while an order for it waits for the payer (it cannot be put in another order). */
  inFlight: Type.Boolean(),
  payer: PayerSchema,
  beneficiary: Type.Object({
    code: Type.String({ description: 'ledger account suffix, e.g. utility:water or office:<code>' }),
    nameZh: Type.String(),
    nameEn: Type.String(),
  }),
  utility: Type.Union([
    Type.Object({
      kind: UtilityKindSchema,
      accountNumber: Type.String(),
      month: Type.String({ description: 'YYYY-MM' }),
    }),
    Type.Null(),
  ]),
  applicationId: NullableString,
  dueDate: Type.Union([Type.String({ format: 'date' }), Type.Null()]),
  paidAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  /** The order that paid it; null when unpaid or paid outside Tongban. */
  paidOrderId: NullableString,
});
export type Payable = Static<typeof PayableSchema>;

export const PayableListQuerySchema = Type.Object(
  {
    enterpriseId: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
    kind: Type.Optional(PayableKindSchema),
    status: Type.Optional(PayableStatusSchema),
  },
  { additionalProperties: false },
);
export type PayableListQuery = Static<typeof PayableListQuerySchema>;

/** A source that could not be read just now (a biller or the vehicles register). */
export const SourceProblemSchema = Type.Object({
  source: Type.String({ description: 'utility:<kind>:<accountNumber> or register:vehicles' }),
  code: Type.String(),
  message: Type.String(),
});

export const PayableListSchema = Type.Object({
  items: Type.Array(PayableSchema, { description: 'unpaid first (oldest due first), then paid' }),
  unpaidTotalFen: Fen(),
  problems: Type.Array(SourceProblemSchema),
});
export type PayableList = Static<typeof PayableListSchema>;

export const UtilityBillListSchema = Type.Object({
  items: Type.Array(PayableSchema, { description: 'bills of the bound accounts, newest month first' }),
  problems: Type.Array(SourceProblemSchema),
});
export type UtilityBillList = Static<typeof UtilityBillListSchema>;

// ---------------------------------------------------------------- orders

export const CreatePaymentBodySchema = Type.Object(
  {
    payableIds: Type.Array(Type.String({ minLength: 1, maxLength: 64 }), {
      minItems: 1,
      maxItems: 20,
      uniqueItems: true,
    }),
    enterpriseId: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
    /** An app path to come back to after paying (default `/payments/orders/<id>`). */
    returnPath: Type.Optional(Type.String({ pattern: '^/(?![/\\\\])[^\\s\\\\]*$', maxLength: 300 })),
    channel: Type.Optional(literalUnion(['online', 'terminal', 'open_api'] as const)),
  },
  { additionalProperties: false },
);
export type CreatePaymentBody = Static<typeof CreatePaymentBodySchema>;

/** `Idempotency-Key`: 8–128 characters [A-Za-z0-9._:-], one per payment the payer means to make. */
export const IDEMPOTENCY_KEY_PATTERN = '^[A-Za-z0-9._:-]{8,128}$';
export const IdempotencyHeadersSchema = Type.Object({
  'idempotency-key': Type.Optional(
    Type.String({
      description: '8–128 characters [A-Za-z0-9._:-], unique per payment; a retry sends the same',
    }),
  ),
});

export const OrderItemSchema = Type.Object({
  payableId: Type.String(),
  kind: PayableKindSchema,
  titleZh: Type.String(),
  titleEn: Type.String(),
  amountFen: Fen(),
  refundedFen: Fen(),
});
export type OrderItem = Static<typeof OrderItemSchema>;

export const PaymentOrderSchema = Type.Object({
  id: Type.String(),
  merchantOrderNo: Type.String({ description: 'our order number, shown on receipts' }),
  state: OrderStateSchema,
  totalFen: Fen(),
  refundedFen: Fen(),
  payer: PayerSchema,
  provider: Type.String(),
  providerOrderNo: NullableString,
  providerTxnNo: NullableString,
  description: Type.String(),
  createdAt: Type.String({ format: 'date-time' }),
  expiresAt: Type.String({ format: 'date-time' }),
  paidAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  closedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  items: Type.Array(OrderItemSchema),
});
export type PaymentOrder = Static<typeof PaymentOrderSchema>;

export const CreatePaymentResultSchema = Type.Object({
  order: PaymentOrderSchema,
  /** Where to send the payer's browser (null once the order is no longer waiting). */
  payUrl: NullableString,
  /** What to show as a QR code for a phone to scan. */
  qrContent: NullableString,
  /** True when this answers a repeat of an earlier request with the same Idempotency-Key. */
  replayed: Type.Boolean(),
});
export type CreatePaymentResult = Static<typeof CreatePaymentResultSchema>;

export const RefundSchema = Type.Object({
  id: Type.String(),
  refundNo: Type.String(),
  orderId: Type.String(),
  merchantOrderNo: Type.String(),
  payableId: Type.String(),
  payableTitleZh: Type.String(),
  payableTitleEn: Type.String(),
  amountFen: Fen(),
  reason: Type.String(),
  state: RefundStateSchema,
  requestedBy: Type.Object({ userId: Type.String(), name: Type.String(), asPayer: Type.Boolean() }),
  requestedAt: Type.String({ format: 'date-time' }),
  decidedBy: Type.Union([Type.Object({ userId: Type.String(), name: Type.String() }), Type.Null()]),
  decidedAt: NullableString,
  decisionNote: NullableString,
  providerRefundNo: NullableString,
  completedAt: NullableString,
  /** Whether the caller may approve or reject it now (finance role, not the requester). */
  canDecide: Type.Boolean(),
});
export type Refund = Static<typeof RefundSchema>;

export const PaymentOrderDetailSchema = Type.Intersect([
  PaymentOrderSchema,
  Type.Object({
    payUrl: NullableString,
    qrContent: NullableString,
    refunds: Type.Array(RefundSchema),
    /** True when the answer came from asking the provider just now. */
    checkedWithProvider: Type.Boolean(),
  }),
]);
export type PaymentOrderDetail = Static<typeof PaymentOrderDetailSchema>;

export const PaymentOrderListQuerySchema = Type.Object(
  {
    enterpriseId: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20 })),
    offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 1_000_000, default: 0 })),
  },
  { additionalProperties: false },
);

export const PaymentOrderListSchema = Type.Object({
  items: Type.Array(PaymentOrderSchema),
  total: Type.Integer(),
});
export type PaymentOrderList = Static<typeof PaymentOrderListSchema>;

// ---------------------------------------------------------------- refunds

export const RequestRefundBodySchema = Type.Object(
  {
    payableId: Type.String({ minLength: 1, maxLength: 64 }),
    /** Omit for the whole remaining amount of the item (a full refund). */
    amountFen: Type.Optional(Type.Integer({ minimum: 1, maximum: 100_000_000 })),
    reason: Type.String({ minLength: 2, maxLength: 500 }),
  },
  { additionalProperties: false },
);
export type RequestRefundBody = Static<typeof RequestRefundBodySchema>;

export const RejectRefundBodySchema = Type.Object(
  { note: Type.String({ minLength: 2, maxLength: 500 }) },
  { additionalProperties: false },
);
export type RejectRefundBody = Static<typeof RejectRefundBodySchema>;

export const ApproveRefundBodySchema = Type.Object(
  { note: Type.Optional(Type.String({ maxLength: 500 })) },
  { additionalProperties: false },
);
export type ApproveRefundBody = Static<typeof ApproveRefundBodySchema>;

export const RefundListQuerySchema = Type.Object(
  {
    state: Type.Optional(RefundStateSchema),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 50 })),
    offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 1_000_000, default: 0 })),
  },
  { additionalProperties: false },
);

export const RefundListSchema = Type.Object({ items: Type.Array(RefundSchema), total: Type.Integer() });
export type RefundList = Static<typeof RefundListSchema>;

// ---------------------------------------------------------------- ledger and biller pushes

export const LedgerAccountSchema = Type.Object({
  account: Type.String({
    description: 'e.g. payer:person:<id>, provider_clearing:demo, biller:utility:water',
  }),
  debitFen: Fen(),
  creditFen: Fen(),
  /** debits minus credits (negative: the platform owes this account). */
  balanceFen: Type.Integer(),
});
export type LedgerAccount = Static<typeof LedgerAccountSchema>;

export const LedgerAccountListSchema = Type.Object({
  items: Type.Array(LedgerAccountSchema),
  balanced: Type.Boolean({ description: 'every transaction balances and all debits equal all credits' }),
});
export type LedgerAccountList = Static<typeof LedgerAccountListSchema>;

export const LedgerEntrySchema = Type.Object({
  account: Type.String(),
  debitFen: Fen(),
  creditFen: Fen(),
});

export const LedgerTransactionSchema = Type.Object({
  id: Type.String(),
  kind: Type.String({ description: 'payment, refund_approved, refund_paid, refund_reversed, fee, …' }),
  reference: Type.String(),
  memo: Type.String(),
  createdAt: Type.String({ format: 'date-time' }),
  entries: Type.Array(LedgerEntrySchema),
});
export type LedgerTransaction = Static<typeof LedgerTransactionSchema>;

export const LedgerTransactionListQuerySchema = Type.Object(
  {
    account: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
    offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 1_000_000, default: 0 })),
  },
  { additionalProperties: false },
);

export const LedgerTransactionListSchema = Type.Object({
  items: Type.Array(LedgerTransactionSchema),
  total: Type.Integer(),
});
export type LedgerTransactionList = Static<typeof LedgerTransactionListSchema>;

export const BillerPushSchema = Type.Object({
  id: Type.String(),
  payableId: Type.String(),
  orderId: Type.String(),
  merchantOrderNo: Type.String(),
  utilityKind: UtilityKindSchema,
  billNo: Type.String(),
  accountNumber: Type.String(),
  amountFen: Fen(),
  paymentRef: Type.String(),
  status: BillerPushStatusSchema,
  attempts: Type.Integer(),
  lastError: NullableString,
  confirmationNo: NullableString,
  createdAt: Type.String({ format: 'date-time' }),
  confirmedAt: NullableString,
  /** What an operator should do about a rejected push. */
  adviceZh: NullableString,
  adviceEn: NullableString,
});
export type BillerPush = Static<typeof BillerPushSchema>;

export const BillerPushListQuerySchema = Type.Object(
  {
    status: Type.Optional(BillerPushStatusSchema),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
    offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 1_000_000, default: 0 })),
  },
  { additionalProperties: false },
);

export const BillerPushListSchema = Type.Object({
  items: Type.Array(BillerPushSchema),
  total: Type.Integer(),
});
export type BillerPushList = Static<typeof BillerPushListSchema>;

/** What the notify endpoint answers the provider (2xx = received, stop resending). */
export const NotifyAnswerSchema = Type.Object({
  result: literalUnion(['accepted', 'duplicate'] as const),
});
export type NotifyAnswer = Static<typeof NotifyAnswerSchema>;

export const IdParamsSchema = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) });
