import { useCallback, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { TextAreaField } from '../../../components/ChoiceFields.tsx';
import { ResourceStatus } from '../../../components/ResourceStatus.tsx';
import { formatDateTime } from '../../../lib/format.ts';
import { useApiResource } from '../../../lib/use-api-resource.ts';
import { errorText } from './desk-rooms-parts.tsx';
import { roomsApi } from './rooms-api.ts';

/** The room's messages, newest first, and writing one. */
export function RoomMessages({ roomId, myUserId }: { roomId: string; myUserId: string }) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'zh-CN';
  const load = useCallback(() => roomsApi.messages(roomId), [roomId]);
  const [state, reload] = useApiResource(load);
  const [text, setText] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [status, setStatus] = useState('');

  async function send(event: FormEvent) {
    event.preventDefault();
    setStatus('');
    if (!text.trim()) {
      setError(t('deskRooms.messages.required'));
      return;
    }
    setError(undefined);
    try {
      await roomsApi.postMessage(roomId, text);
      setText('');
      setStatus(t('deskRooms.messages.sent'));
      reload();
    } catch (caught) {
      setError(errorText(caught, t('errors.unexpected')));
    }
  }

  return (
    <section aria-labelledby="messages-heading" className="panel">
      <h2 id="messages-heading" className="panel__title">
        {t('deskRooms.messages.title')}
      </h2>
      <form className="form" onSubmit={(event) => void send(event)} noValidate>
        <TextAreaField
          id="room-message"
          label={t('deskRooms.messages.label')}
          value={text}
          onChange={setText}
          error={error}
          rows={3}
        />
        <div role="status" aria-live="polite">
          {status && <p className="notice notice--success">{status}</p>}
        </div>
        <button type="submit" className="button">
          {t('deskRooms.messages.send')}
        </button>
      </form>
      <ResourceStatus state={state}>
        {({ items }) =>
          items.length === 0 ? (
            <p className="empty">{t('deskRooms.messages.none')}</p>
          ) : (
            <ol className="desk-thread" aria-label={t('deskRooms.messages.title')}>
              {items.map((message) => (
                <li
                  key={message.id}
                  className={
                    message.authorUserId === myUserId
                      ? 'desk-thread__message desk-thread__message--mine'
                      : 'desk-thread__message'
                  }
                >
                  <p className="desk-thread__meta">
                    {message.authorName} · {formatDateTime(message.createdAt, language)}
                  </p>
                  <p className="desk-thread__body">{message.body}</p>
                </li>
              ))}
            </ol>
          )
        }
      </ResourceStatus>
    </section>
  );
}
