import { useEffect, useRef } from 'react';
import type { FormEvent, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

interface Props {
  id: string;
  isOpen: boolean;
  title: string;
  submitLabel: string;
  isDanger?: boolean;
  isBusy?: boolean;
  onSubmit(): void;
  onCancel(): void;
  children: ReactNode;
}

/**
 * A modal form (a refusal's reason, a hand-over): the native <dialog> keeps focus inside, closes
 * on Escape and gives focus back to the button that opened it.
 */
export function FormDialog({
  id,
  isOpen,
  title,
  submitLabel,
  isDanger = false,
  isBusy = false,
  onSubmit,
  onCancel,
  children,
}: Props) {
  const { t } = useTranslation();
  const dialog = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (isOpen && !element.open) element.showModal();
    if (!isOpen && element.open) element.close();
  }, [isOpen]);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    onSubmit();
  }

  return (
    <dialog
      ref={dialog}
      className="dialog workbench-dialog"
      aria-labelledby={`${id}-title`}
      onCancel={(event) => {
        event.preventDefault();
        onCancel();
      }}
    >
      {isOpen && (
        <form onSubmit={submit} noValidate>
          <h2 className="dialog__title" id={`${id}-title`}>
            {title}
          </h2>
          {children}
          <div className="dialog__actions">
            <button
              type="submit"
              className={isDanger ? 'button button--danger' : 'button button--primary'}
              disabled={isBusy}
            >
              {isBusy ? t('workbench.tasks.working') : submitLabel}
            </button>
            <button type="button" className="button button--secondary" onClick={onCancel}>
              {t('common.cancel')}
            </button>
          </div>
        </form>
      )}
    </dialog>
  );
}
