// Our inputs for rjsf: the app's own markup and classes (components.css, forms.css), large
// targets, labels from the templates, and every note of the field linked by aria-describedby.
// An emptied input reports `undefined`, so that `required` names it, as on the server.
import { useEffect, useState } from 'react';
import type { FocusEvent } from 'react';
import type { RegistryWidgetsType, WidgetProps } from '@rjsf/utils';
import { useTranslation } from 'react-i18next';
import { describedBy } from './field-notes.ts';
import type { RendererContext } from './field-notes.ts';
import type { FormData } from './form-ui.ts';

type Props = WidgetProps<FormData>;

const contextOf = (props: Props) => props.registry.formContext as RendererContext;

/** aria and state attributes every input of a field carries. */
function inputAttributes(props: Props) {
  const hasError = (props.rawErrors?.length ?? 0) > 0;
  return {
    id: props.id,
    name: props.id,
    required: props.required || undefined,
    'aria-invalid': hasError || undefined,
    'aria-describedby': describedBy(props.id, contextOf(props).notes[props.id], hasError),
  };
}

const textOf = (value: unknown): string => (value === undefined || value === null ? '' : String(value));
const orUndefined = (text: string): string | undefined => (text === '' ? undefined : text);

/** Option labels in the user's language, from `x-enum-titles` / `x-enum-titles-en`. */
function optionLabels(props: Props): string[] {
  const values = props.options.enumOptions ?? [];
  const zh = props.schema['x-enum-titles' as keyof typeof props.schema];
  const en = props.schema['x-enum-titles-en' as keyof typeof props.schema];
  const pick = (list: unknown, index: number): string | undefined =>
    Array.isArray(list) && typeof list[index] === 'string' ? (list[index] as string) : undefined;
  return values.map((option, index) => {
    const chinese = pick(zh, index) ?? String(option.value);
    return contextOf(props).language === 'en' ? (pick(en, index) ?? chinese) : chinese;
  });
}

const selectedIndex = (props: Props) =>
  (props.options.enumOptions ?? []).findIndex((option) => option.value === props.value);

function TextWidget(props: Props) {
  const format = typeof props.schema.format === 'string' ? props.schema.format : undefined;
  return (
    <input
      className="field__input"
      type="text"
      inputMode={format === 'email' ? 'email' : format === 'cn-mobile' ? 'tel' : undefined}
      {...inputAttributes(props)}
      value={textOf(props.value)}
      readOnly={props.readonly}
      disabled={props.disabled}
      maxLength={typeof props.schema.maxLength === 'number' ? props.schema.maxLength : undefined}
      spellCheck={format ? false : undefined}
      autoComplete="off"
      onChange={(event) => props.onChange(orUndefined(event.target.value))}
      onBlur={(event: FocusEvent<HTMLInputElement>) => props.onBlur(props.id, event.target.value)}
      onFocus={(event: FocusEvent<HTMLInputElement>) => props.onFocus(props.id, event.target.value)}
    />
  );
}

function TextareaWidget(props: Props & { isAddress?: boolean }) {
  const isAddress = props.isAddress === true;
  return (
    <textarea
      className="field__input field__textarea"
      {...inputAttributes(props)}
      rows={isAddress ? 2 : 4}
      value={textOf(props.value)}
      readOnly={props.readonly}
      disabled={props.disabled}
      maxLength={typeof props.schema.maxLength === 'number' ? props.schema.maxLength : undefined}
      autoComplete={isAddress ? 'street-address' : 'off'}
      onChange={(event) => props.onChange(orUndefined(event.target.value))}
      onBlur={(event) => props.onBlur(props.id, event.target.value)}
      onFocus={(event) => props.onFocus(props.id, event.target.value)}
    />
  );
}

function AddressWidget(props: Props) {
  return <TextareaWidget {...props} isAddress />;
}

function DateWidget(props: Props) {
  return (
    <input
      className="field__input field__input--short"
      type="date"
      {...inputAttributes(props)}
      value={textOf(props.value)}
      readOnly={props.readonly}
      disabled={props.disabled}
      onChange={(event) => props.onChange(orUndefined(event.target.value))}
      onBlur={(event) => props.onBlur(props.id, event.target.value)}
      onFocus={(event) => props.onFocus(props.id, event.target.value)}
    />
  );
}

