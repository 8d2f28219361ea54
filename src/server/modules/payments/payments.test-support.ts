// Test helpers of the payments module: pending orders written as createPayment leaves them (their
// payables held), and notifications signed as the demo provider signs them.
import { uuidv7 } from 'uuidv7';
import { signNotification } from '../../../../demo/payment-provider/protocol.ts';
import {
  DEMO_MERCHANT_ID,
  DEMO_MERCHANT_KEY,
  DEMO_MERCHANT_SECRET,
} from '../../../../demo/payment-provider/demo-key.ts';
import { nowIso, type Db } from '../../platform/db/database.ts';
import { DemoPayProvider } from './providers/demo-pay-provider.ts';

/** The demo provider's adapter, used only to verify notifications (it is never called). */
export function verifyingProvider(): DemoPayProvider {
  return new DemoPayProvider({
    baseUrl: 'http://127.0.0.1:9',
    merchantId: DEMO_MERCHANT_ID,
    merchantKey: DEMO_MERCHANT_KEY,
    merchantSecret: DEMO_MERCHANT_SECRET,
    timeoutMs: 100,
    retries: 0,
  });
}

/** A notification body and its headers, signed with the merchant secret (or a wrong one). */
export function signedNotification(body: Record<string, unknown>, forged = false) {
  const rawBody = JSON.stringify({ merchantId: DEMO_MERCHANT_ID, ...body });
  const timestamp = Math.floor(Date.now() / 1000);
  const secret = forged ? 'not-the-secret' : DEMO_MERCHANT_SECRET;
  return {
    rawBody,
    headers: {
      'x-demopay-timestamp': String(timestamp),
      'x-demopay-signature': signNotification(secret, timestamp, rawBody),
    },
  };
}

export interface PendingOrderFixture {
  orderId: string;
  merchantOrderNo: string;
  providerOrderNo: string;
  totalFen: number;
  payableIds: string[];
  amounts: number[];
  /** Items that are utility bills (every other one, from the first). */
  utilityItems: number;
}

let sequence = 0;

/** A pending order of the payer for payables of these amounts (even items utility bills, odd fines). */
export async function insertPendingOrder(
  db: Db,
  input: { payerUserId: string; payerPersonId: string; providerId: string; amounts: number[] },
): Promise<PendingOrderFixture> {
  sequence += 1;
  const tag = `${process.pid}X${Date.now()}X${sequence}`;
  const orderId = uuidv7();
  const merchantOrderNo = `TBFIX${tag}`;
  const providerOrderNo = `DPFIX${tag}`;
  const now = nowIso();
  const payableIds = input.amounts.map(() => uuidv7());
  const totalFen = input.amounts.reduce((a, b) => a + b, 0);
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('paymentOrders')
      .values({
        id: orderId,
        merchantOrderNo,
        payerUserId: input.payerUserId,
        payerPersonId: input.payerPersonId,
        payerEnterpriseId: null,
        providerId: input.providerId,
        providerOrderNo,
        providerTxnNo: null,
        totalFen,
        refundedFen: 0,
        state: 'pending',
        description: 'fixture',
        channel: 'online',
        payUrl: 'http://pay.example/',
        qrContent: 'qr',
        returnPath: '/',
        idempotencyKey: `fixture-${tag}`,
        requestHash: 'fixture',
        createdAt: now,
        updatedAt: now,
        expiresAt: new Date(Date.now() + 900_000).toISOString(),
        paidAt: null,
        closedAt: null,
        endReason: null,
        lastQueriedAt: null,
      })
      .execute();
    for (const [i, amountFen] of input.amounts.entries()) {
      const utility = i % 2 === 0;
      await trx
        .insertInto('payables')
        .values({
          id: payableIds[i]!,
          kind: utility ? 'utility_bill' : 'traffic_fine',
          externalRef: `FIX-${tag}-${i}`,
          payerPersonId: input.payerPersonId,
          payerEnterpriseId: null,
          titleZh: `测试账单 ${i}`,
          titleEn: `Test bill ${i}`,
          amountFen,
          beneficiaryCode: utility ? 'utility:water' : 'office:police-traffic-310109',
          beneficiaryNameZh: '收款方',
          beneficiaryNameEn: 'Payee',
          beneficiaryOfficeId: null,
          utilityKind: utility ? 'water' : null,
          accountNumber: utility ? 'W0000001' : null,
          billMonth: utility ? '2026-10' : null,
          applicationId: null,
          dueDate: null,
          status: 'unpaid',
          inFlightOrderId: orderId,
          paidOrderId: null,
          paidAt: null,
          refundedFen: 0,
          createdAt: now,
          updatedAt: now,
        })
        .execute();
      await trx
        .insertInto('paymentOrderItems')
        .values({ id: uuidv7(), orderId, payableId: payableIds[i]!, amountFen, refundedFen: 0 })
        .execute();
    }
  });
  return {
    orderId,
    merchantOrderNo,
    providerOrderNo,
    totalFen,
    payableIds,
    amounts: input.amounts,
    utilityItems: input.amounts.filter((_, i) => i % 2 === 0).length,
  };
}
