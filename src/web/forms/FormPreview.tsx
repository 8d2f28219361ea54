import { useMemo, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorSummary } from '../components/ErrorSummary.tsx';
import type { SummaryItem } from '../components/ErrorSummary.tsx';
import { checkFormData } from '../validation/service-form.ts';
import type { FormProblem } from '../validation/service-form.ts';
import { FormField, anchorId } from './FormField.tsx';
import { describeForm, toFormData } from './form-model.ts';
import type { FormValues } from './form-model.ts';

interface Props {
  schema: Record<string, unknown>;
  ui: unknown;
  /** Prefixes every element id, so that a preview can share a page with other forms. */
  idPrefix: string;
  /** Check each field as it is filled in (the editor's live preview), not only on "检查填写". */
  isLive?: boolean;
}

/**
 * A service's application form rendered from its JSON Schema, checked in the browser with
 * the server's rules and formats. It is a preview: nothing is ever sent.
 */
export function FormPreview({ schema, ui, idPrefix, isLive = false }: Props) {
  const { t, i18n } = useTranslation();
  const isEnglish = i18n.resolvedLanguage === 'en';
  const model = useMemo(() => describeForm(schema, ui), [schema, ui]);
  const [values, setValues] = useState<FormValues>({});
  const [touched, setTouched] = useState<ReadonlySet<string>>(new Set());
  const [checkCount, setCheckCount] = useState(0);

  const hasChecked = checkCount > 0;
  // Derived on every render, so that a schema edited in the editor is checked at once.
  const result = useMemo(
    () => (isLive || hasChecked ? checkFormData(schema, model, toFormData(model, values)) : null),
    [isLive, hasChecked, schema, model, values],
  );
  const problems = result?.status === 'checked' ? result.problems : [];
  const isShown = (problem: FormProblem) =>
    hasChecked || (problem.field !== null && touched.has(problem.field));
  const shown = problems.filter(isShown);

  const fieldId = (name: string) => `${idPrefix}-${name}`;
  const message = (problem: FormProblem) => t(`formErrors.${problem.key}`, problem.params);
  const fieldErrors = new Map(
    shown.flatMap((problem) => (problem.field === null ? [] : [[problem.field, message(problem)] as const])),
  );
  const summary: SummaryItem[] = hasChecked
    ? problems.map((problem) => {
        const field = model.fields.find((f) => f.name === problem.field);
        if (!field) return { message: message(problem) };
        return {
          fieldId: anchorId(field, fieldId(field.name)),
          message: t('formErrors.withField', {
            field: isEnglish ? field.titleEn : field.titleZh,
            message: message(problem),
          }),
        };
      })
    : [];
  const isClean = hasChecked && result?.status === 'checked' && problems.length === 0;

  function change(name: string, value: string | boolean) {
    setValues((current) => ({ ...current, [name]: value }));
    setTouched((current) => (current.has(name) ? current : new Set([...current, name])));
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setCheckCount((count) => count + 1);
  }

  if (model.fields.length === 0 && model.unsupported.length === 0) {
    return <p className="empty">{t('formPreview.noFields')}</p>;
  }

  return (
    <div className="form-preview">
      {result?.status === 'invalidSchema' && (
        <p className="notice notice--error" role="alert">
          {t('formPreview.schemaInvalid', { reason: result.reason })}
        </p>
      )}
      {model.unsupported.length > 0 && (
        <p className="notice notice--warning">
          {t('formPreview.unsupported', { fields: model.unsupported.join(t('common.listSeparator')) })}
        </p>
      )}
      <ErrorSummary items={summary} focusKey={checkCount} titleId={`${idPrefix}-error-summary-title`} />
      <div role="status" aria-live="polite">
        {isClean && <p className="notice notice--success">{t('formPreview.allGood')}</p>}
      </div>
      <form className="form" noValidate onSubmit={submit} aria-label={t('formPreview.formLabel')}>
        {model.fields.map((field) => (
          <FormField
            key={field.name}
            field={field}
            id={fieldId(field.name)}
            value={values[field.name]}
            error={fieldErrors.get(field.name)}
            onChange={(value) => change(field.name, value)}
          />
        ))}
        <button className="button button--secondary" type="submit">
          {t('formPreview.check')}
        </button>
        <p className="form-preview__note">{t('formPreview.nothingSent')}</p>
      </form>
    </div>
  );
}
