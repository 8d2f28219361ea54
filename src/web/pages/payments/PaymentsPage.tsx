import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import {
  listPayables,
  listUtilityAccounts,
  listUtilityBills,
  unbindUtilityAccount,
  type Payable,
  type UtilityAccountBinding,
} from '../../api/payments-endpoints.ts';
import { ApiError } from '../../api/client.ts';
import type { Me } from '../../api/types.ts';
import { SelectField } from '../../components/ChoiceFields.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { RequireSession } from '../../components/RequireSession.tsx';
import { ResourceStatus } from '../../components/ResourceStatus.tsx';
import { formatDate } from '../../lib/format.ts';
import { useApiResource } from '../../lib/use-api-resource.ts';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { PayableChooser } from './PayableChooser.tsx';
import { SourceProblems } from './SourceProblems.tsx';
import { subjectQuery, usePick, useSubject, yuan, type Subject } from './payment-words.ts';
import './payments.css';

/** `/payments` (生活缴费): what is due, my utility accounts and their bills, for me or an enterprise. */
export function PaymentsPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('payments.hub.title'));
  return <RequireSession>{(me) => <Payments me={me} />}</RequireSession>;
}

function Payments({ me }: { me: Me }) {
  const { t } = useTranslation();
  const [subject, choose] = useSubject(me);
  return (
    <>
      <PageHeading>{t('payments.hub.title')}</PageHeading>
      <p className="lead">{t('payments.hub.lead')}</p>
      <p className="me-links">
        <Link to={`/payments/orders${subjectQuery(subject)}`}>{t('payments.orders.title')}</Link>
        {' · '}
        <Link to="/payments/receipts/check">{t('payments.check.title')}</Link>
      </p>
      {me.enterprises.length > 0 && (
        <div className="payments-subject">
          <SelectField
            id="payments-subject"
            label={t('payments.hub.subjectLabel')}
            hint={t('payments.hub.subjectHint')}
            value={subject.key}
            options={[
              {
                value: 'self',
                label: t('payments.hub.self', { name: me.person?.name ?? me.user.displayName }),
              },
              ...me.enterprises.map((enterprise) => ({ value: enterprise.id, label: enterprise.name })),
            ]}
            onChange={choose}
          />
        </div>
      )}
      {!me.person ? (
        <p className="notice notice--warning">{t('payments.hub.residentsOnly')}</p>
      ) : (
        <SubjectPayments key={subject.key} subject={subject} />
      )}
    </>
  );
}

function SubjectPayments({ subject }: { subject: Subject }) {
  const [generation, setGeneration] = useState(0);
  const refresh = useCallback(() => setGeneration((value) => value + 1), []);
  return (
    <div className="payments-grid">
      <DueSection key={`due-${generation}`} subject={subject} />
      <AccountsSection subject={subject} onChanged={refresh} />
      <BillHistory key={`bills-${generation}`} subject={subject} />
    </div>
  );
}

function DueSection({ subject }: { subject: Subject }) {
  const { t } = useTranslation();
  const load = useCallback(
    () => listPayables({ enterpriseId: subject.enterpriseId, status: 'unpaid' }),
    [subject.enterpriseId],
  );
  const [state] = useApiResource(load);
  return (
    <section className="panel payments-due" aria-labelledby="due-title">
      <h2 className="panel__title" id="due-title">
        {subject.enterpriseId ? t('payments.due.titleFor', { name: subject.name }) : t('payments.due.title')}
      </h2>
      <p className="panel__intro">{t('payments.due.intro')}</p>
      <ResourceStatus state={state}>
        {(list) => (
          <>
            <SourceProblems problems={list.problems} />
            <PayableChooser payables={list.items} enterpriseId={subject.enterpriseId} idPrefix="due" />
          </>
        )}
      </ResourceStatus>
    </section>
  );
}

