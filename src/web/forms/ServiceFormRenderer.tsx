import { useMemo, useState } from 'react';
import type { ReactNode } from 'react';
import Form from '@rjsf/core';
import type { IChangeEvent } from '@rjsf/core';
import { useTranslation } from 'react-i18next';
import type { FieldMessage } from '../../contracts/validation-messages.ts';
import { ErrorSummary } from '../components/ErrorSummary.tsx';
import type { SummaryItem } from '../components/ErrorSummary.tsx';
import type { FieldNotes, RendererContext } from './field-notes.ts';
import { describeForm } from './form-model.ts';
import {
  anchorElementId,
  effectiveFormData,
  fieldElementId,
  fieldHelp,
  fieldTitle,
  mergeErrors,
  renderSchema,
  sortErrors,
  toErrorSchema,
  toUiSchema,
} from './form-ui.ts';
import type { FormData, FormLanguage, Prefill, SortedErrors } from './form-ui.ts';
import { checkForm, formValidator } from './form-validator.ts';
import { prefillSourceKey } from './prefill.ts';
import { templates } from './templates.tsx';
import { widgets } from './widgets.tsx';

export interface ServiceFormRendererProps {
  /** The service's form: its JSON Schema and ui hints (`ServiceForm` of src/contracts/catalog.ts). */
  form: { schema: Record<string, unknown>; ui: unknown };
  /** The language of titles, hints and the browser's messages. */
  language: FormLanguage;
  /** The answers so far (controlled); `onChange` receives every edit. */
  formData: FormData;
  onChange(formData: FormData): void;
  /** Called with the answers (prefills included) once the browser's checks pass. */
  onSubmit?(formData: FormData): void;
  /** Values the government already holds, per field, with their source; locked ones are read-only. */
  prefill?: Prefill;
  /** The `details` of a 400 VALIDATION_FAILED from the server (`path` a JSON pointer). */
  serverErrors?: readonly FieldMessage[];
  /** A supplement (补正): only these fields can be changed, and they are highlighted. */
  fieldsToFix?: readonly string[];
  /** The reviewer's reason per field to fix. */
  fixReasons?: Readonly<Record<string, string>>;
  /** Show the answers only: nothing can be changed, no submit button. */
  readOnly?: boolean;
  /** Prefixes every element id (`${idPrefix}-${field}`); give one per form on a page. */
  idPrefix?: string;
  /** Check each field as soon as it changes (the editor's live preview), not on blur. */
  isLive?: boolean;
  submitLabel?: string;
  submitVariant?: 'primary' | 'secondary';
  /** Shown after the submit button (a note, a cancel link). */
  children?: ReactNode;
}

const EMPTY_ERRORS: readonly FieldMessage[] = [];

function changedFields(before: FormData, after: FormData): string[] {
  const names = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...names].filter((name) => JSON.stringify(before[name]) !== JSON.stringify(after[name]));
}

const withOut = (sorted: SortedErrors, hidden: (name: string) => boolean, keepGeneral: boolean) => ({
  byField: new Map([...sorted.byField].filter(([name]) => !hidden(name))),
  general: keepGeneral ? sorted.general : [],
});

/**
 * A service's application form, rendered by rjsf from its JSON Schema with our own templates and
 * widgets, checked in the browser by the server's ajv set-up and worded like the server. Errors
 * show next to each field once it has been left (or on every change with `isLive`) and, after a
 * failed submit, all of them in a summary at the top that takes focus; server errors join them.
 */
