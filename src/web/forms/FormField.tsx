import { useTranslation } from 'react-i18next';
import type { FormField as Field } from './form-model.ts';
import { prefillSourceKey } from './prefill.ts';

interface Props {
  field: Field;
  id: string;
  value: string | boolean | undefined;
  error: string | undefined;
  onChange(value: string | boolean): void;
}

/** The element an error summary link should focus: the first radio of a group, else the input. */
export function anchorId(field: Field, id: string): string {
  return field.widget === 'radio' && field.options ? `${id}-0` : id;
}

/** One field of a service form: label, optional marker, help, prefill hint, error, input. */
export function FormField({ field, id, value, error, onChange }: Props) {
  const { t, i18n } = useTranslation();
  const isEnglish = i18n.resolvedLanguage === 'en';
  const label = isEnglish ? field.titleEn : field.titleZh;
  const help = isEnglish ? (field.helpEn ?? field.helpZh) : field.helpZh;
  const prefillText = field.prefill
    ? t('formPreview.prefill', { source: t(`formPreview.prefillSources.${prefillSourceKey(field.prefill)}`) })
    : null;
  const hintId = help ? `${id}-hint` : undefined;
  const prefillId = prefillText ? `${id}-prefill` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [hintId, prefillId, errorId].filter(Boolean).join(' ') || undefined;
  const text = typeof value === 'string' ? value : '';
  const optional = field.isRequired ? null : (
    <span className="field__optional">{t('formPreview.optional')}</span>
  );

  const notes = (
    <>
      {help && (
        <p className="field__hint" id={hintId}>
          {help}
        </p>
      )}
      {prefillText && (
        <p className="field__prefill" id={prefillId}>
          {prefillText}
        </p>
      )}
      {error && (
        <p className="field__error" id={errorId}>
          <span className="visually-hidden">{t('common.errorPrefix')}</span>
          {error}
        </p>
      )}
    </>
  );
  const className = error ? 'field field--error' : 'field';

  if (field.widget === 'radio' && field.options) {
    return (
      <fieldset className={`${className} field--choices`} aria-describedby={describedBy}>
        <legend className="field__label">
          {label}
          {optional}
        </legend>
        {notes}
        <div className="choices">
          {field.options.map((option, index) => (
            <div className="choice" key={String(option.value)}>
              <input
                className="choice__input"
                type="radio"
                id={`${id}-${index}`}
                name={id}
                value={String(option.value)}
                checked={text === String(option.value)}
                onChange={() => onChange(String(option.value))}
              />
              <label className="choice__label" htmlFor={`${id}-${index}`}>
                {isEnglish ? option.labelEn : option.labelZh}
              </label>
            </div>
          ))}
        </div>
      </fieldset>
    );
  }

  if (field.widget === 'checkbox') {
    return (
      <div className={className}>
        {notes}
        <div className="choice">
          <input
            className="choice__input"
            type="checkbox"
            id={id}
            name={id}
            checked={value === true}
            onChange={(event) => onChange(event.target.checked)}
            aria-invalid={error ? true : undefined}
            aria-describedby={describedBy}
          />
          <label className="choice__label" htmlFor={id}>
            {label}
            {optional}
          </label>
        </div>
      </div>
    );
  }

  const common = {
    id,
    name: id,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': describedBy,
  } as const;

  let input;
  if (field.widget === 'select' && field.options) {
    input = (
      <select
        className="field__input field__select"
        {...common}
        value={text}
        onChange={(e) => onChange(e.target.value)}
      >
        <option value="">{t('formPreview.choose')}</option>
        {field.options.map((option) => (
          <option key={String(option.value)} value={String(option.value)}>
            {isEnglish ? option.labelEn : option.labelZh}
          </option>
        ))}
      </select>
    );
  } else if (field.widget === 'textarea' || field.widget === 'address') {
    input = (
      <textarea
        className="field__input field__textarea"
        {...common}
        rows={field.widget === 'address' ? 2 : 4}
        value={text}
        maxLength={field.maxLength ?? undefined}
        autoComplete={field.widget === 'address' ? 'street-address' : 'off'}
        onChange={(e) => onChange(e.target.value)}
      />
    );
  } else {
    const isNumber = field.type === 'number' || field.type === 'integer';
    input = (
      <input
        className={`field__input${isNumber || field.widget === 'date' ? ' field__input--short' : ''}`}
        {...common}
        type={field.widget === 'date' ? 'date' : field.format === 'email' ? 'email' : 'text'}
        inputMode={isNumber ? (field.type === 'integer' ? 'numeric' : 'decimal') : undefined}
        value={text}
        maxLength={field.maxLength ?? undefined}
        spellCheck={field.format ? false : undefined}
        autoComplete="off"
        onChange={(e) => onChange(e.target.value)}
      />
    );
  }

  return (
    <div className={className}>
      <label className="field__label" htmlFor={id}>
        {label}
        {optional}
      </label>
      {notes}
      {input}
    </div>
  );
}
