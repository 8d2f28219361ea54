import { useTranslation } from 'react-i18next';
import { ModalDialog } from './ModalDialog.tsx';

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

  return (
    <ModalDialog isOpen={isOpen} labelledBy="confirm-title" describedBy="confirm-body" onCancel={onCancel}>
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
    </ModalDialog>
  );
}
