import { useTranslation } from 'react-i18next';
import type { PaymentOrderState } from '../../api/payments-endpoints.ts';

const TONE: Record<PaymentOrderState, string> = {
  created: 'badge--warning',
  pending: 'badge--warning',
  paid: 'badge--success',
  closed: 'badge--muted',
  failed: 'badge--error',
  refunded: 'badge--muted',
  partially_refunded: 'badge--success',
};

export function OrderStateBadge({ state }: { state: PaymentOrderState }) {
  const { t } = useTranslation();
  return <span className={`badge ${TONE[state]}`}>{t(`payments.orderState.${state}`)}</span>;
}
