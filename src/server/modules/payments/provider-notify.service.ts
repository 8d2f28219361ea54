// The provider's asynchronous notification (异步通知): verified on the raw body with the provider's
// own check, then applied through the exactly-once settlement path. Every one is logged: accepted,
// duplicate, or refused with the reason.
import { AppError } from '../../platform/errors.ts';
import type { NotifyAnswer } from '../../../contracts/api/payments.ts';
import { ProviderSignatureError, type PaymentProvider, type ProviderNotification } from './ports.ts';
import { applyRefundReport } from './refunds.service.ts';
import {
  applyOrderReport,
  logNotification,
  type SettlementDeps,
  type SettlementOutcome,
} from './settlement.ts';

/**
 * Handles one POSTed notification. Throws PAYMENT_SIGNATURE_INVALID (bad signature) or
 * PAYMENT_NOTIFICATION_REFUSED (unknown order or refund, wrong amount, an order no longer open);
 * answers `accepted` or `duplicate` otherwise, so the provider stops resending.
 */
export async function handleProviderNotification(
  deps: SettlementDeps,
  provider: PaymentProvider,
  headers: Record<string, string | string[] | undefined>,
  rawBody: string,
): Promise<NotifyAnswer> {
  let notification: ProviderNotification;
  try {
    notification = provider.verifyNotification(headers, rawBody);
  } catch (error) {
    if (!(error instanceof ProviderSignatureError)) throw error;
    await logNotification(deps.database.db, {
      providerId: provider.id,
      source: 'notify',
      outcome: 'refused',
      reason: 'bad_signature',
      rawBody,
    });
    throw new AppError('PAYMENT_SIGNATURE_INVALID');
  }
  return answerFor(await applyNotification(deps, provider.id, notification, rawBody));
}

/** Applies a verified notification (also used by tests that sign with the demo provider's code). */
export function applyNotification(
  deps: SettlementDeps,
  providerId: string,
  notification: ProviderNotification,
  rawBody?: string,
): Promise<SettlementOutcome> {
  if (notification.kind === 'order')
    return applyOrderReport(
      deps,
      providerId,
      {
        merchantOrderNo: notification.merchantOrderNo,
        providerOrderNo: notification.providerOrderNo || undefined,
        state: notification.state,
        amountFen: notification.amountFen,
        notificationId: notification.notificationId,
        ...(notification.providerTxnNo ? { providerTxnNo: notification.providerTxnNo } : {}),
        ...(notification.paidAt ? { paidAt: notification.paidAt } : {}),
      },
      'notify',
      rawBody,
    );
  return applyRefundReport(
    deps,
    providerId,
    {
      merchantOrderNo: notification.merchantOrderNo,
      refundNo: notification.refundNo,
      providerRefundNo: notification.providerRefundNo,
      state: notification.state,
      amountFen: notification.amountFen,
      notificationId: notification.notificationId,
      ...(notification.refundedAt ? { refundedAt: notification.refundedAt } : {}),
    },
    'notify',
    rawBody,
  );
}

function answerFor(outcome: SettlementOutcome): NotifyAnswer {
  if (outcome.result === 'refused')
    throw new AppError(
      'PAYMENT_NOTIFICATION_REFUSED',
      { reason: outcome.reason },
      { reason: outcome.reason },
    );
  return { result: outcome.result === 'duplicate' ? 'duplicate' : 'accepted' };
}
