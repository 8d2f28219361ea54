import { useEffect, useRef } from 'react';
import type { MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';

export interface SummaryItem {
  /** The id of the field the problem is about; omitted for problems of the whole form. */
  fieldId?: string;
  message: string;
}

interface Props {
  items: SummaryItem[];
  /** Changes on every failed submit, so the summary takes focus again. */
  focusKey: number;
  /** The title's id; give one when a page has more than one form with a summary. */
  titleId?: string;
}

/** The box at the top of a form that lists every problem and links to each field. */
export function ErrorSummary({ items, focusKey, titleId = 'error-summary-title' }: Props) {
  const { t } = useTranslation();
  const box = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (items.length > 0) box.current?.focus();
    // Only a new submit should move focus, not a re-render with the same problems.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [focusKey]);

  if (items.length === 0) return null;

  function focusField(event: MouseEvent<HTMLAnchorElement>, fieldId: string) {
    const field = document.getElementById(fieldId);
    if (!field) return;
    event.preventDefault();
    field.focus();
    field.scrollIntoView({ block: 'center' });
  }

  return (
    <div className="error-summary" role="alert" aria-labelledby={titleId} tabIndex={-1} ref={box}>
      <h2 className="error-summary__title" id={titleId}>
        {t('common.errorSummaryTitle')}
      </h2>
      <ul className="error-summary__list">
        {items.map((item) =>
          item.fieldId ? (
            <li key={`${item.fieldId}:${item.message}`}>
              <a href={`#${item.fieldId}`} onClick={(event) => focusField(event, item.fieldId ?? '')}>
                {item.message}
              </a>
            </li>
          ) : (
            <li key={item.message}>{item.message}</li>
          ),
        )}
      </ul>
    </div>
  );
}
