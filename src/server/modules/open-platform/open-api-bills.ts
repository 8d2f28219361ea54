// Bills and payments for scope bills_payments, through the payments module's services: what the
// resident can pay (utility bills of their bound accounts, fees of their applications, traffic
// fines), paying some of them (an order at the payment provider: the app sends the resident to its
// cashier page), and an order's state. The consent is the resident's consent to the app for their
// utility accounts (register utilities), checked on every call; each call is an access record
// naming the app.
import type { AppDeps } from '../../platform/deps.ts';
import { appendAudit } from '../../platform/audit/audit.ts';
import type {
  CreatePaymentResult,
  PayableList,
  PaymentOrderDetail,
} from '../../../contracts/api/payments.ts';
import { listPayables } from '../payments/payables.service.ts';
import { createPayment, getOrderForPayer } from '../payments/orders.service.ts';
import { hasAppConsent } from '../sharing/app-grants.service.ts';
import { AppError } from '../../platform/errors.ts';
import type { OpenCaller } from './open-api-data.ts';
import { OPEN_SCOPES } from './scopes.ts';

async function assertBillsConsent(deps: AppDeps, caller: OpenCaller): Promise<void> {
  const { register } = OPEN_SCOPES.bills_payments;
  const ok = await hasAppConsent(deps.database.db, {
    personId: caller.principal.personId!,
    appId: caller.app.id,
    register: register.code,
    fields: [...register.fields],
  });
  if (!ok) throw new AppError('OPEN_CONSENT_WITHDRAWN', {}, { scope: 'bills_payments' });
}

async function recordPaymentsRead(deps: AppDeps, caller: OpenCaller, fields: string[], purpose: string) {
  await appendAudit(deps.database.db, {
    actor: { userId: caller.principal.userId, name: caller.app.nameZh },
    action: 'data.read',
    objectType: 'open_api',
    objectId: 'payments',
    subjectPersonId: caller.principal.personId,
    fields,
    purpose,
    requestId: caller.requestId,
    details: {
      consumer: { kind: 'third_party_app', ref: caller.app.id, appId: caller.app.id },
      ruleIds: [],
      applicationId: null,
      registerNameZh: '账单与缴费',
      registerNameEn: 'Bills and payments',
    },
  });
}

/** What the resident can pay and has paid (their own, not an enterprise's). */
export async function listBillsForApp(deps: AppDeps, caller: OpenCaller): Promise<PayableList> {
  await assertBillsConsent(deps, caller);
  const list = await listPayables(deps, caller.principal, {}, caller.locale, caller.requestId);
  await recordPaymentsRead(deps, caller, ['payments.payables'], '经本人授权，查看待缴和已缴账单');
  return list;
}

/** Pays some of the resident's payables: an order at the provider (idempotent per app and key). */
export async function payBillsForApp(
  deps: AppDeps,
  caller: OpenCaller,
  payableIds: string[],
  idempotencyKey: string,
): Promise<CreatePaymentResult> {
  await assertBillsConsent(deps, caller);
  return createPayment(
    deps,
    caller.principal,
    { payableIds, channel: 'open_api' },
    `app:${caller.app.id}:${idempotencyKey}`,
    caller.requestId,
  );
}

/** One of the resident's payment orders. */
export async function getPaymentForApp(
  deps: AppDeps,
  caller: OpenCaller,
  orderId: string,
): Promise<PaymentOrderDetail> {
  await assertBillsConsent(deps, caller);
  const order = await getOrderForPayer(deps, caller.principal, orderId);
  await recordPaymentsRead(
    deps,
    caller,
    ['payments.order'],
    `经本人授权，查看缴费订单 ${order.merchantOrderNo}`,
  );
  return order;
}
