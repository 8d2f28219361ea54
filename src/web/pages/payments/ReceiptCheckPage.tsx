import { useEffect, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { ApiError } from '../../api/client.ts';
import { checkReceipt, type ReceiptCheck } from '../../api/payments-endpoints.ts';
import { PageHeading } from '../../components/PageHeading.tsx';
import { TextField } from '../../components/TextField.tsx';
import { formatDateTime } from '../../lib/format.ts';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { usePick, yuan } from './payment-words.ts';
import './payments.css';

/**
 * `/payments/receipts/check` (缴费凭证核验): anyone shown a receipt checks it by its order number
 * and check code (the QR code opens this page with both filled in).
 */
export function ReceiptCheckPage() {
  const { t, i18n } = useTranslation();
  const pick = usePick();
  const language = i18n.resolvedLanguage ?? 'zh-CN';
  useDocumentTitle(t('payments.check.title'));
  const [searchParams, setSearchParams] = useSearchParams();
  const [orderNo, setOrderNo] = useState(searchParams.get('orderNo') ?? '');
  const [code, setCode] = useState(searchParams.get('code') ?? '');
  const [result, setResult] = useState<
    | { status: 'idle' }
    | { status: 'checking' }
    | { status: 'found'; receipt: ReceiptCheck }
    | { status: 'failed'; message: string }
  >({ status: 'idle' });

  async function run(number: string, checkCode: string) {
    if (!number.trim() || !checkCode.trim()) {
      setResult({ status: 'failed', message: t('payments.check.bothNeeded') });
      return;
    }
    setResult({ status: 'checking' });
    try {
      setResult({ status: 'found', receipt: await checkReceipt(number.trim(), checkCode) });
    } catch (caught) {
      setResult({
        status: 'failed',
        message: caught instanceof ApiError ? caught.message : t('errors.unexpected'),
      });
    }
  }

  useEffect(() => {
    const fromQr = searchParams.get('orderNo');
    const codeFromQr = searchParams.get('code');
    if (fromQr && codeFromQr) void run(fromQr, codeFromQr);
    // Only the address the page was opened with is checked by itself.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  function submit(event: FormEvent) {
    event.preventDefault();
    setSearchParams({ orderNo: orderNo.trim(), code: code.trim() }, { replace: true });
    void run(orderNo, code);
  }

  return (
    <div className="narrow">
      <PageHeading>{t('payments.check.title')}</PageHeading>
      <p className="lead">{t('payments.check.lead')}</p>
      <form className="form" onSubmit={submit} noValidate>
        <TextField
          id="check-orderNo"
          label={t('payments.order.orderNo')}
          value={orderNo}
          onChange={setOrderNo}
          spellCheck={false}
          autoComplete="off"
        />
        <TextField
          id="check-code"
          label={t('payments.receipt.checkCode')}
          value={code}
          onChange={setCode}
          spellCheck={false}
          autoComplete="off"
          isShort
        />
        <button type="submit" className="button button--primary" disabled={result.status === 'checking'}>
          {t('payments.check.submit')}
        </button>
      </form>
      <div aria-live="polite" className="check-result">
        {result.status === 'checking' && <p className="status-message">{t('payments.check.checking')}</p>}
        {result.status === 'failed' && (
          <p className="notice notice--error" role="alert">
            {result.message}
          </p>
        )}
        {result.status === 'found' && (
          <section className="notice notice--success" aria-labelledby="check-found-title">
            <h2 id="check-found-title">{t('payments.check.found')}</h2>
            <dl className="facts facts--compact">
              <div className="facts__row">
                <dt>{t('payments.order.orderNo')}</dt>
                <dd className="mono">{result.receipt.orderNo}</dd>
              </div>
              <div className="facts__row">
                <dt>{t('payments.receipt.payer')}</dt>
                <dd>{result.receipt.payerMasked}</dd>
              </div>
              <div className="facts__row">
                <dt>{t('payments.order.paidAt')}</dt>
                <dd>{formatDateTime(result.receipt.paidAt, language)}</dd>
              </div>
              <div className="facts__row">
                <dt>{t('payments.order.items')}</dt>
                <dd>
                  <ul className="plain-list">
                    {result.receipt.lines.map((line, index) => (
                      <li key={index}>
                        {pick(line.descriptionZh, line.descriptionEn)} {yuan(line.amountFen)}
                      </li>
                    ))}
                  </ul>
                </dd>
              </div>
              <div className="facts__row">
                <dt>{t('payments.order.total')}</dt>
                <dd>{yuan(result.receipt.totalFen)}</dd>
              </div>
              {result.receipt.refundedFen > 0 && (
                <div className="facts__row">
                  <dt>{t('payments.check.refunded')}</dt>
                  <dd>{yuan(result.receipt.refundedFen)}</dd>
                </div>
              )}
            </dl>
          </section>
        )}
      </div>
    </div>
  );
}