export function ServiceFormRenderer(props: ServiceFormRendererProps) {
  const { form, language, formData, prefill, fieldsToFix, fixReasons, readOnly = false } = props;
  const serverErrors = props.serverErrors ?? EMPTY_ERRORS;
  const idPrefix = props.idPrefix ?? 'service-form';
  const { i18n } = useTranslation();
  const t = useMemo(() => i18n.getFixedT(language), [i18n, language]);

  const model = useMemo(() => describeForm(form.schema, form.ui), [form.schema, form.ui]);
  const [changed, setChanged] = useState<ReadonlySet<string>>(new Set());
  const [left, setLeft] = useState<ReadonlySet<string>>(new Set());
  const [submitCount, setSubmitCount] = useState(0);
  const [focusKey, setFocusKey] = useState(0);
  // Server errors stand until their field is edited; a new set of them takes focus.
  const [editedSinceServer, setEditedSinceServer] = useState<ReadonlySet<string>>(new Set());
  const [seenServerErrors, setSeenServerErrors] = useState(serverErrors);
  if (seenServerErrors !== serverErrors) {
    setSeenServerErrors(serverErrors);
    setEditedSinceServer(new Set());
    if (serverErrors.length > 0) setFocusKey((key) => key + 1);
  }

  const data = useMemo(() => effectiveFormData(model, formData, prefill), [model, formData, prefill]);
  const check = useMemo(() => checkForm(form.schema, data, language), [form.schema, data, language]);

  const hasSubmitted = submitCount > 0;
  const shown = isFieldShown(props.isLive === true, hasSubmitted, changed, left);
  const client = withOut(
    sortErrors(check.status === 'checked' ? check.errors : [], model),
    (name) => !shown(name),
    hasSubmitted,
  );
  const server = withOut(sortErrors(serverErrors, model), (name) => editedSinceServer.has(name), true);
  const visible = mergeErrors(client, server);
  const hasServerErrors = server.general.length > 0 || server.byField.size > 0;
  const errorKey = JSON.stringify([...visible.byField]);
  // eslint-disable-next-line react-hooks/exhaustive-deps -- the key is the content of the map
  const extraErrors = useMemo(() => toErrorSchema(visible.byField), [errorKey]);

  const summary: SummaryItem[] =
    hasSubmitted || hasServerErrors
      ? [
          ...visible.general.map((message) => ({ message })),
          ...model.fields.flatMap((field) =>
            (visible.byField.get(field.name) ?? []).map((message) => ({
              fieldId: anchorElementId(field, idPrefix),
              message: t('formErrors.withField', { field: fieldTitle(field, language), message }),
            })),
          ),
        ]
      : [];

  const lockedFields = Object.entries(prefill ?? {}).flatMap(([name, fill]) => (fill.locked ? [name] : []));
  const readOnlyFields = useMemo(
    () =>
      new Set([
        ...lockedFields,
        ...(fieldsToFix ? model.fields.map((f) => f.name).filter((name) => !fieldsToFix.includes(name)) : []),
      ]),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- keyed by content
    [JSON.stringify(lockedFields), JSON.stringify(fieldsToFix), model],
  );
  const schema = useMemo(() => renderSchema(form.schema, model), [form.schema, model]);
  const uiSchema = useMemo(
    () => toUiSchema(model, { language, readOnlyFields, isReadOnly: readOnly }),
    [model, language, readOnlyFields, readOnly],
  );
  const formContext = useMemo<RendererContext>(() => {
    const notes: Record<string, FieldNotes> = {};
    for (const field of model.fields) {
      const note: FieldNotes = {};
      const help = fieldHelp(field, language);
      if (help) note.help = help;
      const fill = prefill?.[field.name];
      if (fill) {
        note.prefill = t('serviceForm.prefilledFrom', {
          source: language === 'en' ? fill.sourceEn : fill.sourceZh,
        });
        note.isLocked = fill.locked;
      } else if (!prefill && field.prefill) {
        // A preview: say which register will fill it in.
        const source = t(`formPreview.prefillSources.${prefillSourceKey(field.prefill)}`);
        note.prefill = t('formPreview.prefill', { source });
      }
      if (fieldsToFix?.includes(field.name)) note.fix = fixReasons?.[field.name] || t('serviceForm.fixThis');
      notes[fieldElementId(idPrefix, field.name)] = note;
    }
    return { language, notes };
  }, [model, language, prefill, fieldsToFix, fixReasons, idPrefix, t]);

  const nameOfId = (id: string) => {
    const name = id.startsWith(`${idPrefix}-`) ? id.slice(idPrefix.length + 1) : id;
    return model.fields.some((field) => field.name === name) ? name : null;
  };

  function change(event: IChangeEvent<FormData>) {
    const next = event.formData ?? {};
    const names = changedFields(data, next);
    if (names.length === 0) return;
    setChanged((current) => new Set([...current, ...names]));
    setEditedSinceServer((current) => new Set([...current, ...names]));
    props.onChange(next);
  }

  function leave(id: string) {
    // Radios and their group report the group's id; an option's id ends in "-N".
    const name = nameOfId(id) ?? nameOfId(id.replace(/-\d+$/, ''));
    if (name && changed.has(name)) setLeft((current) => new Set([...current, name]));
  }

  function submit(event: IChangeEvent<FormData>) {
    if (readOnly) return;
    const answers = effectiveFormData(model, event.formData ?? {}, prefill);
    setSubmitCount((count) => count + 1);
    const result = checkForm(form.schema, answers, language);
    if (result.status === 'checked' && result.errors.length === 0) props.onSubmit?.(answers);
    else setFocusKey((key) => key + 1);
  }

  const isRequiredShown = !readOnly && model.fields.some((field) => field.isRequired);
  return (
    <div className="service-form">
      {check.status === 'invalidSchema' && (
        <p className="notice notice--error" role="alert">
          {t('formPreview.schemaInvalid', { reason: check.reason })}
        </p>
      )}
      {model.unsupported.length > 0 && (
        <p className="notice notice--warning">
          {t('formPreview.unsupported', { fields: model.unsupported.join(t('common.listSeparator')) })}
        </p>
      )}
      {fieldsToFix && fieldsToFix.length > 0 && (
        <p className="notice notice--warning">{t('serviceForm.fixIntro', { count: fieldsToFix.length })}</p>
      )}
      <ErrorSummary items={summary} focusKey={focusKey} titleId={`${idPrefix}-error-summary-title`} />
      {isRequiredShown && <p className="service-form__required-note">{t('serviceForm.requiredNote')}</p>}
      <Form<FormData>
        className="form service-form__form"
        schema={schema}
        uiSchema={uiSchema}
        validator={formValidator}
        formData={data}
        formContext={formContext}
        templates={templates}
        widgets={widgets}
        idPrefix={idPrefix}
        idSeparator="-"
        // The checks are ours (checkForm): shown per field by our rules, worded like the server.
        noValidate
        noHtml5Validate
        showErrorList={false}
        extraErrors={extraErrors}
        readonly={readOnly}
        onChange={change}
        onBlur={leave}
        onSubmit={submit}
      >
        {readOnly ? (
          <></>
        ) : (
          <div className="service-form__actions">
            <button className={`button button--${props.submitVariant ?? 'primary'}`} type="submit">
              {props.submitLabel ?? t('serviceForm.submit')}
            </button>
            {props.children}
          </div>
        )}
      </Form>
    </div>
  );
}

/** Whether a field's own errors show: after a submit, once left after a change, or live. */
function isFieldShown(
  isLive: boolean,
  hasSubmitted: boolean,
  changed: ReadonlySet<string>,
  left: ReadonlySet<string>,
): (name: string) => boolean {
  return (name) => hasSubmitted || left.has(name) || (isLive && changed.has(name));
}
