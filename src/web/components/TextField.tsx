import type { HTMLAttributes, InputHTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';

interface Props {
  id: string;
  label: string;
  value: string;
  onChange(value: string): void;
  error?: string | undefined;
  hint?: string | undefined;
  type?: 'text' | 'password' | 'tel';
  autoComplete?: string;
  inputMode?: HTMLAttributes<HTMLInputElement>['inputMode'];
  maxLength?: number;
  spellCheck?: boolean;
  autoCapitalize?: InputHTMLAttributes<HTMLInputElement>['autoCapitalize'];
  readOnly?: boolean;
  /** A narrow input for short values (numbers, amounts). */
  isShort?: boolean;
  lang?: string;
}

/** A labelled input with its hint and, when there is one, its error right above it. */
export function TextField({
  id,
  label,
  value,
  onChange,
  error,
  hint,
  type = 'text',
  isShort = false,
  ...inputProps
}: Props) {
  const { t } = useTranslation();
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;

  return (
    <div className={error ? 'field field--error' : 'field'}>
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      {hint && (
        <p className="field__hint" id={hintId}>
          {hint}
        </p>
      )}
      {error && (
        <p className="field__error" id={errorId}>
          <span className="visually-hidden">{t('common.errorPrefix')}</span>
          {error}
        </p>
      )}
      <input
        className={isShort ? 'field__input field__input--short' : 'field__input'}
        id={id}
        name={id}
        type={type}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        {...inputProps}
      />
    </div>
  );
}
