import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { listPayables } from '../../api/payments-endpoints.ts';
import { useApiResource } from '../../lib/use-api-resource.ts';
import { yuan } from './payment-words.ts';
import { useStartPayment } from './use-start-payment.ts';
import './payments.css';

/**
 * On an application of a service with a fee (办事费用): 待缴费 with the amount and a button that
 * pays it through the provider's cashier, or that it is paid with a link to the receipt. Shows
 * nothing for services without a fee.
 */
export function ApplicationFeePanel({
  applicationId,
  enterpriseId,
}: {
  applicationId: string;
  enterpriseId: string | undefined;
}) {
  const { t } = useTranslation();
  const load = useCallback(() => listPayables({ enterpriseId, kind: 'service_fee' }), [enterpriseId]);
  const [state] = useApiResource(load);
  const { start, isStarting, error } = useStartPayment(enterpriseId);
  if (state.status !== 'ready') return null;
  const fee = state.data.items.find((payable) => payable.applicationId === applicationId);
  if (!fee) return null;
  const amount = yuan(fee.amountFen);
  return (
    <section className="panel fee-panel" aria-labelledby="fee-title">
      <h2 className="panel__title" id="fee-title">
        {fee.status === 'unpaid' ? t('payments.fee.title') : t('payments.kinds.service_fee')}{' '}
        <span className={fee.status === 'unpaid' ? 'badge badge--warning' : 'badge badge--success'}>
          {t(`payments.payableStatus.${fee.status}`)}
        </span>
      </h2>
      {fee.status === 'unpaid' && !fee.inFlight && (
        <>
          <p>{t('payments.fee.lead', { amount })}</p>
          {error && (
            <p className="notice notice--error" role="alert">
              {error}
            </p>
          )}
          <button
            type="button"
            className="button button--primary"
            disabled={isStarting}
            onClick={() => void start([fee.id])}
          >
            {isStarting ? t('payments.due.starting') : t('payments.fee.pay', { amount })}
          </button>
        </>
      )}
      {fee.status === 'unpaid' && fee.inFlight && (
        <p>
          {t('payments.fee.waiting')}{' '}
          <Link to={`/payments/orders${enterpriseId ? `?for=${encodeURIComponent(enterpriseId)}` : ''}`}>
            {t('payments.fee.continue')}
          </Link>
        </p>
      )}
      {fee.status !== 'unpaid' && (
        <p>
          {t('payments.fee.paid', { amount })}
          {fee.refundedFen > 0 && <> {t('payments.fee.refunded', { amount: yuan(fee.refundedFen) })}</>}{' '}
          {fee.paidOrderId && (
            <Link to={`/payments/orders/${fee.paidOrderId}/receipt`}>{t('payments.fee.receipt')}</Link>
          )}
        </p>
      )}
    </section>
  );
}
