import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

interface FieldFrame {
  id: string;
  label: string;
  hint?: string | undefined;
  error?: string | undefined;
}

function Notes({ id, hint, error }: Omit<FieldFrame, 'label'>) {
  const { t } = useTranslation();
  return (
    <>
      {hint && (
        <p className="field__hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {error && (
        <p className="field__error" id={`${id}-error`}>
          <span className="visually-hidden">{t('common.errorPrefix')}</span>
          {error}
        </p>
      )}
    </>
  );
}

function describedBy({ id, hint, error }: FieldFrame): string | undefined {
  return [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;
}

/** A labelled multi-line input, monospaced for code (JSON). */
export function TextAreaField(
  props: FieldFrame & {
    value: string;
    onChange(value: string): void;
    rows?: number;
    isCode?: boolean;
    lang?: string;
  },
) {
  const { id, label, value, onChange, error, rows = 4, isCode = false, lang } = props;
  return (
    <div className={error ? 'field field--error' : 'field'}>
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      <Notes {...props} />
      <textarea
        className={
          isCode ? 'field__input field__textarea field__textarea--code' : 'field__input field__textarea'
        }
        id={id}
        name={id}
        rows={rows}
        value={value}
        lang={lang}
        spellCheck={isCode ? false : undefined}
        autoCapitalize={isCode ? 'none' : undefined}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(props)}
        onChange={(event) => onChange(event.target.value)}
      />
    </div>
  );
}

/** A labelled drop-down. */
export function SelectField<T extends string>(
  props: FieldFrame & {
    value: T;
    options: { value: T; label: string }[];
    onChange(value: T): void;
    disabled?: boolean;
  },
) {
  const { id, label, value, options, onChange, error, disabled } = props;
  return (
    <div className={error ? 'field field--error' : 'field'}>
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      <Notes {...props} />
      <select
        className="field__input field__select"
        id={id}
        name={id}
        value={value}
        disabled={disabled}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(props)}
        onChange={(event) => onChange(event.target.value as T)}
      >
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/** A group of radios or check boxes under one legend; option ids are `${id}-${value}`. */
export function ChoiceGroup<T extends string>(
  props: FieldFrame & {
    type: 'radio' | 'checkbox';
    options: { value: T; label: ReactNode }[];
    selected: readonly T[];
    onChange(selected: T[]): void;
    isInline?: boolean;
  },
) {
  const { id, label, type, options, selected, onChange, error, isInline = false } = props;
  function toggle(value: T, isChecked: boolean) {
    if (type === 'radio') onChange([value]);
    else onChange(isChecked ? [...selected, value] : selected.filter((v) => v !== value));
  }
  return (
    <fieldset
      className={`${error ? 'field field--error' : 'field'} field--choices`}
      id={id}
      tabIndex={-1}
      aria-describedby={describedBy(props)}
    >
      <legend className="field__label">{label}</legend>
      <Notes {...props} />
      <div className={isInline ? 'choices choices--inline' : 'choices'}>
        {options.map((option) => (
          <div className="choice" key={option.value}>
            <input
              className="choice__input"
              type={type}
              id={`${id}-${option.value}`}
              name={id}
              value={option.value}
              checked={selected.includes(option.value)}
              onChange={(event) => toggle(option.value, event.target.checked)}
            />
            <label className="choice__label" htmlFor={`${id}-${option.value}`}>
              {option.label}
            </label>
          </div>
        ))}
      </div>
    </fieldset>
  );
}