/** What a typed number means: a number when it reads as one, else the text (so `type` reports it). */
export function parseNumber(text: string): number | string | undefined {
  const plain = text.trim().replace(/,/g, '');
  if (plain === '') return undefined;
  return /^-?\d+(\.\d+)?$/.test(plain) && Number.isFinite(Number(plain)) ? Number(plain) : text;
}

/** A text box with a numeric keypad: the typed text stays as typed ("12." or "1,200"). */
function NumberWidget(props: Props) {
  const [text, setText] = useState(textOf(props.value));
  // Follow the value when it changes from outside (a prefill, a reset), not while typing.
  useEffect(() => {
    setText((current) => (parseNumber(current) === props.value ? current : textOf(props.value)));
  }, [props.value]);
  return (
    <input
      className="field__input field__input--short"
      type="text"
      inputMode={props.schema.type === 'integer' ? 'numeric' : 'decimal'}
      {...inputAttributes(props)}
      value={text}
      readOnly={props.readonly}
      disabled={props.disabled}
      autoComplete="off"
      onChange={(event) => {
        setText(event.target.value);
        props.onChange(parseNumber(event.target.value));
      }}
      onBlur={() => props.onBlur(props.id, props.value)}
      onFocus={() => props.onFocus(props.id, props.value)}
    />
  );
}

function SelectWidget(props: Props) {
  const { t } = useTranslation();
  const options = props.options.enumOptions ?? [];
  const labels = optionLabels(props);
  const index = selectedIndex(props);
  return (
    <select
      className="field__input field__select"
      {...inputAttributes(props)}
      value={index < 0 ? '' : String(index)}
      // A select cannot be read-only: a locked one is disabled (its value is in the data anyway).
      disabled={props.disabled || props.readonly}
      onChange={(event) =>
        props.onChange(event.target.value === '' ? undefined : options[Number(event.target.value)]?.value)
      }
      onBlur={() => props.onBlur(props.id, props.value)}
      onFocus={() => props.onFocus(props.id, props.value)}
    >
      <option value="">{t('formPreview.choose')}</option>
      {options.map((option, optionIndex) => (
        <option key={String(option.value)} value={String(optionIndex)}>
          {labels[optionIndex]}
        </option>
      ))}
    </select>
  );
}

/** The radios of a group; the fieldset, legend and notes come from the field template. */
function RadioWidget(props: Props) {
  const options = props.options.enumOptions ?? [];
  const labels = optionLabels(props);
  const index = selectedIndex(props);
  return (
    <div className={options.length <= 3 ? 'choices choices--inline' : 'choices'}>
      {options.map((option, optionIndex) => {
        const optionId = `${props.id}-${optionIndex}`;
        return (
          <div className="choice" key={String(option.value)}>
            <input
              className="choice__input"
              type="radio"
              id={optionId}
              name={props.id}
              value={String(optionIndex)}
              checked={index === optionIndex}
              required={props.required || undefined}
              disabled={props.disabled || props.readonly}
              onChange={() => props.onChange(option.value)}
              onBlur={() => props.onBlur(props.id, props.value)}
              onFocus={() => props.onFocus(props.id, props.value)}
            />
            <label className="choice__label" htmlFor={optionId}>
              {labels[optionIndex]}
            </label>
          </div>
        );
      })}
    </div>
  );
}

/** A box with its label beside it (the template shows no label above it). */
function CheckboxWidget(props: Props) {
  const { t } = useTranslation();
  return (
    <div className="choice">
      <input
        className="choice__input"
        type="checkbox"
        {...inputAttributes(props)}
        checked={props.value === true}
        disabled={props.disabled || props.readonly}
        onChange={(event) => props.onChange(event.target.checked)}
        onBlur={() => props.onBlur(props.id, props.value)}
        onFocus={() => props.onFocus(props.id, props.value)}
      />
      <label className="choice__label" htmlFor={props.id}>
        {props.label}
        {props.required && <RequiredMark label={t('serviceForm.requiredMark')} />}
      </label>
    </div>
  );
}

/** The red star of a required field; screen readers hear "required" from the input itself. */
export function RequiredMark({ label }: { label: string }) {
  return (
    <span className="field__required" title={label.trim()} aria-hidden="true">
      *
    </span>
  );
}

/** Registered under the FormUi widget names (ui:widget), which rjsf looks up first. */
export const widgets: RegistryWidgetsType<FormData> = {
  text: TextWidget,
  textarea: TextareaWidget,
  address: AddressWidget,
  date: DateWidget,
  number: NumberWidget,
  select: SelectWidget,
  radio: RadioWidget,
  checkbox: CheckboxWidget,
};
