import type { FormEvent, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ModalDialog } from '../../components/ModalDialog.tsx';

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
 * A modal form (a refusal's reason, a hand-over) in a ModalDialog.
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

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    onSubmit();
  }

  return (
    <ModalDialog
      isOpen={isOpen}
      className="dialog workbench-dialog"
      labelledBy={`${id}-title`}
      onCancel={onCancel}
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
    </ModalDialog>
  );
}
