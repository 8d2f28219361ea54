import { useCallback, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import {
  getPayable,
  getReceipt,
  isPaidState,
  receiptPdfUrl,
  type PaymentOrderDetail,
} from '../../api/payments-endpoints.ts';
import { LoadingStatus } from '../../components/LoadingStatus.tsx';
import { formatDateTime } from '../../lib/format.ts';
import { PageHeading } from '../../components/PageHeading.tsx';
import { RequireSession } from '../../components/RequireSession.tsx';
import { ResourceStatus } from '../../components/ResourceStatus.tsx';
import { useApiResource } from '../../lib/use-api-resource.ts';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { OrderStateBadge } from './OrderStateBadge.tsx';
import { ReceiptCard } from './ReceiptCard.tsx';
import { usePick, yuan } from './payment-words.ts';
import { useOrderUntilFinal } from './use-order-until-final.ts';
import { useStartPayment } from './use-start-payment.ts';
import './payments.css';

/**
 * `/payments/orders/:id`: where the provider sends the payer back. Waits for the final answer,
 * then shows the receipt — or, when the payment did not go through, says so and what is unpaid.
 */
export function OrderResultPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('payments.result.documentTitle'));
  return <RequireSession>{() => <OrderResult />}</RequireSession>;
}

function OrderResult() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  // The provider's cashier sends the payer back with `result=cancelled` after 取消: the order stays
  // open at the provider until it expires, so the page says so instead of waiting for it.
  const [searchParams] = useSearchParams();
  const isCancelled = searchParams.get('result') === 'cancelled';
  const [watch, again] = useOrderUntilFinal(id, isCancelled ? null : undefined);

  if (watch.status === 'loading') return <LoadingStatus />;
  if (watch.status === 'failed')
    return (
      <div className="narrow">
        <PageHeading>
          {watch.error.status === 404 ? t('payments.result.notFound') : t('payments.result.loadFailed')}
        </PageHeading>
        <p className="lead">{watch.error.message}</p>
        <p>
          <Link to="/payments/orders">{t('payments.orders.title')}</Link>
        </p>
      </div>
    );
  const { order, isFinal, hasGivenUp } = watch;
  return (
    <article className="order-result narrow">
      <p>
        <Link to="/payments/orders">{t('payments.orders.title')}</Link>
      </p>
      {isPaidState(order.state) ? (
        <Paid order={order} />
      ) : isFinal ? (
        <NotPaid order={order} />
      ) : isCancelled ? (
        <Cancelled order={order} />
      ) : (
        <Waiting order={order} hasGivenUp={hasGivenUp} onCheckAgain={again} />
      )}
    </article>
  );
}

function Waiting({
  order,
  hasGivenUp,
  onCheckAgain,
}: {
  order: PaymentOrderDetail;
  hasGivenUp: boolean;
  onCheckAgain(): void;
}) {
  const { t } = useTranslation();
  return (
    <>
      <PageHeading>{t('payments.result.waitingTitle')}</PageHeading>
      <div role="status" aria-live="polite" className="order-result__status">
        <p className="lead">
          {hasGivenUp
            ? t('payments.result.stillWaiting')
            : t('payments.result.waiting', { amount: yuan(order.totalFen) })}
        </p>
      </div>
      <OrderFacts order={order} />
      <p className="order-result__actions">
        {order.payUrl && (
          <a className="button button--primary" href={order.payUrl}>
            {t('payments.result.continue')}
          </a>
        )}
        {hasGivenUp && (
          <button type="button" className="button button--secondary" onClick={onCheckAgain}>
            {t('payments.result.checkAgain')}
          </button>
        )}
      </p>
    </>
  );
}

function Cancelled({ order }: { order: PaymentOrderDetail }) {
  const { t, i18n } = useTranslation();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <>
      <div className="notice notice--error order-result__banner" role="alert">
        <h1 className="order-result__title" tabIndex={-1} ref={heading}>
          {t('payments.result.cancelledTitle')}
        </h1>
        <p>
          {t('payments.result.cancelledLead', {
            time: formatDateTime(order.expiresAt, i18n.resolvedLanguage ?? 'zh-CN'),
          })}
        </p>
      </div>
      <OrderFacts order={order} />
      <p className="order-result__actions">
        {order.payUrl && (
          <a className="button button--primary" href={order.payUrl}>
            {t('payments.result.continue')}
          </a>
        )}
        <Link className="button button--secondary" to="/payments">
          {t('payments.result.backToPayments')}
        </Link>
      </p>
    </>
  );
}

