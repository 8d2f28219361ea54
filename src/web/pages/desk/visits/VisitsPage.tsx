import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Me } from '../../../api/types.ts';
import { PageHeading } from '../../../components/PageHeading.tsx';
import { RequireSession } from '../../../components/RequireSession.tsx';
import { ResourceStatus } from '../../../components/ResourceStatus.tsx';
import { formatDateTime } from '../../../lib/format.ts';
import { useApiResource } from '../../../lib/use-api-resource.ts';
import { useDocumentTitle } from '../../../lib/use-document-title.ts';
import { deskApi } from '../requests/desk-api.ts';
import '../requests/desk.css';
import '../rooms/desk-rooms.css';
import { DeskRoomsNav } from '../rooms/desk-rooms-parts.tsx';
import { CapSettings } from './CapSettings.tsx';
import { EnterpriseVisits } from './EnterpriseVisits.tsx';
import { PlanVisitForm } from './PlanVisitForm.tsx';
import { CloseVisitForm } from './CloseVisitForm.tsx';
import { WarningList } from './visit-warnings.tsx';
import { visitsApi, type Visit } from './visits-api.ts';

/**
 * /desk/visits (无事不扰): a manager plans and logs visits (with warnings before breaking the
 * visit cap or a quiet period); an enterprise sees its visits and sets its quiet periods; admins
 * and office admins set their district's cap.
 */
export function VisitsPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('deskVisits.title'));
  return <RequireSession>{(me) => <Visits me={me} />}</RequireSession>;
}

function Visits({ me }: { me: Me }) {
  const { t } = useTranslation();
  const isManager = me.staff.some((post) => post.role === 'service_manager');
  const setsCaps = me.isAdmin || me.staff.some((post) => post.role === 'office_admin');
  return (
    <>
      <PageHeading>{t('deskVisits.title')}</PageHeading>
      <DeskRoomsNav />
      <p className="lead">{t('deskVisits.intro')}</p>
      {isManager && <ManagerVisits />}
      {me.enterprises.length > 0 && <EnterpriseVisits enterprises={me.enterprises} />}
      {setsCaps && <CapSettings />}
      {!isManager && !setsCaps && me.enterprises.length === 0 && (
        <p className="empty">{t('deskVisits.nothing')}</p>
      )}
    </>
  );
}

function ManagerVisits() {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'zh-CN';
  const [workspace] = useApiResource(deskApi.managerWorkspace);
  const loadVisits = useCallback(() => visitsApi.myVisits(), []);
  const [visits, reload] = useApiResource(loadVisits);
  const [closing, setClosing] = useState<string | null>(null);
  return (
    <section aria-labelledby="my-visits-heading" className="desk-sections">
      <ResourceStatus state={workspace}>
        {({ enterprises }) => {
          const mine = enterprises.filter((e) => e.relation === 'manager');
          return mine.length === 0 ? (
            <p className="empty">{t('deskVisits.noEnterprises')}</p>
          ) : (
            <PlanVisitForm enterprises={mine} onPlanned={reload} />
          );
        }}
      </ResourceStatus>
      <h2 id="my-visits-heading">{t('deskVisits.mine')}</h2>
      <ResourceStatus state={visits}>
        {({ items }) =>
          items.length === 0 ? (
            <p className="empty">{t('deskVisits.noVisits')}</p>
          ) : (
            <div className="desk-table__scroll">
              <table className="desk-table">
                <caption className="visually-hidden">{t('deskVisits.mine')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('deskVisits.when')}</th>
                    <th scope="col">{t('deskVisits.enterprise')}</th>
                    <th scope="col">{t('deskVisits.purpose')}</th>
                    <th scope="col">{t('deskVisits.status')}</th>
                    <th scope="col">{t('deskVisits.notes')}</th>
                  </tr>
                </thead>
                <tbody>
                  {items.map((visit: Visit) => (
                    <tr key={visit.id}>
                      <td>{formatDateTime(visit.scheduledAt, language)}</td>
                      <td>{visit.enterpriseName}</td>
                      <td>
                        {visit.purpose}
                        <br />
                        <span className="desk-muted">{visit.participants}</span>
                      </td>
                      <td>{t(`deskVisits.statuses.${visit.status}`)}</td>
                      <td>
                        {visit.outcome && <p>{visit.outcome}</p>}
                        {visit.overrideReason && (
                          <>
                            <WarningList warnings={visit.warnings} />
                            <p>{t('deskVisits.overrideReason', { reason: visit.overrideReason })}</p>
                          </>
                        )}
                        {visit.status === 'planned' &&
                          (closing === visit.id ? (
                            <CloseVisitForm
                              visit={visit}
                              onDone={() => {
                                setClosing(null);
                                reload();
                              }}
                            />
                          ) : (
                            <button
                              type="button"
                              className="button button--secondary"
                              onClick={() => setClosing(visit.id)}
                            >
                              {t('deskVisits.close.open', { purpose: visit.purpose })}
                            </button>
                          ))}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )
        }
      </ResourceStatus>
    </section>
  );
}
