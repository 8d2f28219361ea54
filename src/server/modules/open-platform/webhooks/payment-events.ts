// The open platform's payment events, built from what the payments module has at hand when an
// order settles, so its settlement needs one call (in its own transaction).
import type { Transaction } from 'kysely';
import type { Database } from '../../../platform/db/schema.ts';
import type { JobRunner } from '../../../platform/jobs/job-runner.ts';
import { publishOpenEvent } from './webhook-events.ts';

/**
 * Publishes `payment.settled` for an order a resident paid (enterprise payers are not told to
 * apps), in the settlement's transaction. Apps receive it only for residents who granted them
 * `bills_payments`.
 */
export async function publishPaymentSettled(
  trx: Transaction<Database>,
  jobs: JobRunner,
  order: { id: string; merchantOrderNo: string; totalFen: number; payerPersonId: string | null },
  items: { payableId: string; kind: string; amountFen: number; titleZh: string; titleEn: string }[],
  paidAt: string,
): Promise<void> {
  if (!order.payerPersonId) return;
  await publishOpenEvent(trx, jobs, {
    type: 'payment.settled',
    personId: order.payerPersonId,
    data: {
      orderId: order.id,
      merchantOrderNo: order.merchantOrderNo,
      amountFen: order.totalFen,
      paidAt,
      payables: items.map((item) => ({
        id: item.payableId,
        kind: item.kind,
        amountFen: item.amountFen,
        titleZh: item.titleZh,
        titleEn: item.titleEn,
      })),
    },
  });
}
