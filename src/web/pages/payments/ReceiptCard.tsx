import { useTranslation } from 'react-i18next';
import { yuanInWords } from '../../../contracts/money.ts';
import type { ReceiptView } from '../../api/payments-endpoints.ts';
import { formatDateTime } from '../../lib/format.ts';
import { QrImage } from './QrImage.tsx';
import { usePick, yuan } from './payment-words.ts';

/** The electronic payment receipt (电子缴费凭证) as the page shows and prints it. */
export function ReceiptCard({ receipt, headingLevel = 2 }: { receipt: ReceiptView; headingLevel?: 1 | 2 }) {
  const { t, i18n } = useTranslation();
  const pick = usePick();
  const language = i18n.resolvedLanguage ?? 'zh-CN';
  const Heading = headingLevel === 1 ? 'h1' : 'h2';
  return (
    <section className="receipt-card" aria-labelledby="receipt-card-title">
      <Heading className="receipt-card__title" id="receipt-card-title" tabIndex={-1}>
        {t('payments.receipt.title')}
      </Heading>
      <dl className="facts facts--compact receipt-card__facts">
        <div className="facts__row">
          <dt>{t('payments.order.orderNo')}</dt>
          <dd className="mono">{receipt.orderNo}</dd>
        </div>
        <div className="facts__row">
          <dt>{t('payments.order.providerTxnNo')}</dt>
          <dd className="mono">{receipt.providerTxnNo}</dd>
        </div>
        <div className="facts__row">
          <dt>{t('payments.order.provider')}</dt>
          <dd>{pick(receipt.providerNameZh, receipt.providerNameEn)}</dd>
        </div>
        <div className="facts__row">
          <dt>{t('payments.order.paidAt')}</dt>
          <dd>{formatDateTime(receipt.paidAt, language)}</dd>
        </div>
        <div className="facts__row">
          <dt>{t('payments.receipt.payer')}</dt>
          <dd>{receipt.payerMasked}</dd>
        </div>
      </dl>
      <div className="table-wrap" tabIndex={0} role="region" aria-label={t('payments.receipt.linesCaption')}>
        <table className="data-table receipt-card__lines">
          <caption className="visually-hidden">{t('payments.receipt.linesCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('payments.receipt.item')}</th>
              <th scope="col">{t('payments.receipt.payee')}</th>
              <th scope="col" className="money">
                {t('payments.receipt.amount')}
              </th>
            </tr>
          </thead>
          <tbody>
            {receipt.lines.map((line, index) => (
              <tr key={index}>
                <th scope="row">{pick(line.descriptionZh, line.descriptionEn)}</th>
                <td>{pick(line.payeeZh, line.payeeEn)}</td>
                <td className="money">
                  {yuan(line.amountFen)}
                  {line.refundedFen > 0 && (
                    <span className="data-table__sub">
                      {t('payments.receipt.refunded', { amount: yuan(line.refundedFen) })}
                    </span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row" colSpan={2}>
                {t('payments.receipt.total')}
              </th>
              <td className="money receipt-card__total">{yuan(receipt.totalFen)}</td>
            </tr>
          </tfoot>
        </table>
      </div>
      {language !== 'en' && (
        <p className="receipt-card__words">
          {t('payments.receipt.inWords', { words: yuanInWords(receipt.totalFen) })}
        </p>
      )}
      <div className="receipt-card__check">
        <QrImage text={receipt.checkUrl} label={t('payments.receipt.qrLabel')} size={120} />
        <div>
          <p className="receipt-card__check-label">{t('payments.receipt.checkCode')}</p>
          <p className="receipt-card__check-code mono">{receipt.checkCode}</p>
          <p className="field__hint">{t('payments.receipt.checkHint')}</p>
        </div>
      </div>
    </section>
  );
}
