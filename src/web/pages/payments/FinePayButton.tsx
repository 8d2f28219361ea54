import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { listPayables, type Payable } from '../../api/payments-endpoints.ts';
import { useApiResource } from '../../lib/use-api-resource.ts';
import { useStartPayment } from './use-start-payment.ts';

const NO_FINES = () => Promise.resolve({ items: [] as Payable[], unpaidTotalFen: 0, problems: [] });

/**
 * The person's traffic fines as payables (payments reads them from the vehicles register), by
 * violation id; loaded only when some violation is processed and unpaid.
 */
export function useTrafficFines(isWanted: boolean): Map<string, Payable> {
  const load = useCallback(
    () => (isWanted ? listPayables({ kind: 'traffic_fine' }) : NO_FINES()),
    [isWanted],
  );
  const [state] = useApiResource(load);
  if (state.status !== 'ready') return new Map();
  return new Map(state.data.items.map((payable) => [payable.externalRef, payable]));
}

/** 缴纳罚款: pays one processed fine through the provider's cashier, as any other payable. */
export function FinePayButton({ payable, label }: { payable: Payable | undefined; label: string }) {
  const { t } = useTranslation();
  const { start, isStarting, error } = useStartPayment(undefined);
  if (!payable) return null;
  if (payable.status !== 'unpaid')
    return payable.paidOrderId ? (
      <Link to={`/payments/orders/${payable.paidOrderId}/receipt`}>{t('payments.bills.receipt')}</Link>
    ) : null;
  if (payable.inFlight) return <span className="badge badge--warning">{t('payments.fines.inFlight')}</span>;
  return (
    <>
      <button
        type="button"
        className="button button--primary button--small"
        disabled={isStarting}
        aria-label={label}
        onClick={() => void start([payable.id])}
      >
        {isStarting ? t('payments.due.starting') : t('payments.fines.pay')}
      </button>
      {error && (
        <span className="field__error" role="alert">
          {error}
        </span>
      )}
    </>
  );
}
