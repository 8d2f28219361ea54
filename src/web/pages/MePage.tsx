import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router-dom';
import type { Me } from '../api/types.ts';
import { PageHeading } from '../components/PageHeading.tsx';
import { RequireSession } from '../components/RequireSession.tsx';
import { useDocumentTitle } from '../lib/use-document-title.ts';
import { DataAccessPanel } from './me/DataAccessPanel.tsx';
import { EnterprisesPanel } from './me/EnterprisesPanel.tsx';
import { PersonPanel } from './me/PersonPanel.tsx';
import { PostsPanel } from './me/PostsPanel.tsx';
import { SessionsPanel } from './me/SessionsPanel.tsx';

export function MePage() {
  const { t } = useTranslation();
  useDocumentTitle(t('me.title'));
  return <RequireSession>{(me) => <MeContent me={me} />}</RequireSession>;
}

function MeContent({ me }: { me: Me }) {
  const { t } = useTranslation();
  const location = useLocation();
  const isStaff = me.staff.length > 0 || me.isAdmin;
  const isWelcome = (location.state as { notice?: string } | null)?.notice === 'registered';

  return (
    <>
      {isWelcome && (
        <p className="notice notice--success" role="status">
          {t('me.registeredNotice')}
        </p>
      )}
      <PageHeading>{t('me.title')}</PageHeading>
      <p className="lead">
        {t('me.greeting', { name: me.user.displayName })}{' '}
        <span className="account-kind">
          {t('me.accountLine', { username: me.user.username, kind: t(`me.kind.${me.user.kind}`) })}
        </span>
      </p>
      {me.person && (
        <p className="me-links">
          <Link to="/applications">{t('applications.list.title')}</Link>
          {' · '}
          <Link to="/me/certificates">{t('certificates.wallet.link')}</Link>
          {' · '}
          <Link to="/payments">{t('payments.navLink')}</Link>
          {' · '}
          <Link to="/data">{t('data.hub.title')}</Link>
          {' · '}
          <Link to="/me/kiosk-sign-in">{t('kioskQr.link')}</Link>
        </p>
      )}
      <div className="me-grid">
        {me.person && <PersonPanel person={me.person} />}
        {me.person && <EnterprisesPanel enterprises={me.enterprises} />}
        {isStaff && <PostsPanel posts={me.staff} isAdmin={me.isAdmin} />}
        <section className="panel" aria-labelledby="me-notifications-title">
          <h2 className="panel__title" id="me-notifications-title">
            {t('notifications.me.title')}
          </h2>
          <p className="panel__intro">{t('notifications.me.intro')}</p>
          <ul>
            <li>
              <Link to="/me/inbox">{t('notifications.me.inbox')}</Link>
            </li>
            <li>
              <Link to="/me/notification-settings">{t('notifications.me.settings')}</Link>
            </li>
          </ul>
        </section>
        <SessionsPanel />
        {/* Access records are about a person's data; staff-only accounts have none. */}
        {me.person && <DataAccessPanel />}
      </div>
    </>
  );
}
