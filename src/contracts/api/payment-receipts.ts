// Receipts of payments (电子缴费凭证): the printable page and the PDF show the same facts, and
// anyone holding a receipt can check it by its order number and check code (public, rate-limited).
//
// Routes:
//   GET /api/v1/payments/orders/:id/receipt          ReceiptView (the payer)
//   GET /api/v1/payments/orders/:id/receipt.pdf      application/pdf (the payer)
//   GET /api/v1/payments/receipts/check?orderNo=&code=  ReceiptCheck (public)
import { Type, type Static } from 'typebox';

const Fen = () => Type.Integer({ minimum: 0 });

export const ReceiptLineSchema = Type.Object({
  descriptionZh: Type.String(),
  descriptionEn: Type.String(),
  payeeZh: Type.String({ description: '收款单位' }),
  payeeEn: Type.String(),
  amountFen: Fen(),
  refundedFen: Fen(),
});
export type ReceiptLine = Static<typeof ReceiptLineSchema>;

const ReceiptFacts = {
  orderNo: Type.String({ description: 'our order number (merchantOrderNo)' }),
  providerTxnNo: Type.String({ description: "the payment provider's transaction number" }),
  providerNameZh: Type.String(),
  providerNameEn: Type.String(),
  paidAt: Type.String({ format: 'date-time' }),
  payerMasked: Type.String({ description: 'the payer with most of the name hidden' }),
  lines: Type.Array(ReceiptLineSchema),
  totalFen: Fen(),
  refundedFen: Fen(),
};

export const ReceiptViewSchema = Type.Object({
  orderId: Type.String(),
  ...ReceiptFacts,
  checkCode: Type.String({ description: 'with the order number, checks the receipt (XXXX-XXXX-XXXX)' }),
  checkUrl: Type.String({ description: 'the public check page; what the QR code holds' }),
});
export type ReceiptView = Static<typeof ReceiptViewSchema>;

export const ReceiptCheckQuerySchema = Type.Object(
  {
    orderNo: Type.String({ minLength: 1, maxLength: 64 }),
    code: Type.String({ minLength: 1, maxLength: 32 }),
  },
  { additionalProperties: false },
);

export const ReceiptCheckSchema = Type.Object({ ...ReceiptFacts });
export type ReceiptCheck = Static<typeof ReceiptCheckSchema>;

/** GET /api/v1/workbench/applications/:id/fee: the fee of an application as its staff see it. */
export const ApplicationFeeStatusSchema = Type.Object({
  feeFen: Fen(),
  status: Type.Unsafe<'none' | 'unpaid' | 'paid' | 'refunded' | 'partially_refunded'>({
    type: 'string',
    enum: ['none', 'unpaid', 'paid', 'refunded', 'partially_refunded'],
    description: 'none: the service charges no fee',
  }),
  /** The applicant is at the provider's cashier right now. */
  isBeingPaid: Type.Boolean(),
  paidAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  orderNo: Type.Union([Type.String(), Type.Null()]),
  refundedFen: Fen(),
});
export type ApplicationFeeStatus = Static<typeof ApplicationFeeStatusSchema>;
