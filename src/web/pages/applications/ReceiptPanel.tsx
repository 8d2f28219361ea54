import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApplicationDetail } from '../../api/applications-endpoints.ts';
import { formatPlainDate, type Language } from './application-view.ts';

/**
 * Shown right after filing (回执): the receipt number (受理编号) large and easy to copy, the
 * promised date, and what happens next. Takes focus so the result is read out first.
 */
export function ReceiptPanel({ detail, onDismiss }: { detail: ApplicationDetail; onDismiss(): void }) {
  const { t, i18n } = useTranslation();
  const language: Language = i18n.resolvedLanguage === 'en' ? 'en' : 'zh-CN';
  const heading = useRef<HTMLHeadingElement>(null);
  const [copyStatus, setCopyStatus] = useState('');

  useEffect(() => {
    heading.current?.focus();
  }, []);

  async function copy() {
    try {
      await navigator.clipboard.writeText(detail.receiptNo);
      setCopyStatus(t('applications.receipt.copied'));
    } catch {
      setCopyStatus(t('applications.receipt.copyFailed'));
    }
  }

  return (
    <section className="receipt" aria-labelledby="receipt-title">
      <h2 className="receipt__title" id="receipt-title" tabIndex={-1} ref={heading}>
        {t('applications.receipt.title')}
      </h2>
      <p>
        {t('applications.receipt.lead', {
          name: language === 'en' ? detail.entry.nameEn : detail.entry.nameZh,
        })}
      </p>
      <dl className="receipt__facts">
        <div>
          <dt>{t('applications.receipt.number')}</dt>
          <dd className="receipt__number">
            <span className="mono" id="receipt-number">
              {detail.receiptNo}
            </span>
            <button
              type="button"
              className="button button--secondary button--small"
              onClick={() => void copy()}
              aria-describedby="receipt-number"
            >
              {t('applications.receipt.copy')}
            </button>
          </dd>
        </div>
        <div>
          <dt>{t('applications.receipt.promised')}</dt>
          <dd className="receipt__date">
            {formatPlainDate(detail.promisedDate, language)}
            <span className="receipt__days">
              {t('applications.receipt.workingDays', { count: detail.metrics.promisedWorkingDays })}
            </span>
          </dd>
        </div>
      </dl>
      <p className="receipt__copy-status" role="status" aria-live="polite">
        {copyStatus}
      </p>
      <h3>{t('applications.receipt.nextTitle')}</h3>
      <ol className="receipt__next">
        <li>
          {t('applications.receipt.next1', {
            office: language === 'en' ? detail.receivingOffice.nameEn : detail.receivingOffice.nameZh,
          })}
        </li>
        <li>{t('applications.receipt.next2')}</li>
        <li>{t(`applications.receipt.next3.${detail.delivery.method}`)}</li>
      </ol>
      <button type="button" className="link-button" onClick={onDismiss}>
        {t('applications.receipt.dismiss')}
      </button>
    </section>
  );
}
