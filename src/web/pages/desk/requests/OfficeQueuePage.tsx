import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { PageHeading } from '../../../components/PageHeading.tsx';
import { RequireSession } from '../../../components/RequireSession.tsx';
import { ResourceStatus } from '../../../components/ResourceStatus.tsx';
import { formatDateTime } from '../../../lib/format.ts';
import { useApiResource } from '../../../lib/use-api-resource.ts';
import { useDocumentTitle } from '../../../lib/use-document-title.ts';
import { deskApi } from './desk-api.ts';
import './desk.css';

/** /desk/office: the parts of requests routed to the caller's offices, open first. */
export function OfficeQueuePage() {
  const { t } = useTranslation();
  useDocumentTitle(t('desk.office.title'));
  return <RequireSession>{() => <OfficeQueue />}</RequireSession>;
}

function OfficeQueue() {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'zh-CN';
  const [state] = useApiResource(deskApi.officeParts);
  return (
    <>
      <PageHeading>{t('desk.office.title')}</PageHeading>
      <p className="lead">{t('desk.office.intro')}</p>
      <ResourceStatus state={state}>
        {({ items }) =>
          items.length === 0 ? (
            <p className="empty">{t('desk.office.empty')}</p>
          ) : (
            <div className="desk-table__scroll">
              <table className="desk-table">
                <caption className="visually-hidden">{t('desk.office.title')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('desk.table.reference')}</th>
                    <th scope="col">{t('desk.table.title')}</th>
                    <th scope="col">{t('desk.table.filer')}</th>
                    <th scope="col">{t('desk.table.office')}</th>
                    <th scope="col">{t('desk.table.instructions')}</th>
                    <th scope="col">{t('desk.table.status')}</th>
                    <th scope="col">{t('desk.table.resolutionDue')}</th>
                  </tr>
                </thead>
                <tbody>
                  {items.map((item) => (
                    <tr key={item.partId}>
                      <td>
                        <Link
                          to={`/desk/requests/${item.requestId}`}
                          aria-label={`${t('desk.office.open')} ${item.referenceNo}`}
                        >
                          {item.referenceNo}
                        </Link>
                      </td>
                      <td>{item.title}</td>
                      <td>{item.filerName}</td>
                      <td>{language === 'en' ? item.officeNameEn : item.officeNameZh}</td>
                      <td>{item.instructions}</td>
                      <td>
                        <span
                          className={item.status === 'open' ? 'badge badge--warning' : 'badge badge--success'}
                        >
                          {item.status === 'open'
                            ? t('desk.request.partOpen')
                            : t('desk.request.partAnswered')}
                        </span>
                      </td>
                      <td>{formatDateTime(item.resolutionDueAt, language)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )
        }
      </ResourceStatus>
    </>
  );
}