function AccountsSection({ subject, onChanged }: { subject: Subject; onChanged(): void }) {
  const { t } = useTranslation();
  const load = useCallback(() => listUtilityAccounts(subject.enterpriseId), [subject.enterpriseId]);
  const [state, reload] = useApiResource(load);
  const [notice, setNotice] = useState<{ kind: 'success' | 'error'; text: string } | null>(null);
  async function unbind(account: UtilityAccountBinding) {
    setNotice(null);
    try {
      await unbindUtilityAccount(account.id);
      setNotice({ kind: 'success', text: t('payments.accounts.unbound', { number: account.accountNumber }) });
      reload();
      onChanged();
    } catch (caught) {
      setNotice({
        kind: 'error',
        text: caught instanceof ApiError ? caught.message : t('errors.unexpected'),
      });
    }
  }
  return (
    <section className="panel payments-accounts" aria-labelledby="accounts-title">
      <div className="item__header">
        <h2 className="panel__title" id="accounts-title">
          {t('payments.accounts.title')}
        </h2>
        <Link
          className="button button--secondary button--small"
          to={`/payments/accounts/new${subjectQuery(subject)}`}
        >
          {t('payments.accounts.bind')}
        </Link>
      </div>
      <div role="status" aria-live="polite">
        {notice && <p className={`notice notice--${notice.kind}`}>{notice.text}</p>}
      </div>
      <ResourceStatus state={state}>
        {({ items }) =>
          items.length === 0 ? (
            <p className="empty">{t('payments.accounts.none')}</p>
          ) : (
            <ul className="item-list">
              {items.map((account) => (
                <AccountItem key={account.id} account={account} onUnbind={() => void unbind(account)} />
              ))}
            </ul>
          )
        }
      </ResourceStatus>
    </section>
  );
}

function AccountItem({ account, onUnbind }: { account: UtilityAccountBinding; onUnbind(): void }) {
  const { t } = useTranslation();
  const pick = usePick();
  const kind = t(`payments.utility.${account.kind}`);
  return (
    <li className="item">
      <div className="item__header">
        <h3 className="item__title">
          {kind} <span className="mono">{account.accountNumber}</span>
        </h3>
        <button
          type="button"
          className="button button--secondary button--small"
          onClick={onUnbind}
          aria-label={t('payments.accounts.unbindNamed', { kind, number: account.accountNumber })}
        >
          {t('payments.accounts.unbind')}
        </button>
      </div>
      <dl className="facts facts--compact">
        <div className="facts__row">
          <dt>{t('payments.accounts.biller')}</dt>
          <dd>{pick(account.billerNameZh, account.billerNameEn)}</dd>
        </div>
        <div className="facts__row">
          <dt>{t('payments.accounts.holder')}</dt>
          <dd>{account.holderMasked}</dd>
        </div>
        <div className="facts__row">
          <dt>{t('payments.accounts.address')}</dt>
          <dd>{account.address}</dd>
        </div>
      </dl>
    </li>
  );
}

function BillHistory({ subject }: { subject: Subject }) {
  const { t, i18n } = useTranslation();
  const pick = usePick();
  const language = i18n.resolvedLanguage ?? 'zh-CN';
  const load = useCallback(() => listUtilityBills(subject.enterpriseId), [subject.enterpriseId]);
  const [state] = useApiResource(load);
  return (
    <section className="panel payments-bills" aria-labelledby="bills-title">
      <h2 className="panel__title" id="bills-title">
        {t('payments.bills.title')}
      </h2>
      <ResourceStatus state={state}>
        {({ items, problems }) => (
          <>
            <SourceProblems problems={problems} />
            {items.length === 0 ? (
              <p className="empty">{t('payments.bills.none')}</p>
            ) : (
              // Scrolls sideways on a narrow screen: focusable so keyboards can scroll it too.
              <div className="table-wrap" tabIndex={0} role="region" aria-label={t('payments.bills.caption')}>
                <table className="data-table">
                  <caption className="visually-hidden">{t('payments.bills.caption')}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('payments.bills.month')}</th>
                      <th scope="col">{t('payments.bills.item')}</th>
                      <th scope="col" className="money">
                        {t('payments.bills.amount')}
                      </th>
                      <th scope="col">{t('payments.bills.status')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {items.map((bill) => (
                      <BillRow key={bill.id} bill={bill} pick={pick} language={language} />
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </>
        )}
      </ResourceStatus>
    </section>
  );
}

function BillRow({
  bill,
  pick,
  language,
}: {
  bill: Payable;
  pick: (zh: string, en: string) => string;
  language: string;
}) {
  const { t } = useTranslation();
  return (
    <tr>
      <th scope="row">{bill.utility?.month ?? '—'}</th>
      <td>
        {pick(bill.titleZh, bill.titleEn)}
        {bill.dueDate && bill.status === 'unpaid' && (
          <span className="data-table__sub">
            {t('payments.due.dueDate', { date: formatDate(bill.dueDate, language) })}
          </span>
        )}
      </td>
      <td className="money">{yuan(bill.amountFen)}</td>
      <td>
        <span className={bill.status === 'unpaid' ? 'badge badge--warning' : 'badge badge--success'}>
          {t(`payments.payableStatus.${bill.status}`)}
        </span>
        {bill.paidOrderId && (
          <>
            {' '}
            <Link to={`/payments/orders/${bill.paidOrderId}/receipt`}>{t('payments.bills.receipt')}</Link>
          </>
        )}
      </td>
    </tr>
  );
}
