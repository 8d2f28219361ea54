import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { ApiError } from '../../../api/client.ts';
import { TextAreaField } from '../../../components/ChoiceFields.tsx';
import { PageHeading } from '../../../components/PageHeading.tsx';
import { RequireSession } from '../../../components/RequireSession.tsx';
import { ResourceStatus } from '../../../components/ResourceStatus.tsx';
import { formatDateTime } from '../../../lib/format.ts';
import { useApiResource } from '../../../lib/use-api-resource.ts';
import { useDocumentTitle } from '../../../lib/use-document-title.ts';
import { deskApi, type Thread } from '../requests/desk-api.ts';
import '../requests/desk.css';

/** /desk/messages/:enterpriseId: the thread between an enterprise and its service manager. */
export function ThreadPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('desk.workspace.messagesTitle'));
  const { enterpriseId = '' } = useParams();
  return <RequireSession>{() => <ThreadView enterpriseId={enterpriseId} />}</RequireSession>;
}

function ThreadView({ enterpriseId }: { enterpriseId: string }) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'zh-CN';
  const load = useCallback(() => deskApi.thread(enterpriseId), [enterpriseId]);
  const [state, reload] = useApiResource(load);
  const [text, setText] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [status, setStatus] = useState<string | null>(null);
  const [isSending, setIsSending] = useState(false);
  const unread = state.status === 'ready' ? state.data.unread : 0;

  // Opening the thread reads the other side's messages.
  useEffect(() => {
    if (unread > 0) void deskApi.markThreadRead(enterpriseId).catch(() => undefined);
  }, [enterpriseId, unread]);

  async function send(event: FormEvent) {
    event.preventDefault();
    if (!text.trim()) {
      setError(t('desk.thread.required'));
      return;
    }
    setIsSending(true);
    setError(undefined);
    setStatus(null);
    try {
      await deskApi.postMessage(enterpriseId, text);
      setText('');
      setStatus(t('desk.thread.sent'));
      reload();
    } catch (caught) {
      setError(caught instanceof ApiError ? caught.message : t('errors.unexpected'));
    } finally {
      setIsSending(false);
    }
  }

  const heading = (thread: Thread) =>
    thread.side === 'manager'
      ? t('desk.thread.title', { name: thread.enterpriseName })
      : t('desk.thread.titleEnterprise');

  return (
    <ResourceStatus state={state}>
      {(thread) => (
        <>
          <PageHeading>{heading(thread)}</PageHeading>
          <p>
            <Link
              to={
                thread.side === 'manager'
                  ? '/desk/manager'
                  : `/desk?enterprise=${encodeURIComponent(enterpriseId)}`
              }
            >
              {t('desk.thread.back')}
            </Link>
          </p>
          {thread.items.length === 0 ? (
            <p className="empty">{t('desk.thread.empty')}</p>
          ) : (
            <ol className="desk-thread" aria-label={heading(thread)}>
              {thread.items.map((message) => (
                <li
                  key={message.id}
                  className={
                    message.isMine
                      ? 'desk-thread__message desk-thread__message--mine'
                      : 'desk-thread__message'
                  }
                >
                  <p className="desk-thread__meta">
                    {message.isMine ? t('desk.thread.mine') : message.senderName} ·{' '}
                    {formatDateTime(message.createdAt, language)}
                    {message.isUnread && (
                      <>
                        {' '}
                        <span className="badge badge--warning">{t('desk.thread.unreadMark')}</span>
                      </>
                    )}
                  </p>
                  <p className="desk-thread__body">{message.body}</p>
                </li>
              ))}
            </ol>
          )}
          <form className="form" onSubmit={(event) => void send(event)} noValidate>
            <TextAreaField
              id="desk-message"
              label={t('desk.thread.label')}
              value={text}
              onChange={setText}
              error={error}
            />
            <button type="submit" className="button" disabled={isSending}>
              {isSending ? t('desk.thread.sending') : t('desk.thread.send')}
            </button>
          </form>
          <div role="status" aria-live="polite">
            {status && <p className="notice notice--success">{status}</p>}
          </div>
        </>
      )}
    </ResourceStatus>
  );
}
