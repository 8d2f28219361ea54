import { useCallback, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { SelectField } from '../../../components/ChoiceFields.tsx';
import { ResourceStatus } from '../../../components/ResourceStatus.tsx';
import { formatDateTime } from '../../../lib/format.ts';
import { useApiResource } from '../../../lib/use-api-resource.ts';
import { ACCEPTED_FILE_TYPES } from '../../../api/attachments-endpoints.ts';
import { errorText } from './desk-rooms-parts.tsx';
import { ROOM_DOCUMENT_KEY, roomsApi } from './rooms-api.ts';

const loadAll = async (roomId: string) => {
  const [documents, checklist] = await Promise.all([roomsApi.documents(roomId), roomsApi.checklist(roomId)]);
  return { documents: documents.items, checklist: checklist.items };
};

/** The room's shared documents (PDF, OFD, JPEG, PNG); a file may answer a checklist item. */
export function RoomDocuments({ roomId }: { roomId: string }) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'zh-CN';
  const load = useCallback(() => loadAll(roomId), [roomId]);
  const [state, reload] = useApiResource(load);
  const fileRef = useRef<HTMLInputElement>(null);
  const [materialKey, setMaterialKey] = useState(ROOM_DOCUMENT_KEY);
  const [error, setError] = useState<string | undefined>();
  const [status, setStatus] = useState('');
  const [isBusy, setIsBusy] = useState(false);

  async function share(event: FormEvent) {
    event.preventDefault();
    setStatus('');
    const file = fileRef.current?.files?.[0];
    if (!file) {
      setError(t('deskRooms.documents.fileRequired'));
      return;
    }
    setError(undefined);
    setIsBusy(true);
    try {
      const document = await roomsApi.shareDocument(roomId, file, materialKey);
      setStatus(t('deskRooms.documents.shared', { name: document.fileName }));
      if (fileRef.current) fileRef.current.value = '';
      reload();
    } catch (caught) {
      setError(errorText(caught, t('errors.unexpected')));
    } finally {
      setIsBusy(false);
    }
  }

  return (
    <section aria-labelledby="documents-heading" className="panel">
      <h2 id="documents-heading" className="panel__title">
        {t('deskRooms.documents.title')}
      </h2>
      <ResourceStatus state={state}>
        {({ documents, checklist }) => (
          <>
            {documents.length === 0 ? (
              <p className="empty">{t('deskRooms.documents.none')}</p>
            ) : (
              <ul className="desk-list">
                {documents.map((document) => (
                  <li key={document.id}>
                    <a href={roomsApi.documentUrl(roomId, document.id)}>{document.fileName}</a>{' '}
                    <span className="desk-muted">
                      · {document.uploadedByName} · {formatDateTime(document.createdAt, language)}
                      {document.checklistItemId &&
                        ` · ${checklist.find((item) => item.id === document.checklistItemId)?.label ?? ''}`}
                    </span>
                  </li>
                ))}
              </ul>
            )}
            <form className="form" onSubmit={(event) => void share(event)} noValidate>
              <h3>{t('deskRooms.documents.share')}</h3>
              <div className={error ? 'field field--error' : 'field'}>
                <label className="field__label" htmlFor="room-document-file">
                  {t('deskRooms.documents.file')}
                </label>
                <p className="field__hint" id="room-document-file-hint">
                  {t('deskRooms.documents.fileHint')}
                </p>
                {error && (
                  <p className="field__error" id="room-document-file-error">
                    <span className="visually-hidden">{t('common.errorPrefix')}</span>
                    {error}
                  </p>
                )}
                <input
                  ref={fileRef}
                  id="room-document-file"
                  name="room-document-file"
                  type="file"
                  accept={ACCEPTED_FILE_TYPES}
                  className="field__input"
                  aria-describedby={
                    error ? 'room-document-file-hint room-document-file-error' : 'room-document-file-hint'
                  }
                  aria-invalid={error ? true : undefined}
                />
              </div>
              <SelectField
                id="room-document-item"
                label={t('deskRooms.documents.forItem')}
                value={materialKey}
                options={[
                  { value: ROOM_DOCUMENT_KEY, label: t('deskRooms.documents.noItem') },
                  ...checklist.map((item) => ({ value: item.id, label: item.label })),
                ]}
                onChange={setMaterialKey}
              />
              <div role="status" aria-live="polite">
                {status && <p className="notice notice--success">{status}</p>}
              </div>
              <button type="submit" className="button" disabled={isBusy}>
                {t('deskRooms.documents.shareSubmit')}
              </button>
            </form>
          </>
        )}
      </ResourceStatus>
    </section>
  );
}
