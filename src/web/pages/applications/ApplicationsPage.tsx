import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import {
  APPLICATION_STATUSES,
  listMyApplications,
  listMyDrafts,
  type ApplicationListItem,
  type ApplicationStatus,
} from '../../api/applications-endpoints.ts';
import { getService } from '../../api/catalog-endpoints.ts';
import type { Me } from '../../api/types.ts';
import { SelectField } from '../../components/ChoiceFields.tsx';
import { Pagination } from '../../components/catalog/Pagination.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { RequireSession } from '../../components/RequireSession.tsx';
import { ResourceStatus } from '../../components/ResourceStatus.tsx';
import { formatDateTime } from '../../lib/format.ts';
import { useApiResource } from '../../lib/use-api-resource.ts';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { formatPlainDate, type Language } from './application-view.ts';
import { StatusBadge } from './StatusBadge.tsx';
import './applications.css';

export const PAGE_SIZE = 10;

/** `/applications` (我的办件): my applications and those of my enterprises, and my drafts. */
export function ApplicationsPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('applications.list.title'));
  return <RequireSession>{(me) => <Applications me={me} />}</RequireSession>;
}

function isStatus(value: string | null): value is ApplicationStatus {
  return value !== null && (APPLICATION_STATUSES as readonly string[]).includes(value);
}

function Applications({ me }: { me: Me }) {
  const { t } = useTranslation();
  const [searchParams] = useSearchParams();
  const rawStatus = searchParams.get('status');
  const status = isStatus(rawStatus) ? rawStatus : undefined;
  const page = Math.max(1, Number.parseInt(searchParams.get('page') ?? '1', 10) || 1);
  return (
    <>
      <PageHeading>{t('applications.list.title')}</PageHeading>
      <p className="lead">{t('applications.list.lead')}</p>
      {me.person ? (
        <>
          <Drafts />
          <ApplicationList status={status} page={page} />
        </>
      ) : (
        <p className="notice notice--warning">{t('applications.list.residentsOnly')}</p>
      )}
    </>
  );
}

function hrefFor(status: ApplicationStatus | undefined, page: number): string {
  const params = new URLSearchParams();
  if (status) params.set('status', status);
  if (page > 1) params.set('page', String(page));
  const text = params.toString();
  return text ? `/applications?${text}` : '/applications';
}

function ApplicationList({ status, page }: { status: ApplicationStatus | undefined; page: number }) {
  const { t } = useTranslation();
  const [, setSearchParams] = useSearchParams();
  const [chosen, setChosen] = useState<string>(status ?? '');
  const load = useCallback(
    () => listMyApplications({ status, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE }),
    [status, page],
  );
  const [state] = useApiResource(load);
  const pageCount = state.status === 'ready' ? Math.ceil(state.data.total / PAGE_SIZE) : 0;

  return (
    <section className="panel application-list" aria-labelledby="applications-title">
      <h2 className="panel__title" id="applications-title">
        {t('applications.list.applicationsTitle')}
      </h2>
      <form
        className="application-filter"
        onSubmit={(event) => {
          event.preventDefault();
          setSearchParams(chosen ? { status: chosen } : {});
        }}
      >
        <SelectField
          id="status-filter"
          label={t('applications.list.filterLabel')}
          value={chosen}
          options={[
            { value: '', label: t('applications.list.allStatuses') },
            ...APPLICATION_STATUSES.map((value) => ({ value, label: t(`applications.status.${value}`) })),
          ]}
          onChange={setChosen}
        />
        <button type="submit" className="button button--secondary">
          {t('applications.list.filter')}
        </button>
      </form>
      <div aria-live="polite" aria-busy={state.status === 'loading'}>
        <ResourceStatus state={state}>
          {({ items, total }) => (
            <>
              <p className="panel__count">{t('applications.list.count', { count: total })}</p>
              {items.length === 0 ? (
                <p className="empty">
                  {status ? t('applications.list.emptyFiltered') : t('applications.list.empty')}{' '}
                  <Link to="/services">{t('applications.list.findService')}</Link>
                </p>
              ) : (
                <ul className="item-list">
                  {items.map((item) => (
                    <ApplicationRow key={item.id} item={item} />
                  ))}
                </ul>
              )}
            </>
          )}
        </ResourceStatus>
      </div>
      <Pagination page={page} pageCount={pageCount} hrefFor={(p) => hrefFor(status, p)} />
    </section>
  );
}

function ApplicationRow({ item }: { item: ApplicationListItem }) {
  const { t, i18n } = useTranslation();
  const language: Language = i18n.resolvedLanguage === 'en' ? 'en' : 'zh-CN';
  const name = language === 'en' ? item.entry.nameEn : item.entry.nameZh;
  return (
    <li className="item application-item">
      <div className="item__header">
        <h3 className="item__title">
          <Link to={`/applications/${item.id}`}>{name}</Link>
        </h3>
        <StatusBadge status={item.status} />
      </div>
      <dl className="facts facts--compact">
        <div className="facts__row">
          <dt>{t('applications.detail.receiptNo')}</dt>
          <dd className="mono">{item.receiptNo}</dd>
        </div>
        <div className="facts__row">
          <dt>{t('applications.detail.applicant')}</dt>
          <dd>{item.applicantName}</dd>
        </div>
        <div className="facts__row">
          <dt>{t('applications.detail.submittedAt')}</dt>
          <dd>{formatDateTime(item.submittedAt, language)}</dd>
        </div>
        <div className="facts__row">
          <dt>
            {item.finishedAt ? t('applications.detail.finishedAt') : t('applications.detail.promisedDate')}
          </dt>
          <dd>
            {item.finishedAt
              ? formatDateTime(item.finishedAt, language)
              : formatPlainDate(item.promisedDate, language)}
          </dd>
        </div>
      </dl>
    </li>
  );
}

async function loadDrafts() {
  const { items } = await listMyDrafts();
  const ids = [...new Set(items.map((draft) => draft.entryId))];
  const services = new Map(
    (await Promise.all(ids.map((id) => getService(id).catch(() => null))))
      .filter((service) => service !== null)
      .map((service) => [service.id, service]),
  );
  return items.flatMap((draft) => {
    const service = services.get(draft.entryId);
    return service ? [{ draft, service }] : [];
  });
}

function Drafts() {
  const { t, i18n } = useTranslation();
  const language: Language = i18n.resolvedLanguage === 'en' ? 'en' : 'zh-CN';
  const [state] = useApiResource(loadDrafts);
  if (state.status !== 'ready' || state.data.length === 0) return null;
  return (
    <section className="panel drafts" aria-labelledby="drafts-title">
      <h2 className="panel__title" id="drafts-title">
        {t('applications.list.draftsTitle')}
      </h2>
      <ul className="item-list">
        {state.data.map(({ draft, service }) => {
          const name = language === 'en' ? service.nameEn : service.nameZh;
          return (
            <li key={draft.id} className="item draft-item">
              <div className="item__header">
                <h3 className="item__title">{name}</h3>
                <Link
                  className="button button--primary button--small"
                  to={`/services/${service.code}/apply?for=${draft.enterpriseId ?? 'self'}`}
                  aria-label={t('applications.list.continueNamed', { name })}
                >
                  {t('applications.list.continue')}
                </Link>
              </div>
              <p className="field__hint">
                {t('applications.list.draftSaved', { time: formatDateTime(draft.updatedAt, language) })}
              </p>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
