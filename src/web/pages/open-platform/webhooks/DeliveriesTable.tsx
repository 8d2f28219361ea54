import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../api/client.ts';
import { formatDateTime } from '../../../lib/format.ts';
import { useApiResource } from '../../../lib/use-api-resource.ts';
import { EVENT_NAME_KEYS, listDeliveries, redeliver, type WebhookDelivery } from './webhooks-api.ts';

const PAGE_SIZE = 20;

/** The app's deliveries, newest first: status, attempts with status codes and latency, redeliver. */
export function DeliveriesTable({ appId }: { appId: string }) {
  const { t, i18n } = useTranslation();
  const [offset, setOffset] = useState(0);
  const load = useCallback(() => listDeliveries(appId, { limit: PAGE_SIZE, offset }), [appId, offset]);
  const [state, reload] = useApiResource(load);
  const [notice, setNotice] = useState<{ kind: 'success' | 'error'; text: string } | null>(null);
  const language = i18n.resolvedLanguage ?? 'zh-CN';

  async function sendAgain(delivery: WebhookDelivery) {
    try {
      await redeliver(appId, delivery.id);
      setNotice({ kind: 'success', text: t('openWebhooks.redelivered', { eventId: delivery.eventId }) });
      reload();
    } catch (error) {
      setNotice({ kind: 'error', text: error instanceof ApiError ? error.message : t('errors.unexpected') });
    }
  }

  return (
    <section aria-labelledby="webhook-deliveries-title">
      <h3 id="webhook-deliveries-title">{t('openWebhooks.deliveries')}</h3>
      <p>{t('openWebhooks.deliveriesIntro')}</p>
      <div className="admin-actions">
        <button type="button" className="button button--secondary button--small" onClick={reload}>
          {t('openWebhooks.refresh')}
        </button>
      </div>
      <div role="status" aria-live="polite">
        {notice && <p className={`notice notice--${notice.kind}`}>{notice.text}</p>}
      </div>
      {state.status === 'loading' && <p className="status-message">{t('common.loading')}</p>}
      {state.status === 'failed' && (
        <p className="notice notice--error" role="alert">
          {state.error.message}
        </p>
      )}
      {state.status === 'ready' && state.data.items.length === 0 && <p>{t('openWebhooks.noDeliveries')}</p>}
      {state.status === 'ready' && state.data.items.length > 0 && (
        <>
          <div className="table-wrap">
            <table className="data-table webhook-deliveries">
              <caption className="visually-hidden">{t('openWebhooks.deliveries')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('openWebhooks.columns.event')}</th>
                  <th scope="col">{t('openWebhooks.columns.status')}</th>
                  <th scope="col">{t('openWebhooks.columns.attempts')}</th>
                  <th scope="col">{t('openWebhooks.columns.actions')}</th>
                </tr>
              </thead>
              <tbody>
                {state.data.items.map((delivery) => (
                  <tr key={delivery.id}>
                    <th scope="row">
                      {t(EVENT_NAME_KEYS[delivery.eventType])}
                      <span className="data-table__sub">
                        <code>{delivery.eventId}</code>
                      </span>
                      <span className="data-table__sub">{formatDateTime(delivery.occurredAt, language)}</span>
                    </th>
                    <td>
                      <span className={`webhook-status webhook-status--${delivery.status}`}>
                        {t(`openWebhooks.statuses.${delivery.status}`)}
                      </span>
                      {delivery.nextAttemptAt && (
                        <span className="data-table__sub">
                          {t('openWebhooks.nextAttempt', {
                            at: formatDateTime(delivery.nextAttemptAt, language),
                          })}
                        </span>
                      )}
                    </td>
                    <td>
                      <ol className="webhook-attempts">
                        {delivery.attemptLog.map((attempt) => (
                          <li key={attempt.attemptNo}>
                            {t('openWebhooks.attempt', {
                              at: formatDateTime(attempt.startedAt, language),
                              code: attempt.statusCode ?? '—',
                              ms: attempt.durationMs,
                            })}
                            {attempt.manual && ` · ${t('openWebhooks.manual')}`}
                            {attempt.error && <span className="data-table__sub">{attempt.error}</span>}
                          </li>
                        ))}
                      </ol>
                    </td>
                    <td className="data-table__actions">
                      {delivery.status !== 'pending' && (
                        <button
                          type="button"
                          className="button button--secondary button--small"
                          onClick={() => void sendAgain(delivery)}
                          aria-label={t('openWebhooks.redeliverLabel', { eventId: delivery.eventId })}
                        >
                          {t('openWebhooks.redeliver')}
                        </button>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <p>
            {t('openWebhooks.shown', {
              from: offset + 1,
              to: offset + state.data.items.length,
              total: state.data.total,
            })}
          </p>
          <div className="admin-actions">
            {offset > 0 && (
              <button
                type="button"
                className="button button--secondary button--small"
                onClick={() => setOffset(Math.max(0, offset - PAGE_SIZE))}
              >
                {t('openWebhooks.newer')}
              </button>
            )}
            {offset + PAGE_SIZE < state.data.total && (
              <button
                type="button"
                className="button button--secondary button--small"
                onClick={() => setOffset(offset + PAGE_SIZE)}
              >
                {t('openWebhooks.older')}
              </button>
            )}
          </div>
        </>
      )}
    </section>
  );
}
