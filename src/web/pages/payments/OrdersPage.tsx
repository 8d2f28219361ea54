import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { listOrders, isPaidState, type PaymentOrder } from '../../api/payments-endpoints.ts';
import type { Me } from '../../api/types.ts';
import { Pagination } from '../../components/catalog/Pagination.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { RequireSession } from '../../components/RequireSession.tsx';
import { ResourceStatus } from '../../components/ResourceStatus.tsx';
import { formatDateTime } from '../../lib/format.ts';
import { useApiResource } from '../../lib/use-api-resource.ts';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { OrderStateBadge } from './OrderStateBadge.tsx';
import { subjectQuery, usePick, useSubject, yuan } from './payment-words.ts';
import './payments.css';

const PAGE_SIZE = 10;

/** `/payments/orders` (缴费记录): every payment I (or my enterprise) made or started, newest first. */
export function OrdersPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('payments.orders.title'));
  return <RequireSession>{(me) => <Orders me={me} />}</RequireSession>;
}

function Orders({ me }: { me: Me }) {
  const { t } = useTranslation();
  const [subject] = useSubject(me);
  const [searchParams] = useSearchParams();
  const page = Math.max(1, Number.parseInt(searchParams.get('page') ?? '1', 10) || 1);
  const load = useCallback(
    () =>
      listOrders({ enterpriseId: subject.enterpriseId, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE }),
    [subject.enterpriseId, page],
  );
  const [state] = useApiResource(load);
  const pageCount = state.status === 'ready' ? Math.ceil(state.data.total / PAGE_SIZE) : 0;
  const hrefFor = (target: number) => {
    const params = new URLSearchParams();
    if (subject.enterpriseId) params.set('for', subject.enterpriseId);
    if (target > 1) params.set('page', String(target));
    const text = params.toString();
    return text ? `/payments/orders?${text}` : '/payments/orders';
  };
  return (
    <>
      <p>
        <Link to={`/payments${subjectQuery(subject)}`}>{t('payments.hub.title')}</Link>
      </p>
      <PageHeading>{t('payments.orders.title')}</PageHeading>
      <p className="lead">
        {subject.enterpriseId
          ? t('payments.orders.leadFor', { name: subject.name })
          : t('payments.orders.lead')}
      </p>
      <ResourceStatus state={state}>
        {({ items, total }) => (
          <>
            <p className="panel__count">{t('payments.orders.count', { count: total })}</p>
            {items.length === 0 ? (
              <p className="empty">{t('payments.orders.none')}</p>
            ) : (
              <ul className="item-list">
                {items.map((order) => (
                  <OrderItem key={order.id} order={order} />
                ))}
              </ul>
            )}
          </>
        )}
      </ResourceStatus>
      <Pagination page={page} pageCount={pageCount} hrefFor={hrefFor} />
    </>
  );
}

function OrderItem({ order }: { order: PaymentOrder }) {
  const { t, i18n } = useTranslation();
  const pick = usePick();
  const language = i18n.resolvedLanguage ?? 'zh-CN';
  return (
    <li className="item order-item">
      <div className="item__header">
        <h2 className="item__title">
          <Link to={`/payments/orders/${order.id}`}>
            {order.items.length === 1
              ? pick(order.items[0]!.titleZh, order.items[0]!.titleEn)
              : t('payments.orders.several', {
                  first: pick(order.items[0]?.titleZh ?? '', order.items[0]?.titleEn ?? ''),
                  count: order.items.length,
                })}
          </Link>
        </h2>
        <OrderStateBadge state={order.state} />
      </div>
      <dl className="facts facts--compact">
        <div className="facts__row">
          <dt>{t('payments.order.orderNo')}</dt>
          <dd className="mono">{order.merchantOrderNo}</dd>
        </div>
        <div className="facts__row">
          <dt>{t('payments.order.total')}</dt>
          <dd>{yuan(order.totalFen)}</dd>
        </div>
        <div className="facts__row">
          <dt>{order.paidAt ? t('payments.order.paidAt') : t('payments.order.createdAt')}</dt>
          <dd>{formatDateTime(order.paidAt ?? order.createdAt, language)}</dd>
        </div>
      </dl>
      {isPaidState(order.state) && (
        <p className="order-item__links">
          <Link to={`/payments/orders/${order.id}/receipt`}>{t('payments.receipt.open')}</Link>
        </p>
      )}
    </li>
  );
}
