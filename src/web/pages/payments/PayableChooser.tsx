import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Payable } from '../../api/payments-endpoints.ts';
import { formatDate } from '../../lib/format.ts';
import { totalOf, usePick, yuan } from './payment-words.ts';
import { useStartPayment } from './use-start-payment.ts';

/**
 * What is due, each with a check box; the total of the ticked ones (integer fen) and one button
 * that pays them at once at the provider's cashier.
 */
export function PayableChooser({
  payables,
  enterpriseId,
  idPrefix,
}: {
  payables: Payable[];
  enterpriseId: string | undefined;
  idPrefix: string;
}) {
  const { t, i18n } = useTranslation();
  const pick = usePick();
  const language = i18n.resolvedLanguage ?? 'zh-CN';
  const payable = payables.filter((item) => item.status === 'unpaid' && !item.inFlight);
  const waiting = payables.filter((item) => item.status === 'unpaid' && item.inFlight);
  const [chosen, setChosen] = useState<string[]>(() => payable.map((item) => item.id));
  const chosenItems = payable.filter((item) => chosen.includes(item.id));
  const total = totalOf(chosenItems);
  const { start, isStarting, error } = useStartPayment(enterpriseId);
  const summaryId = `${idPrefix}-total`;

  if (payable.length === 0 && waiting.length === 0) return <p className="empty">{t('payments.due.none')}</p>;

  return (
    <form
      className="payable-chooser"
      onSubmit={(event) => {
        event.preventDefault();
        void start(chosenItems.map((item) => item.id));
      }}
    >
      {payable.length > 0 && (
        <fieldset className="payable-chooser__set">
          <legend className="field__label">{t('payments.due.chooseLegend')}</legend>
          <ul className="payable-list">
            {payable.map((item) => {
              const id = `${idPrefix}-${item.id}`;
              return (
                <li key={item.id} className="payable">
                  <input
                    className="payable__check"
                    type="checkbox"
                    id={id}
                    checked={chosen.includes(item.id)}
                    onChange={(event) =>
                      setChosen((current) =>
                        event.target.checked
                          ? [...current, item.id]
                          : current.filter((value) => value !== item.id),
                      )
                    }
                  />
                  <label htmlFor={id} className="payable__label">
                    <span className="payable__title">{pick(item.titleZh, item.titleEn)}</span>
                    <span className="payable__meta">
                      {t(`payments.kinds.${item.kind}`)} ·{' '}
                      {pick(item.beneficiary.nameZh, item.beneficiary.nameEn)}
                      {item.dueDate &&
                        ` · ${t('payments.due.dueDate', { date: formatDate(item.dueDate, language) })}`}
                    </span>
                  </label>
                  <span className="payable__amount">{yuan(item.amountFen)}</span>
                </li>
              );
            })}
          </ul>
        </fieldset>
      )}
      {waiting.length > 0 && (
        <div className="notice notice--warning">
          <p>{t('payments.due.waitingLead')}</p>
          <ul>
            {waiting.map((item) => (
              <li key={item.id}>
                {pick(item.titleZh, item.titleEn)} {yuan(item.amountFen)}
              </li>
            ))}
          </ul>
        </div>
      )}
      {payable.length > 0 && (
        <div className="payable-chooser__footer">
          <p className="payable-chooser__total" id={summaryId} aria-live="polite">
            {t('payments.due.total', { count: chosenItems.length, amount: yuan(total) })}
          </p>
          {error && (
            <p className="notice notice--error" role="alert">
              {error}
            </p>
          )}
          <button
            type="submit"
            className="button button--primary button--large"
            disabled={chosenItems.length === 0 || isStarting}
            aria-describedby={summaryId}
          >
            {isStarting ? t('payments.due.starting') : t('payments.due.pay', { amount: yuan(total) })}
          </button>
        </div>
      )}
    </form>
  );
}
