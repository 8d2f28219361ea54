// The receipt of a counter filing (帮办代办), to read out or print for the resident.
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { maskIdNumber } from '../../../contracts/id-number.ts';
import type { Me } from '../../api/types.ts';
import type { Receipt } from '../../api/workbench-endpoints.ts';
import { PageHeading } from '../../components/PageHeading.tsx';
import { WorkbenchNav, useWorkbenchWords } from './WorkbenchFrame.tsx';

export function CounterReceipt({
  me,
  receipt,
  serviceName,
  idNumber,
  officeName,
  onAnother,
}: {
  me: Me;
  receipt: Receipt;
  serviceName: string;
  idNumber: string;
  officeName: string;
  onAnother(): void;
}) {
  const { t } = useTranslation();
  const words = useWorkbenchWords();
  return (
    <>
      <WorkbenchNav me={me} />
      <PageHeading>{t('workbench.counter.receiptTitle')}</PageHeading>
      <p className="lead no-print" role="status">
        {t('workbench.counter.receiptLead')}
      </p>
      <section className="panel counter-receipt" aria-labelledby="receipt-title">
        <h2 className="panel__title" id="receipt-title">
          {t('workbench.counter.receiptTitle')}
        </h2>
        <dl className="facts">
          <div className="facts__row">
            <dt>{t('workbench.counter.receiptNo')}</dt>
            <dd className="mono counter-receipt__number">{receipt.receiptNo}</dd>
          </div>
          <div className="facts__row">
            <dt>{t('workbench.counter.service')}</dt>
            <dd>{serviceName}</dd>
          </div>
          <div className="facts__row">
            <dt>{t('workbench.counter.applicantIdNumber')}</dt>
            <dd className="mono">{maskIdNumber(idNumber)}</dd>
          </div>
          <div className="facts__row">
            <dt>{t('workbench.counter.submittedAt')}</dt>
            <dd>{words.dateTime(receipt.submittedAt)}</dd>
          </div>
          <div className="facts__row">
            <dt>{t('workbench.counter.promisedDate')}</dt>
            <dd>
              {t('workbench.counter.promised', {
                date: words.date(receipt.promisedDate),
                days: receipt.promisedWorkingDays,
              })}
            </dd>
          </div>
          <div className="facts__row">
            <dt>{t('workbench.counter.receivingOffice')}</dt>
            <dd>{officeName}</dd>
          </div>
        </dl>
      </section>
      <div className="counter-actions no-print">
        <button type="button" className="button button--primary" onClick={() => window.print()}>
          {t('workbench.counter.print')}
        </button>
        <button type="button" className="button button--secondary" onClick={onAnother}>
          {t('workbench.counter.another')}
        </button>
        <Link
          className="button button--secondary"
          to={`/workbench/applications/${encodeURIComponent(receipt.id)}`}
        >
          {t('workbench.counter.openApplication')}
        </Link>
      </div>
    </>
  );
}
