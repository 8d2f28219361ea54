import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { applicationFeeForStaff } from '../../api/payments-endpoints.ts';
import { formatDateTime } from '../../lib/format.ts';
import { useApiResource } from '../../lib/use-api-resource.ts';
import { yuan } from './payment-words.ts';

/**
 * On the workbench: the application's fee (办事费用) as the applicant's payment stands — unpaid,
 * being paid, or paid with the time and order number. Nothing for services without a fee.
 */
export function StaffFeePanel({ applicationId }: { applicationId: string }) {
  const { t, i18n } = useTranslation();
  const load = useCallback(() => applicationFeeForStaff(applicationId), [applicationId]);
  const [state] = useApiResource(load);
  if (state.status !== 'ready' || state.data.status === 'none') return null;
  const fee = state.data;
  const status = fee.status as Exclude<typeof fee.status, 'none'>;
  const amount = yuan(fee.feeFen);
  return (
    <section className="panel fee-panel" aria-labelledby="staff-fee-title">
      <h2 className="panel__title" id="staff-fee-title">
        {t('payments.kinds.service_fee')}{' '}
        <span className={fee.status === 'unpaid' ? 'badge badge--warning' : 'badge badge--success'}>
          {t(`payments.payableStatus.${status}`)}
        </span>
      </h2>
      <p>
        {fee.status === 'unpaid'
          ? fee.isBeingPaid
            ? t('payments.staffFee.beingPaid', { amount })
            : t('payments.staffFee.unpaid', { amount })
          : t('payments.staffFee.paid', {
              amount,
              time: fee.paidAt ? formatDateTime(fee.paidAt, i18n.resolvedLanguage ?? 'zh-CN') : '',
              orderNo: fee.orderNo ?? '',
            })}
        {fee.refundedFen > 0 && <> {t('payments.fee.refunded', { amount: yuan(fee.refundedFen) })}</>}
      </p>
    </section>
  );
}
