import { useEffect, useRef } from 'react';
import type { ReactNode } from 'react';

interface Props {
  isOpen: boolean;
  /** The id of the dialog's title. */
  labelledBy: string;
  /** The id of the text that says what it is about, if any. */
  describedBy?: string;
  className?: string;
  /** Escape (the browser's cancel): the owner decides, as with its own cancel button. */
  onCancel(): void;
  children: ReactNode;
}

/**
 * The native modal <dialog>, opened and closed with `isOpen`: it keeps focus inside, closes on
 * Escape and gives focus back to what opened it. ConfirmDialog and the workbench's FormDialog
 * are built on it.
 */
export function ModalDialog({
  isOpen,
  labelledBy,
  describedBy,
  className = 'dialog',
  onCancel,
  children,
}: Props) {
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
      className={className}
      aria-labelledby={labelledBy}
      aria-describedby={describedBy}
      onCancel={(event) => {
        event.preventDefault();
        onCancel();
      }}
    >
      {children}
    </dialog>
  );
}
