import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useSearchParams } from 'react-router-dom';
import type { Me } from '../../../api/types.ts';
import { PageHeading } from '../../../components/PageHeading.tsx';
import { RequireSession } from '../../../components/RequireSession.tsx';
import { ResourceStatus } from '../../../components/ResourceStatus.tsx';
import { formatDate, formatDateTime } from '../../../lib/format.ts';
import { useApiResource } from '../../../lib/use-api-resource.ts';
import { useDocumentTitle } from '../../../lib/use-document-title.ts';
import { deskApi, type EnterpriseWorkspace, type MyEnterprise } from '../requests/desk-api.ts';
import { RequestTable } from '../requests/desk-parts.tsx';
import { PoliciesSummary, ProjectsSummary } from './DeskSummaries.tsx';
import { ManagerCard } from './ManagerCard.tsx';

/** Staff who handle requests on the desk: service managers and office admins. */
export function isDeskStaff(me: Me): boolean {
  return me.staff.some((post) => post.role === 'service_manager' || post.role === 'office_admin');
}

/** /desk: the enterprise workspace for members; managers go to their desk, other staff to the office queue. */
export function WorkspacePage() {
  const { t } = useTranslation();
  useDocumentTitle(t('desk.workspace.title'));
  return (
    <RequireSession>
      {(me) => {
        if (me.user.kind !== 'resident')
          return <Navigate to={isDeskStaff(me) ? '/desk/manager' : '/desk/office'} replace />;
        return <Workspace />;
      }}
    </RequireSession>
  );
}

function Workspace() {
  const { t } = useTranslation();
  const [state] = useApiResource(deskApi.myEnterprises);
  return (
    <>
      <PageHeading>{t('desk.workspace.title')}</PageHeading>
      <p className="lead">{t('desk.workspace.intro')}</p>
      <ResourceStatus state={state}>
        {({ items }) =>
          items.length === 0 ? (
            <div className="panel">
              <p>{t('desk.workspace.noEnterprise')}</p>
              <p>
                <Link className="button" to="/desk/requests/new">
                  {t('desk.workspace.newRequest')}
                </Link>{' '}
                <Link to="/desk/requests">{t('desk.requests.listTitle')}</Link>
              </p>
            </div>
          ) : (
            <EnterprisePicker enterprises={items} />
          )
        }
      </ResourceStatus>
    </>
  );
}

