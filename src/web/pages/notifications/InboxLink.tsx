import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink, useLocation } from 'react-router-dom';
import { getUnreadCount, NOTIFICATIONS_CHANGED_EVENT } from '../../api/notifications-endpoints.ts';
import './notifications.css';

const POLL_MS = 60_000;

/**
 * The header's link to the inbox with the unread count as a badge. The count is fetched on every
 * navigation, every 60 seconds while the tab is visible, and when this tab marks messages read.
 * Its accessible name carries the count ("消息（3 条未读）"); the badge itself is not read twice.
 */
export function InboxLink() {
  const { t } = useTranslation();
  const location = useLocation();
  const [unreadCount, setUnreadCount] = useState(0);

  const refresh = useCallback(() => {
    getUnreadCount().then(
      (result) => setUnreadCount(result.unreadCount),
      () => undefined, // A missed poll keeps the last count; the next one tries again.
    );
  }, []);

  useEffect(() => {
    refresh();
  }, [refresh, location.pathname]);

  useEffect(() => {
    const timer = window.setInterval(() => {
      if (document.visibilityState === 'visible') refresh();
    }, POLL_MS);
    window.addEventListener(NOTIFICATIONS_CHANGED_EVENT, refresh);
    return () => {
      window.clearInterval(timer);
      window.removeEventListener(NOTIFICATIONS_CHANGED_EVENT, refresh);
    };
  }, [refresh]);

  const label =
    unreadCount > 0
      ? t('notifications.nav.inboxWithCount', { count: unreadCount })
      : t('notifications.nav.inbox');
  return (
    <NavLink to="/me/inbox" className="site-nav__link inbox-link" aria-label={label}>
      {t('notifications.nav.inbox')}
      {unreadCount > 0 && (
        <span className="inbox-link__count" aria-hidden="true" data-testid="inbox-unread-count">
          {unreadCount > 99 ? '99+' : unreadCount}
        </span>
      )}
    </NavLink>
  );
}
