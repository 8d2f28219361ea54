import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { getReceipt, receiptPdfUrl } from '../../api/payments-endpoints.ts';
import { PageHeading } from '../../components/PageHeading.tsx';
import { RequireSession } from '../../components/RequireSession.tsx';
import { ResourceStatus } from '../../components/ResourceStatus.tsx';
import { useApiResource } from '../../lib/use-api-resource.ts';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { ReceiptCard } from './ReceiptCard.tsx';
import './payments.css';

/** `/payments/orders/:id/receipt`: the printable electronic payment receipt, and its PDF. */
export function ReceiptPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('payments.receipt.title'));
  return <RequireSession>{() => <Receipt />}</RequireSession>;
}

function Receipt() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const load = useCallback(() => getReceipt(id), [id]);
  const [state] = useApiResource(load);
  return (
    <div className="receipt-page narrow">
      <p className="no-print">
        <Link to={`/payments/orders/${id}`}>{t('payments.receipt.backToOrder')}</Link>
      </p>
      <ResourceStatus state={state} notFound={<PageHeading>{t('payments.receipt.notFound')}</PageHeading>}>
        {(receipt) => (
          <>
            <ReceiptCard receipt={receipt} headingLevel={1} />
            <p className="order-result__actions no-print">
              <button type="button" className="button button--primary" onClick={() => window.print()}>
                {t('payments.receipt.print')}
              </button>
              <a className="button button--secondary" href={receiptPdfUrl(receipt.orderId)} download>
                {t('payments.receipt.pdf')}
              </a>
            </p>
          </>
        )}
      </ResourceStatus>
    </div>
  );
}