function Paid({ order }: { order: PaymentOrderDetail }) {
  const { t } = useTranslation();
  const load = useCallback(() => getReceipt(order.id), [order.id]);
  const [state] = useApiResource(load);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <>
      <div className="notice notice--success order-result__banner" role="status">
        <h1 className="order-result__title" tabIndex={-1} ref={heading}>
          {t('payments.result.paidTitle')}
        </h1>
        <p>{t('payments.result.paidLead', { amount: yuan(order.totalFen), count: order.items.length })}</p>
      </div>
      <ResourceStatus state={state}>{(receipt) => <ReceiptCard receipt={receipt} />}</ResourceStatus>
      <p className="order-result__actions">
        <Link className="button button--primary" to={`/payments/orders/${order.id}/receipt`}>
          {t('payments.receipt.printable')}
        </Link>
        <a className="button button--secondary" href={receiptPdfUrl(order.id)} download>
          {t('payments.receipt.pdf')}
        </a>
      </p>
      <ApplicationLinks order={order} />
      <p>
        <Link to="/payments">{t('payments.result.backToPayments')}</Link>
      </p>
    </>
  );
}

async function loadPayables(order: PaymentOrderDetail) {
  return Promise.all(order.items.map((item) => getPayable(item.payableId)));
}

function NotPaid({ order }: { order: PaymentOrderDetail }) {
  const { t } = useTranslation();
  const pick = usePick();
  const load = useCallback(() => loadPayables(order), [order]);
  const [state] = useApiResource(load);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const enterpriseId = order.payer.kind === 'enterprise' ? order.payer.id : undefined;
  const { start, isStarting, error } = useStartPayment(enterpriseId);
  return (
    <>
      <div className="notice notice--error order-result__banner" role="alert">
        <h1 className="order-result__title" tabIndex={-1} ref={heading}>
          {order.state === 'failed' ? t('payments.result.failedTitle') : t('payments.result.closedTitle')}
        </h1>
        <p>{t('payments.result.notPaidLead')}</p>
      </div>
      <OrderFacts order={order} />
      <section className="panel" aria-labelledby="unpaid-title">
        <h2 className="panel__title" id="unpaid-title">
          {t('payments.result.unpaidTitle')}
        </h2>
        <ResourceStatus state={state}>
          {(payables) => {
            const unpaid = payables.filter((payable) => payable.status === 'unpaid' && !payable.inFlight);
            return (
              <>
                <ul className="item-list">
                  {payables.map((payable) => (
                    <li key={payable.id} className="item item--row">
                      <span>{pick(payable.titleZh, payable.titleEn)}</span>
                      <span className="payable__amount">{yuan(payable.amountFen)}</span>
                      <span
                        className={
                          payable.status === 'unpaid' ? 'badge badge--warning' : 'badge badge--success'
                        }
                      >
                        {t(`payments.payableStatus.${payable.status}`)}
                      </span>
                    </li>
                  ))}
                </ul>
                {error && (
                  <p className="notice notice--error" role="alert">
                    {error}
                  </p>
                )}
                {unpaid.length > 0 && (
                  <p className="order-result__actions">
                    <button
                      type="button"
                      className="button button--primary"
                      disabled={isStarting}
                      onClick={() => void start(unpaid.map((payable) => payable.id))}
                    >
                      {isStarting ? t('payments.due.starting') : t('payments.result.payAgain')}
                    </button>
                  </p>
                )}
              </>
            );
          }}
        </ResourceStatus>
      </section>
      <ApplicationLinks order={order} />
      <p>
        <Link to="/payments">{t('payments.result.backToPayments')}</Link>
      </p>
    </>
  );
}

function OrderFacts({ order }: { order: PaymentOrderDetail }) {
  const { t } = useTranslation();
  const pick = usePick();
  return (
    <dl className="facts facts--compact order-result__facts">
      <div className="facts__row">
        <dt>{t('payments.order.orderNo')}</dt>
        <dd className="mono">{order.merchantOrderNo}</dd>
      </div>
      <div className="facts__row">
        <dt>{t('payments.order.state')}</dt>
        <dd>
          <OrderStateBadge state={order.state} />
        </dd>
      </div>
      <div className="facts__row">
        <dt>{t('payments.order.items')}</dt>
        <dd>
          <ul className="plain-list">
            {order.items.map((item) => (
              <li key={item.payableId}>
                {pick(item.titleZh, item.titleEn)} {yuan(item.amountFen)}
              </li>
            ))}
          </ul>
        </dd>
      </div>
      <div className="facts__row">
        <dt>{t('payments.order.total')}</dt>
        <dd>{yuan(order.totalFen)}</dd>
      </div>
    </dl>
  );
}

/** Back to the application whose fee this was, when it was one. */
function ApplicationLinks({ order }: { order: PaymentOrderDetail }) {
  const { t } = useTranslation();
  const load = useCallback(() => loadPayables(order), [order]);
  const [state] = useApiResource(load);
  if (state.status !== 'ready') return null;
  const applicationIds = [...new Set(state.data.flatMap((payable) => payable.applicationId ?? []))];
  if (applicationIds.length === 0) return null;
  return (
    <p>
      {applicationIds.map((applicationId) => (
        <Link key={applicationId} to={`/applications/${applicationId}`}>
          {t('payments.result.backToApplication')}
        </Link>
      ))}
    </p>
  );
}
