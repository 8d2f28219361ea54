// Uploading the files of one material of an application. Each chosen file is uploaded at once
// (one request per file, with progress); the form that holds this component keeps the uploaded
// files (controlled: `files` + `onChange`), so their ids can go into the draft and the submit.
import { useEffect, useId, useRef, useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client.ts';
import {
  ACCEPTED_FILE_TYPES,
  DEFAULT_MAX_UPLOAD_BYTES,
  attachmentContentUrl,
  deleteAttachment,
  uploadAttachment,
  type UploadedAttachment,
} from '../../api/attachments-endpoints.ts';
import { formatFileSize } from './attachment-format.ts';
import './attachments.css';

interface Props {
  /** Which material of the service these files are for (sent with each upload). */
  materialKey: string;
  /** The material's name, shown as the field's label. */
  label: string;
  files: UploadedAttachment[];
  onChange(files: UploadedAttachment[]): void;
  disabled?: boolean;
  /** The server's limit (TONGBAN_UPLOAD_MAX_BYTES); files larger are refused before sending. */
  maxBytes?: number;
  /** An error about this material from the form (e.g. "required"), shown with the field. */
  error?: string | undefined;
}

interface InFlight {
  key: string;
  name: string;
  fraction: number;
}

/** A labelled file picker with the material's uploaded files, progress and errors. */
export function AttachmentUpload({
  materialKey,
  label,
  files,
  onChange,
  disabled = false,
  maxBytes = DEFAULT_MAX_UPLOAD_BYTES,
  error,
}: Props) {
  const { t } = useTranslation();
  const id = `attachment-${useId().replace(/[^\w-]/g, '')}`;
  const inputRef = useRef<HTMLInputElement>(null);
  const latestFiles = useRef(files);
  const aborts = useRef(new Set<AbortController>());
  const [inFlight, setInFlight] = useState<InFlight[]>([]);
  const [problems, setProblems] = useState<string[]>([]);
  const [notice, setNotice] = useState('');
  const [removing, setRemoving] = useState<string | null>(null);

  useEffect(() => {
    latestFiles.current = files;
  }, [files]);

  // Uploads still running when the form goes away are cancelled.
  useEffect(() => {
    const running = aborts.current;
    return () => {
      for (const controller of running) controller.abort();
    };
  }, []);

  const maxSize = formatFileSize(maxBytes, t);
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const statusId = `${id}-status`;
  const isBusy = inFlight.length > 0;

  function publish(next: UploadedAttachment[]) {
    latestFiles.current = next;
    onChange(next);
  }

  async function uploadOne(file: File, key: string): Promise<string | null> {
    if (file.size > maxBytes) {
      return t('attachments.errors.uploadFailed', {
        name: file.name,
        message: t('attachments.errors.tooLarge', { maxSize }),
      });
    }
    const controller = new AbortController();
    aborts.current.add(controller);
    setInFlight((current) => [...current, { key, name: file.name, fraction: 0 }]);
    try {
      const uploaded = await uploadAttachment(file, materialKey, {
        signal: controller.signal,
        onProgress: (fraction) =>
          setInFlight((current) => current.map((item) => (item.key === key ? { ...item, fraction } : item))),
      });
      publish([...latestFiles.current, uploaded]);
      setNotice(t('attachments.uploaded', { name: uploaded.fileName }));
      return null;
    } catch (caught) {
      if (caught instanceof DOMException && caught.name === 'AbortError') return null;
      const message = caught instanceof ApiError ? caught.message : t('errors.unexpected');
      return t('attachments.errors.uploadFailed', { name: file.name, message });
    } finally {
      aborts.current.delete(controller);
      setInFlight((current) => current.filter((item) => item.key !== key));
    }
  }

  async function onPick(event: ChangeEvent<HTMLInputElement>) {
    const picked = [...(event.target.files ?? [])];
    // Clear the picker so choosing the same file again (after fixing it) fires a change.
    event.target.value = '';
    if (picked.length === 0) return;
    setProblems([]);
    setNotice('');
    const found: string[] = [];
    // One after another: the server counts a user's pending uploads, and progress stays readable.
    for (const [index, file] of picked.entries()) {
      const problem = await uploadOne(file, `${Date.now()}-${index}-${file.name}`);
      if (problem) found.push(problem);
    }
    setProblems(found);
  }

  async function onRemove(file: UploadedAttachment) {
    setRemoving(file.id);
    setProblems([]);
    setNotice('');
    try {
      await deleteAttachment(file.id);
    } catch (caught) {
      // Already gone (expired after a day) is what the user wanted anyway.
      const isGone = caught instanceof ApiError && caught.code === 'ATTACHMENT_NOT_FOUND';
      if (!isGone) {
        const message = caught instanceof ApiError ? caught.message : t('errors.unexpected');
        setProblems([t('attachments.errors.removeFailed', { name: file.fileName, message })]);
        setRemoving(null);
        return;
      }
    }
    publish(latestFiles.current.filter((item) => item.id !== file.id));
    setRemoving(null);
    setNotice(t('attachments.removed', { name: file.fileName }));
    // The removed row's button is gone: keep keyboard users in the field.
    inputRef.current?.focus();
  }

  const shownError = [error, ...problems].filter(Boolean);
  const describedBy = [hintId, shownError.length ? errorId : null].filter(Boolean).join(' ');

  return (
    <div className={shownError.length ? 'field field--error attachment-upload' : 'field attachment-upload'}>
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      <p className="field__hint" id={hintId}>
        {t('attachments.hint', { maxSize })}
      </p>
      <div id={errorId} aria-live="polite" aria-atomic="true">
        {shownError.map((message) => (
          <p className="field__error" key={message}>
            <span className="visually-hidden">{t('common.errorPrefix')}</span>
            {message}
          </p>
        ))}
      </div>
      <input
        ref={inputRef}
        className="attachment-upload__input"
        id={id}
        name={id}
        type="file"
        multiple
        accept={ACCEPTED_FILE_TYPES}
        disabled={disabled}
        aria-describedby={describedBy}
        aria-invalid={shownError.length ? true : undefined}
        onChange={(event) => void onPick(event)}
      />

      {inFlight.length > 0 && (
        <ul className="attachment-upload__progress-list">
          {inFlight.map((item) => (
            <li key={item.key} className="attachment-upload__progress">
              <label htmlFor={`${id}-${item.key}`}>{t('attachments.progress', { name: item.name })}</label>
              <progress id={`${id}-${item.key}`} max={1} value={item.fraction} />
            </li>
          ))}
        </ul>
      )}

      <ul className="attachment-upload__files" aria-label={t('attachments.uploadedFiles', { label })}>
        {files.length === 0 && <li className="attachment-upload__empty">{t('attachments.noFiles')}</li>}
        {files.map((file) => (
          <li key={file.id} className="attachment-upload__file">
            <a
              className="attachment-upload__name"
              href={attachmentContentUrl(file.id)}
              download={file.fileName}
              aria-label={t('attachments.open', {
                name: file.fileName,
                size: formatFileSize(file.sizeBytes, t),
              })}
            >
              {file.fileName}
            </a>
            <span className="attachment-upload__meta">
              {t(`attachments.type.${file.mediaType}`)} · {formatFileSize(file.sizeBytes, t)}
            </span>
            <button
              type="button"
              className="button button--secondary button--small"
              disabled={disabled || removing === file.id}
              onClick={() => void onRemove(file)}
            >
              {t('attachments.remove')}
              <span className="visually-hidden">{` ${file.fileName}`}</span>
            </button>
          </li>
        ))}
      </ul>
      <p className="visually-hidden" id={statusId} role="status">
        {isBusy ? '' : notice}
      </p>
    </div>
  );
}
