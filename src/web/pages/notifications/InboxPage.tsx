import { useCallback, useState } from 'react';
import type { MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { ApiError } from '../../api/client.ts';
import {
  announceNotificationsChanged,
  listNotifications,
  markAllNotificationsRead,
  markNotificationRead,
  type NotificationItem,
} from '../../api/notifications-endpoints.ts';
import { PageHeading } from '../../components/PageHeading.tsx';
import { RequireSession } from '../../components/RequireSession.tsx';
import { Pagination } from '../../components/catalog/Pagination.tsx';
import { formatDateTime } from '../../lib/format.ts';
import { useApiResource } from '../../lib/use-api-resource.ts';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import './notifications.css';

const PAGE_SIZE = 10;

/** 消息: the signed-in user's notifications, newest first. */
export function InboxPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('notifications.inbox.title'));
  return <RequireSession>{() => <Inbox />}</RequireSession>;
}

function Inbox() {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const [searchParams] = useSearchParams();
  const isUnreadOnly = searchParams.get('unread') === '1';
  const page = Math.max(1, Number.parseInt(searchParams.get('page') ?? '1', 10) || 1);
  const load = useCallback(
    () => listNotifications({ isUnreadOnly, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE }),
    [isUnreadOnly, page],
  );
  const [state, reload, replace] = useApiResource(load);
  const [message, setMessage] = useState<{ kind: 'success' | 'error'; text: string } | null>(null);
  const [isBusy, setIsBusy] = useState(false);
  const language = i18n.resolvedLanguage ?? 'zh-CN';

  const hrefFor = (target: { page?: number; isUnreadOnly?: boolean }) => {
    const params = new URLSearchParams();
    if (target.isUnreadOnly ?? isUnreadOnly) params.set('unread', '1');
    if ((target.page ?? 1) > 1) params.set('page', String(target.page));
    const query = params.toString();
    return query ? `/me/inbox?${query}` : '/me/inbox';
  };

  function showError(error: unknown) {
    setMessage({ kind: 'error', text: error instanceof ApiError ? error.message : t('errors.unexpected') });
  }

  async function markRead(item: NotificationItem): Promise<boolean> {
    try {
      const updated = await markNotificationRead(item.id);
      if (state.status === 'ready' && item.readAt === null) {
        replace({
          ...state.data,
          items: state.data.items.map((other) => (other.id === item.id ? updated : other)),
          unreadCount: Math.max(0, state.data.unreadCount - 1),
        });
      }
      announceNotificationsChanged();
      return true;
    } catch (error) {
      showError(error);
      return false;
    }
  }

  async function open(event: MouseEvent<HTMLAnchorElement>, item: NotificationItem) {
    if (!item.link) return;
    event.preventDefault();
    if (item.readAt === null) await markRead(item);
    await navigate(item.link);
  }

  async function markOne(item: NotificationItem) {
    setMessage(null);
    if (await markRead(item)) setMessage({ kind: 'success', text: t('notifications.inbox.markedRead') });
  }

  async function markAll() {
    setIsBusy(true);
    setMessage(null);
    try {
      const result = await markAllNotificationsRead();
      announceNotificationsChanged();
      setMessage({ kind: 'success', text: t('notifications.inbox.allMarkedRead', { count: result.marked }) });
      reload();
    } catch (error) {
      showError(error);
    } finally {
      setIsBusy(false);
    }
  }

  const pageCount = state.status === 'ready' ? Math.ceil(state.data.total / PAGE_SIZE) : 0;

  return (
    <>
      <PageHeading>{t('notifications.inbox.title')}</PageHeading>
      <p className="lead">{t('notifications.inbox.intro')}</p>
      <p>
        <Link to="/me/notification-settings">{t('notifications.inbox.settingsLink')}</Link>
      </p>
      <div className="inbox-toolbar">
        <nav aria-label={t('notifications.inbox.filterLabel')}>
          <ul className="inbox-filter">
            <li>
              <Link
                className="button button--secondary button--small"
                to={hrefFor({ isUnreadOnly: false })}
                aria-current={isUnreadOnly ? undefined : 'page'}
              >
                {t('notifications.inbox.all')}
              </Link>
            </li>
            <li>
              <Link
                className="button button--secondary button--small"
                to={hrefFor({ isUnreadOnly: true })}
                aria-current={isUnreadOnly ? 'page' : undefined}
              >
                {t('notifications.inbox.unreadOnly')}
              </Link>
            </li>
          </ul>
        </nav>
        {state.status === 'ready' && (
          <p className="inbox-summary">
            {t('notifications.inbox.summary', { total: state.data.total, unread: state.data.unreadCount })}
          </p>
        )}
        <button
          type="button"
          className="button button--small"
          disabled={isBusy || state.status !== 'ready' || state.data.unreadCount === 0}
          onClick={() => void markAll()}
        >
          {isBusy ? t('notifications.inbox.markingAllRead') : t('notifications.inbox.markAllRead')}
        </button>
      </div>
      <div role="status" aria-live="polite">
        {message && <p className={`notice notice--${message.kind}`}>{message.text}</p>}
      </div>
      {state.status === 'loading' && <p className="status-message">{t('common.loading')}</p>}
      {state.status === 'failed' && (
        <p className="notice notice--error" role="alert">
          {state.error.message}
        </p>
      )}
      {state.status === 'ready' && state.data.items.length === 0 && (
        <p className="empty">
          {isUnreadOnly ? t('notifications.inbox.emptyUnread') : t('notifications.inbox.empty')}
        </p>
      )}
      {state.status === 'ready' && state.data.items.length > 0 && (
        <ul className="inbox-list">
          {state.data.items.map((item) => {
            const isUnread = item.readAt === null;
            const titleId = `notification-${item.id}`;
            return (
              <li
                key={item.id}
                className={`inbox-item ${isUnread ? 'inbox-item--unread' : 'inbox-item--read'}`}
              >
                <div className="inbox-item__header">
                  <h2 className="inbox-item__title" id={titleId}>
                    {isUnread && (
                      <span className="badge badge--warning">{t('notifications.inbox.unread')}</span>
                    )}{' '}
                    {item.link ? (
                      <a href={item.link} onClick={(event) => void open(event, item)}>
                        {item.title}
                      </a>
                    ) : (
                      item.title
                    )}
                  </h2>
                </div>
                <p className="inbox-item__body">{item.body}</p>
                <p className="inbox-item__meta">
                  <span>
                    {t('notifications.inbox.receivedAt')}:{' '}
                    <time dateTime={item.createdAt}>{formatDateTime(item.createdAt, language)}</time>
                  </span>
                  {item.emailStatus !== 'none' && (
                    <span>{t(`notifications.inbox.email.${item.emailStatus}`)}</span>
                  )}
                </p>
                {isUnread && !item.link && (
                  <div className="inbox-item__actions">
                    <button
                      type="button"
                      className="button button--secondary button--small"
                      aria-describedby={titleId}
                      onClick={() => void markOne(item)}
                    >
                      {t('notifications.inbox.markRead')}
                    </button>
                  </div>
                )}
              </li>
            );
          })}
        </ul>
      )}
      <Pagination page={page} pageCount={pageCount} hrefFor={(p) => hrefFor({ page: p })} />
    </>
  );
}
