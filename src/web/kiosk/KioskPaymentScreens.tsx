// 生活缴费 at the terminal: the resident's unpaid bills, fees and fines with big check boxes and
// the total (integer fen), then the provider's QR code to pay on the phone, and the result on the
// screen once the provider's answer is final (the receipt's facts, or why nothing was paid).
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type {
  CreatePaymentResult,
  Payable,
  PayableList,
  PaymentOrderDetail,
  ReceiptView,
} from '../api/payments-endpoints.ts';
import { FINAL_ORDER_STATES, isPaidState } from '../api/payments-endpoints.ts';
import { formatDateTime } from '../lib/format.ts';
import { QrImage } from '../pages/payments/QrImage.tsx';
import { totalOf, yuan } from '../pages/payments/payment-words.ts';
import type { KioskScreenProps } from './KioskScreens.tsx';

function usePick() {
  const { i18n } = useTranslation();
  return (zh: string, en: string) => (i18n.resolvedLanguage === 'en' ? en : zh);
}

export function KioskPayments({ api, go, onApiError }: KioskScreenProps) {
  const { t } = useTranslation();
  const pick = usePick();
  const [list, setList] = useState<PayableList | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [chosen, setChosen] = useState<string[]>([]);
  const [isBusy, setIsBusy] = useState(false);
  const [idempotencyKey, setIdempotencyKey] = useState(() => `kiosk-pay-${crypto.randomUUID()}`);

  useEffect(() => {
    let isCurrent = true;
    api.get<PayableList>('/api/v1/kiosk/me/payables').then(
      (answer) => {
        if (!isCurrent) return;
        setList(answer);
        setChosen(answer.items.filter((item) => !item.inFlight).map((item) => item.id));
      },
      (caught: unknown) => {
        if (!isCurrent) return;
        onApiError(caught);
        setError(caught instanceof Error ? caught.message : String(caught));
      },
    );
    return () => {
      isCurrent = false;
    };
  }, [api, onApiError]);

  const payable = (list?.items ?? []).filter((item) => item.status === 'unpaid' && !item.inFlight);
  const chosenItems = payable.filter((item) => chosen.includes(item.id));
  const total = totalOf(chosenItems);

  async function pay() {
    setIsBusy(true);
    setError(null);
    try {
      const result = await api.post<CreatePaymentResult>(
        '/api/v1/kiosk/payments/orders',
        { payableIds: chosenItems.map((item) => item.id) },
        { 'idempotency-key': idempotencyKey },
      );
      go({ name: 'payment', orderId: result.order.id, qrContent: result.qrContent ?? '' });
    } catch (caught) {
      onApiError(caught);
      setError(caught instanceof Error ? caught.message : String(caught));
      setIdempotencyKey(`kiosk-pay-${crypto.randomUUID()}`);
    } finally {
      setIsBusy(false);
    }
  }

  const toggle = (item: Payable, isChecked: boolean) =>
    setChosen((current) => (isChecked ? [...current, item.id] : current.filter((id) => id !== item.id)));

  return (
    <>
      <h1 className="kiosk-title" tabIndex={-1}>
        {t('kioskPayments.title')}
      </h1>
      <p className="kiosk-lead">{t('kioskPayments.lead')}</p>
      {error && (
        <p className="kiosk-notice kiosk-notice--error" role="alert">
          {error}
        </p>
      )}
      {!list && !error && (
        <p className="kiosk-lead" role="status">
          {t('kiosk.loading')}
        </p>
      )}
      {list && list.problems.length > 0 && (
        <p className="kiosk-notice" role="status">
          {t('payments.problems.lead')} {list.problems.map((problem) => problem.message).join('；')}
        </p>
      )}
      {list && payable.length === 0 && <p className="kiosk-lead">{t('kioskPayments.none')}</p>}
      {payable.length > 0 && (
        <fieldset className="kiosk-pay-list">
          <legend className="kiosk-hint">{t('payments.due.chooseLegend')}</legend>
          {payable.map((item) => (
            <label key={item.id} className="kiosk-card kiosk-pay-item">
              <input
                type="checkbox"
                checked={chosen.includes(item.id)}
                onChange={(event) => toggle(item, event.target.checked)}
              />
              <span className="kiosk-pay-item__text">
                <span className="kiosk-pay-item__title">{pick(item.titleZh, item.titleEn)}</span>
                <span className="kiosk-hint">{t(`payments.kinds.${item.kind}`)}</span>
              </span>
              <span className="kiosk-pay-item__amount">{yuan(item.amountFen)}</span>
            </label>
          ))}
        </fieldset>
      )}
      {payable.length > 0 && (
        <>
          <p className="kiosk-receipt" aria-live="polite">
            {t('payments.due.total', { count: chosenItems.length, amount: yuan(total) })}
          </p>
          <button
            type="button"
            className="kiosk-button kiosk-button--primary"
            disabled={chosenItems.length === 0 || isBusy}
            onClick={() => void pay()}
          >
            {isBusy ? t('payments.due.starting') : t('kioskPayments.payByPhone', { amount: yuan(total) })}
          </button>
        </>
      )}
    </>
  );
}

