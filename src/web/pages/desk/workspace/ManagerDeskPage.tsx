import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { PageHeading } from '../../../components/PageHeading.tsx';
import { RequireSession } from '../../../components/RequireSession.tsx';
import { ResourceStatus } from '../../../components/ResourceStatus.tsx';
import { formatDateTime } from '../../../lib/format.ts';
import { useApiResource } from '../../../lib/use-api-resource.ts';
import { useDocumentTitle } from '../../../lib/use-document-title.ts';
import { deskApi, type ManagerWorkspace } from '../requests/desk-api.ts';
import { RequestTable } from '../requests/desk-parts.tsx';

/** /desk/manager: the service manager's (or head's) enterprises, open requests and targets. */
export function ManagerDeskPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('desk.manager.title'));
  return <RequireSession>{() => <ManagerDesk />}</RequireSession>;
}

function ManagerDesk() {
  const { t } = useTranslation();
  const [state] = useApiResource(deskApi.managerWorkspace);
  return (
    <>
      <PageHeading>{t('desk.manager.title')}</PageHeading>
      <p className="lead">{t('desk.manager.intro')}</p>
      <nav aria-label={t('desk.manager.sectionsLabel')}>
        <ul className="link-row">
          <li>
            <Link to="/desk/office">{t('desk.manager.officeQueueLink')}</Link>
          </li>
          <li>
            <Link to="/desk/visits">{t('desk.manager.visitsLink')}</Link>
          </li>
          <li>
            <Link to="/desk/rooms">{t('desk.manager.roomsLink')}</Link>
          </li>
          <li>
            <Link to="/desk/projects">{t('desk.manager.projectsLink')}</Link>
          </li>
          <li>
            <Link to="/desk/policies/library">{t('desk.manager.policiesLink')}</Link>
          </li>
          <li>
            <Link to="/desk/investment">{t('desk.manager.investmentLink')}</Link>
          </li>
          <li>
            <Link to="/desk/metrics">{t('desk.manager.metricsLink')}</Link>
          </li>
        </ul>
      </nav>
      <ResourceStatus state={state}>{(data) => <Desk data={data} />}</ResourceStatus>
    </>
  );
}

function Desk({ data }: { data: ManagerWorkspace }) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'zh-CN';
  return (
    <div className="desk-sections">
      <section className="panel" aria-labelledby="desk-my-enterprises">
        <h2 className="panel__title" id="desk-my-enterprises">
          {t('desk.manager.enterprisesTitle')}
        </h2>
        {data.enterprises.length === 0 ? (
          <p className="empty">{t('desk.manager.noEnterprises')}</p>
        ) : (
          <div className="desk-table__scroll">
            <table className="desk-table">
              <caption className="visually-hidden">{t('desk.manager.enterprisesTitle')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('desk.manager.enterprise')}</th>
                  <th scope="col">{t('desk.manager.relation')}</th>
                  <th scope="col">{t('desk.manager.open')}</th>
                  <th scope="col">{t('desk.manager.overdue')}</th>
                  <th scope="col">{t('desk.manager.nextDue')}</th>
                  <th scope="col">{t('desk.manager.unread')}</th>
                </tr>
              </thead>
              <tbody>
                {data.enterprises.map((enterprise) => (
                  <tr key={enterprise.enterpriseId}>
                    <th scope="row">{enterprise.enterpriseName}</th>
                    <td>{t(`desk.manager.relations.${enterprise.relation}`)}</td>
                    <td>{enterprise.openRequests}</td>
                    <td className={enterprise.overdueRequests > 0 ? 'desk-late' : undefined}>
                      {enterprise.overdueRequests}
                    </td>
                    <td>{enterprise.nextDueAt ? formatDateTime(enterprise.nextDueAt, language) : '—'}</td>
                    <td>
                      <Link to={`/desk/messages/${encodeURIComponent(enterprise.enterpriseId)}`}>
                        {t('desk.manager.thread')}
                        {enterprise.unreadMessages > 0 && (
                          <>
                            {' '}
                            <span className="badge badge--warning">{enterprise.unreadMessages}</span>
                          </>
                        )}
                      </Link>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      <section className="panel" aria-labelledby="desk-open-requests">
        <h2 className="panel__title" id="desk-open-requests">
          {t('desk.manager.requestsTitle')}
        </h2>
        {data.residentRequestsAwaiting > 0 && (
          <p>{t('desk.manager.residentAwaiting', { count: data.residentRequestsAwaiting })}</p>
        )}
        {data.requests.length === 0 ? (
          <p className="empty">{t('desk.manager.noRequests')}</p>
        ) : (
          <RequestTable items={data.requests} caption={t('desk.manager.requestsTitle')} showFiler />
        )}
      </section>
    </div>
  );
}
