import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, NavLink, Outlet, useLocation, useNavigate } from 'react-router-dom';
import { canAuthor } from '../lib/authoring.ts';
import { hasCasework } from '../pages/workbench/workbench-rules.ts';
import { useSession } from '../session/session-context.tsx';
import { LanguageSwitch } from './LanguageSwitch.tsx';
import { InboxLink } from '../pages/notifications/InboxLink.tsx';

export function Layout() {
  const { t } = useTranslation();
  const session = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const [isSigningOut, setIsSigningOut] = useState(false);
  const [signOutFailed, setSignOutFailed] = useState(false);
  const isSignedIn = session.state.status === 'signedIn';
  const isAuthor = session.state.status === 'signedIn' && canAuthor(session.state.me);
  const isCaseworker = session.state.status === 'signedIn' && hasCasework(session.state.me);
  const isOperator =
    session.state.status === 'signedIn' &&
    (session.state.me.isAdmin || session.state.me.staff.some((post) => post.role === 'operator'));

  // After a client-side navigation, move focus to the new page's heading so that
  // screen reader and keyboard users start at the top of the new content.
  const previousPath = useRef(location.pathname);
  useEffect(() => {
    if (previousPath.current === location.pathname) return;
    previousPath.current = location.pathname;
    document.querySelector<HTMLElement>('main h1')?.focus();
  }, [location.pathname]);

  async function signOut() {
    setIsSigningOut(true);
    setSignOutFailed(false);
    try {
      await session.signOut();
      await navigate('/', { state: { notice: 'signedOut' } });
    } catch {
      setSignOutFailed(true);
    } finally {
      setIsSigningOut(false);
    }
  }

  const loadError = session.state.status === 'anonymous' ? session.state.loadError : null;

  return (
    <>
      <a className="skip-link" href="#main-content">
        {t('layout.skipToContent')}
      </a>
      <header className="site-header">
        <div className="container site-header__inner">
          <Link to="/" className="brand">
            <span className="brand__mark" aria-hidden="true">
              通
            </span>
            <span className="brand__text">
              <span className="brand__name">{t('app.name')}</span>
              <span className="brand__tagline">{t('app.tagline')}</span>
            </span>
          </Link>
          <nav className="site-nav" aria-label={t('layout.navLabel')}>
            <ul className="site-nav__list">
              <li>
                <NavLink to="/" end className="site-nav__link">
                  {t('layout.nav.home')}
                </NavLink>
              </li>
              <li>
                <NavLink to="/services" className="site-nav__link">
                  {t('layout.nav.services')}
                </NavLink>
              </li>
              <li>
                <NavLink to="/topics" className="site-nav__link">
                  {t('layout.nav.topics')}
                </NavLink>
              </li>
              <li>
                <NavLink to="/facilities" className="site-nav__link">
                  {t('layout.nav.facilities')}
                </NavLink>
              </li>
              <li>
                <NavLink to="/payments" className="site-nav__link">
                  {t('payments.navLink')}
                </NavLink>
              </li>
              {session.state.status === 'signedIn' && session.state.me.user.kind !== 'admin' && (
                <li>
                  <NavLink to="/desk" className="site-nav__link">
                    {t('desk.navLink')}
                  </NavLink>
                </li>
              )}
              {isOperator && (
                <li>
                  <NavLink to="/facilities/console" className="site-nav__link">
                    {t('facilityConsole.navLink')}
                  </NavLink>
                </li>
              )}
              {isCaseworker && (
                <li>
                  <NavLink to="/workbench" className="site-nav__link">
                    {t('workbench.navLink')}
                  </NavLink>
                </li>
              )}
              {isAuthor && (
                <li>
                  <NavLink to="/admin/catalog" className="site-nav__link">
                    {t('layout.nav.adminCatalog')}
                  </NavLink>
                </li>
              )}
              {isSignedIn ? (
                <>
                  <li>
                    <InboxLink />
                  </li>
                  <li>
                    <NavLink to="/me" end className="site-nav__link">
                      {t('layout.nav.me')}
                    </NavLink>
                  </li>
                </>
              ) : (
                <>
                  <li>
                    <NavLink to="/login" className="site-nav__link">
                      {t('layout.nav.login')}
                    </NavLink>
                  </li>
                  <li>
                    <NavLink to="/register" className="site-nav__link">
                      {t('layout.nav.register')}
                    </NavLink>
                  </li>
                </>
              )}
            </ul>
          </nav>
          <div className="site-header__actions">
            <LanguageSwitch />
            {isSignedIn && (
              <button
                type="button"
                className="header-button"
                onClick={() => void signOut()}
                disabled={isSigningOut}
              >
                {isSigningOut ? t('layout.signingOut') : t('layout.signOut')}
              </button>
            )}
          </div>
        </div>
      </header>
      {(loadError || signOutFailed) && (
        <div className="banner banner--error" role="alert">
          <div className="container">{signOutFailed ? t('layout.signOutFailed') : loadError?.message}</div>
        </div>
      )}
      <main id="main-content" className="site-main" tabIndex={-1}>
        <div className="container">
          <Outlet />
        </div>
      </main>
      <footer className="site-footer">
        <div className="container site-footer__inner">
          <p className="site-footer__about">{t('layout.footer.about')}</p>
          <p>
            <Link to="/verify">{t('certificates.verify.footerLink')}</Link>
          </p>
          <p>{t('layout.footer.demoData')}</p>
          <p>{t('layout.footer.licence')}</p>
        </div>
      </footer>
    </>
  );
}