function EnterprisePicker({ enterprises }: { enterprises: MyEnterprise[] }) {
  const { t } = useTranslation();
  const [searchParams] = useSearchParams();
  const wanted = searchParams.get('enterprise');
  const current = enterprises.find((e) => e.id === wanted) ?? enterprises[0]!;
  return (
    <>
      {enterprises.length > 1 && (
        <nav aria-label={t('desk.workspace.pickEnterprise')}>
          <ul className="link-list">
            {enterprises.map((enterprise) => (
              <li key={enterprise.id}>
                <Link
                  to={`/desk?enterprise=${encodeURIComponent(enterprise.id)}`}
                  aria-current={enterprise.id === current.id ? 'page' : undefined}
                >
                  {enterprise.name}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      )}
      <EnterpriseSections key={current.id} enterpriseId={current.id} />
    </>
  );
}

function EnterpriseSections({ enterpriseId }: { enterpriseId: string }) {
  const load = useCallback(() => deskApi.workspace(enterpriseId), [enterpriseId]);
  const [state] = useApiResource(load);
  return <ResourceStatus state={state}>{(workspace) => <Sections workspace={workspace} />}</ResourceStatus>;
}

function Sections({ workspace }: { workspace: EnterpriseWorkspace }) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'zh-CN';
  const isEnglish = language === 'en';
  const { enterprise, profile } = workspace;
  // The register's codes in words; an unknown code is shown as it is rather than hidden.
  const codeLabel = (group: string, code: string | null | undefined) =>
    code ? t(`desk.workspace.${group}.${code}`, { defaultValue: code }) : null;
  const rows: [string, string | null][] = [
    [t('desk.workspace.uscc'), enterprise.uscc],
    [t('desk.workspace.address'), enterprise.address],
    [t('desk.workspace.legalRepresentative'), profile?.legalRepresentative ?? null],
    [t('desk.workspace.companyType'), codeLabel('companyTypes', profile?.companyType)],
    [
      t('desk.workspace.registeredCapital'),
      profile?.registeredCapitalWan != null
        ? t('desk.workspace.registeredCapitalValue', { value: profile.registeredCapitalWan })
        : null,
    ],
    [t('desk.workspace.industry'), profile?.industry ?? null],
    [t('desk.workspace.sizeClass'), codeLabel('sizeClasses', profile?.sizeClass)],
    [t('desk.workspace.employees'), profile?.employees != null ? String(profile.employees) : null],
    [t('desk.workspace.establishedOn'), profile?.establishedOn ?? null],
    [t('desk.workspace.registrationStatus'), codeLabel('registrationStatuses', profile?.registrationStatus)],
    [t('desk.workspace.businessScope'), profile?.businessScope ?? null],
  ];
  return (
    <div className="desk-sections">
      <section className="panel" aria-labelledby="desk-profile-title">
        <h2 className="panel__title" id="desk-profile-title">
          {enterprise.name}
        </h2>
        <p className="panel__intro">
          {t('desk.workspace.profileTitle')} · {t(`desk.roles.${enterprise.myRole}`)}
        </p>
        {!profile && <p className="notice notice--error">{t('desk.workspace.profileUnavailable')}</p>}
        <dl className="facts">
          {rows
            .filter(([, value]) => value !== null)
            .map(([label, value]) => (
              <div className="facts__row" key={label}>
                <dt>{label}</dt>
                <dd>{value}</dd>
              </div>
            ))}
        </dl>
        <p className="field__hint">{t('desk.workspace.profileSource')}</p>
      </section>

      <ManagerCard manager={workspace.manager} />

      <nav aria-label={t('desk.workspace.sectionsLabel')}>
        <ul className="link-row">
          <li>
            <Link to="/desk/visits">{t('desk.workspace.visitsLink')}</Link>
          </li>
          <li>
            <Link to="/desk/rooms">{t('desk.workspace.roomsLink')}</Link>
          </li>
        </ul>
      </nav>

      <section className="panel" aria-labelledby="desk-requests-title">
        <h2 className="panel__title" id="desk-requests-title">
          {t('desk.workspace.requestsTitle')}
        </h2>
        <p>
          <Link className="button" to={`/desk/requests/new?enterprise=${encodeURIComponent(enterprise.id)}`}>
            {t('desk.workspace.newRequest')}
          </Link>
        </p>
        {workspace.requests.length === 0 ? (
          <p className="empty">{t('desk.workspace.noRequests')}</p>
        ) : (
          <RequestTable items={workspace.requests} caption={t('desk.workspace.requestsTitle')} />
        )}
      </section>

      <section className="panel" aria-labelledby="desk-messages-title">
        <h2 className="panel__title" id="desk-messages-title">
          {t('desk.workspace.messagesTitle')}
        </h2>
        {workspace.unreadMessages > 0 && (
          <p>
            <span className="badge badge--warning">
              {t('desk.workspace.unreadMessages', { count: workspace.unreadMessages })}
            </span>
          </p>
        )}
        <p>
          <Link to={`/desk/messages/${encodeURIComponent(enterprise.id)}`}>
            {t('desk.workspace.openThread')}
          </Link>
        </p>
      </section>

      <section className="panel" aria-labelledby="desk-applications-title">
        <h2 className="panel__title" id="desk-applications-title">
          {t('desk.workspace.applicationsTitle')}
        </h2>
        {workspace.applications.items.length === 0 ? (
          <p className="empty">{t('desk.workspace.noApplications')}</p>
        ) : (
          <>
            <p>{t('desk.workspace.applicationsTotal', { count: workspace.applications.total })}</p>
            <ul className="item-list">
              {workspace.applications.items.map((application) => (
                <li className="item" key={application.id}>
                  <Link to={`/applications/${application.id}`}>{application.receiptNo}</Link>{' '}
                  {isEnglish ? application.nameEn : application.nameZh} ·{' '}
                  {formatDateTime(application.submittedAt, language)}
                </li>
              ))}
            </ul>
          </>
        )}
      </section>

      <section className="panel" aria-labelledby="desk-members-title">
        <h2 className="panel__title" id="desk-members-title">
          {t('desk.workspace.membersTitle')}
        </h2>
        <ul className="item-list">
          {workspace.members.map((member) => (
            <li className="item" key={member.linkId}>
              {member.personName} · {t(`desk.roles.${member.role}`)} · {member.idNumberMasked} ·{' '}
              {member.isActive ? t('desk.workspace.memberActive') : t('desk.workspace.memberInactive')}
              {member.expiresAt && ` · ${formatDate(member.expiresAt, language)}`}
            </li>
          ))}
        </ul>
      </section>

      <ProjectsSummary enterpriseId={enterprise.id} />
      <PoliciesSummary enterpriseId={enterprise.id} />
    </div>
  );
}