const POLL_MS = 2000;

/** The QR code of the order for the phone, then the result, read again every 2 s until final. */
export function KioskPayment({
  api,
  orderId,
  qrContent,
  onApiError,
}: KioskScreenProps & { orderId: string; qrContent: string }) {
  const { t, i18n } = useTranslation();
  const pick = usePick();
  const language = i18n.resolvedLanguage ?? 'zh-CN';
  const [order, setOrder] = useState<PaymentOrderDetail | null>(null);
  const [receipt, setReceipt] = useState<ReceiptView | null>(null);
  const read = useCallback(
    () => api.get<PaymentOrderDetail>(`/api/v1/kiosk/payments/orders/${encodeURIComponent(orderId)}`),
    [api, orderId],
  );

  useEffect(() => {
    let isCurrent = true;
    let timer: number | undefined;
    const poll = async () => {
      try {
        const answer = await read();
        if (!isCurrent) return;
        setOrder(answer);
        if (isPaidState(answer.state)) {
          const paid = await api.get<ReceiptView>(
            `/api/v1/kiosk/payments/orders/${encodeURIComponent(orderId)}/receipt`,
          );
          if (isCurrent) setReceipt(paid);
          return;
        }
        if (!FINAL_ORDER_STATES.includes(answer.state)) timer = window.setTimeout(() => void poll(), POLL_MS);
      } catch (caught) {
        onApiError(caught);
      }
    };
    void poll();
    return () => {
      isCurrent = false;
      window.clearTimeout(timer);
    };
  }, [api, orderId, read, onApiError]);

  if (order && isPaidState(order.state))
    return (
      <>
        <h1 className="kiosk-title" tabIndex={-1}>
          {t('payments.result.paidTitle')}
        </h1>
        <p className="kiosk-receipt" role="status">
          {t('payments.result.paidLead', { amount: yuan(order.totalFen), count: order.items.length })}
        </p>
        {receipt && (
          <dl className="kiosk-facts">
            <dt>{t('payments.order.orderNo')}</dt>
            <dd>{receipt.orderNo}</dd>
            <dt>{t('payments.order.providerTxnNo')}</dt>
            <dd>{receipt.providerTxnNo}</dd>
            <dt>{t('payments.order.paidAt')}</dt>
            <dd>{formatDateTime(receipt.paidAt, language)}</dd>
            <dt>{t('payments.order.items')}</dt>
            <dd>
              {receipt.lines.map((line, index) => (
                <p key={index}>
                  {pick(line.descriptionZh, line.descriptionEn)} {yuan(line.amountFen)}
                </p>
              ))}
            </dd>
            <dt>{t('payments.receipt.checkCode')}</dt>
            <dd>{receipt.checkCode}</dd>
          </dl>
        )}
        <p className="kiosk-hint">{t('kioskPayments.receiptOnline')}</p>
      </>
    );
  if (order && FINAL_ORDER_STATES.includes(order.state))
    return (
      <>
        <h1 className="kiosk-title" tabIndex={-1}>
          {order.state === 'failed' ? t('payments.result.failedTitle') : t('payments.result.closedTitle')}
        </h1>
        <p className="kiosk-notice kiosk-notice--error" role="alert">
          {t('payments.result.notPaidLead')}
        </p>
      </>
    );
  return (
    <>
      <h1 className="kiosk-title" tabIndex={-1}>
        {t('kioskPayments.scanTitle')}
      </h1>
      <p className="kiosk-lead">
        {order ? t('kioskPayments.scanLead', { amount: yuan(order.totalFen) }) : t('kiosk.loading')}
      </p>
      {qrContent && (
        <div className="kiosk-pay-qr">
          <QrImage text={qrContent} label={t('kioskPayments.qrLabel')} size={280} />
        </div>
      )}
      <p className="kiosk-hint" role="status">
        {t('payments.result.waitingTitle')}
      </p>
    </>
  );
}
