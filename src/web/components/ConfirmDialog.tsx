import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';

interface Props {
  isOpen: boolean;
  title: string;
  body: string;
  confirmLabel: string;
  isDanger?: boolean;
  onConfirm(): void;
  onCancel(): void;
}

/**
 * A modal question before something that cannot be taken back (publish, retire). The native
 * <dialog> keeps focus inside, closes on Escape and returns focus to what opened it.
 */
export function ConfirmDialog({
  isOpen,
  title,
  body,
  confirmLabel,
  isDanger = false,
  onConfirm,
  onCancel,
}: Props) {
  const { t } = useTranslation();
  const dialog = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (isOpen && !element.open) element.showModal();
    if (!isOpen && element.open) element.close();
  }, [isOpen]);

  return (
    <dialog
      ref={dialog}
      className="dialog"
      aria-labelledby="confirm-title"
      aria-describedby="confirm-body"
      onCancel={(event) => {
        event.preventDefault();
        onCancel();
      }}
    >
      <h2 className="dialog__title" id="confirm-title">
        {title}
      </h2>
      <p id="confirm-body">{body}</p>
      <div className="dialog__actions">
        <button
          type="button"
          className={isDanger ? 'button button--danger' : 'button button--primary'}
          onClick={onConfirm}
        >
          {confirmLabel}
        </button>
        <button type="button" className="button button--secondary" onClick={onCancel} autoFocus>
          {t('common.cancel')}
        </button>
      </div>
    </dialog>
  );
}
