import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client.ts';
import { listSessions, revokeSession } from '../../api/endpoints.ts';
import type { SessionItem } from '../../api/types.ts';
import { describeUserAgent, formatDateTime } from '../../lib/format.ts';
import { useApiResource } from '../../lib/use-api-resource.ts';
import { useSession } from '../../session/session-context.tsx';

/** "登录设备": every signed-in session of this account, each of which can be ended. */
export function SessionsPanel() {
  const { t, i18n } = useTranslation();
  const session = useSession();
  const [state, reload, replace] = useApiResource(listSessions);
  const [busyId, setBusyId] = useState<string | null>(null);
  const [message, setMessage] = useState<{ kind: 'success' | 'error'; text: string } | null>(null);
  const language = i18n.resolvedLanguage ?? 'zh-CN';

  async function revoke(item: SessionItem) {
    setBusyId(item.id);
    setMessage(null);
    try {
      await revokeSession(item.id);
      if (item.isCurrent) {
        // Signed out now: the page redirects to the sign-in page with a notice.
        session.forget('sessionRevoked');
        return;
      }
      if (state.status === 'ready') replace({ items: state.data.items.filter((s) => s.id !== item.id) });
      setMessage({ kind: 'success', text: t('me.sessions.revoked') });
    } catch (error) {
      setMessage({ kind: 'error', text: error instanceof ApiError ? error.message : t('errors.unexpected') });
      reload();
    } finally {
      setBusyId(null);
    }
  }

  return (
    <section className="panel panel--wide" aria-labelledby="sessions-title">
      <h2 className="panel__title" id="sessions-title">
        {t('me.sessions.title')}
      </h2>
      <p className="panel__intro">{t('me.sessions.intro')}</p>
      <div role="status" aria-live="polite">
        {message && <p className={`notice notice--${message.kind}`}>{message.text}</p>}
      </div>
      {state.status === 'loading' && <p className="status-message">{t('common.loading')}</p>}
      {state.status === 'failed' && (
        <p className="notice notice--error" role="alert">
          {state.error.message}
        </p>
      )}
      {state.status === 'ready' && (
        <ul className="item-list">
          {state.data.items.map((item) => {
            const device = describeUserAgent(item.userAgent) ?? t('me.sessions.unknownDevice');
            const labelId = `session-${item.id}`;
            return (
              <li className={item.isCurrent ? 'item item--current' : 'item'} key={item.id}>
                <div className="item__header">
                  <h3 className="item__title" id={labelId}>
                    {device}
                    {item.isCurrent && <span className="badge badge--info">{t('me.sessions.current')}</span>}
                  </h3>
                  <button
                    type="button"
                    className="button button--secondary button--small"
                    aria-describedby={labelId}
                    disabled={busyId !== null}
                    onClick={() => void revoke(item)}
                  >
                    {item.isCurrent ? t('me.sessions.revokeCurrent') : t('me.sessions.revoke')}
                  </button>
                </div>
                <dl className="facts facts--compact">
                  <div className="facts__row">
                    <dt>{t('me.sessions.createdAt')}</dt>
                    <dd>{formatDateTime(item.createdAt, language)}</dd>
                  </div>
                  <div className="facts__row">
                    <dt>{t('me.sessions.lastSeenAt')}</dt>
                    <dd>{formatDateTime(item.lastSeenAt, language)}</dd>
                  </div>
                  <div className="facts__row">
                    <dt>{t('me.sessions.expiresAt')}</dt>
                    <dd>{formatDateTime(item.expiresAt, language)}</dd>
                  </div>
                  <div className="facts__row">
                    <dt>{t('me.sessions.ip')}</dt>
                    <dd className="mono">{item.ip ?? t('common.none')}</dd>
                  </div>
                </dl>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
