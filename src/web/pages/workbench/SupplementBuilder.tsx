import { useId, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { SupplementItem } from '../../api/workbench-endpoints.ts';
import { SelectField, TextAreaField } from '../../components/ChoiceFields.tsx';
import { ErrorSummary, type SummaryItem } from '../../components/ErrorSummary.tsx';
import {
  checkSupplement,
  toSupplementItems,
  type SupplementDraftItem,
  type SupplementProblem,
} from './workbench-rules.ts';

export interface FieldChoice {
  name: string;
  title: string;
}

interface Props {
  fields: FieldChoice[];
  /** The service's materials (names in the page's language), offered as suggestions. */
  materials: string[];
  isSecondRequest: boolean;
  isApprover: boolean;
  isBusy: boolean;
  onSend(items: SupplementItem[], overrideReason: string | undefined): void;
  onCancel(): void;
}

/**
 * 一次性告知: the reviewer lists every field and material to fix, each with its reason, sees the
 * list as the applicant will, and sends it once. A second request needs an approver's reason.
 */
export function SupplementBuilder({
  fields,
  materials,
  isSecondRequest,
  isApprover,
  isBusy,
  onSend,
  onCancel,
}: Props) {
  const { t } = useTranslation();
  const prefix = `supplement-${useId().replace(/[^\w-]/g, '')}`;
  const [items, setItems] = useState<SupplementDraftItem[]>([]);
  const [counter, setCounter] = useState(0);
  const [overrideReason, setOverrideReason] = useState('');
  const [problems, setProblems] = useState<SupplementProblem[]>([]);
  const [focusKey, setFocusKey] = useState(0);
  const isBlocked = isSecondRequest && !isApprover;

  function add(kind: SupplementDraftItem['kind']) {
    const key = `${prefix}-item-${counter}`;
    setCounter((value) => value + 1);
    setItems((current) => [...current, { key, kind, target: '', reason: '' }]);
    // Focus the new item's first input once it is on screen.
    requestAnimationFrame(() => document.getElementById(`${key}-target`)?.focus());
  }
  const update = (key: string, changes: Partial<SupplementDraftItem>) =>
    setItems((current) => current.map((item) => (item.key === key ? { ...item, ...changes } : item)));
  const remove = (key: string) => setItems((current) => current.filter((item) => item.key !== key));

  const numberOf = (key: string) => items.findIndex((item) => item.key === key) + 1;
  const messageOf = (problem: SupplementProblem): SummaryItem => {
    switch (problem.kind) {
      case 'empty':
        return { message: t('workbench.supplement.errors.empty') };
      case 'tooMany':
        return { message: t('workbench.supplement.errors.tooMany') };
      case 'override':
        return { fieldId: `${prefix}-override`, message: t('workbench.supplement.errors.override') };
      case 'target': {
        const item = items.find((i) => i.key === problem.key);
        const number = numberOf(problem.key);
        return {
          fieldId: `${problem.key}-target`,
          message:
            item?.kind === 'field'
              ? t('workbench.supplement.errors.fieldTarget', { number })
              : t('workbench.supplement.errors.materialTarget', { number }),
        };
      }
      case 'duplicate':
        return {
          fieldId: `${problem.key}-target`,
          message: t('workbench.supplement.errors.duplicate', { number: numberOf(problem.key) }),
        };
      case 'reason':
        return {
          fieldId: `${problem.key}-reason`,
          message: t('workbench.supplement.errors.reason', { number: numberOf(problem.key) }),
        };
    }
  };
  const errorFor = (key: string, part: 'target' | 'reason') => {
    const problem = problems.find(
      (p) =>
        'key' in p &&
        p.key === key &&
        (part === 'reason' ? p.kind === 'reason' : p.kind === 'target' || p.kind === 'duplicate'),
    );
    return problem ? messageOf(problem).message : undefined;
  };

  function send(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const found = checkSupplement(items, {
      formFields: fields.map((field) => field.name),
      isSecondRequest,
      overrideReason,
    });
    setProblems(found);
    setFocusKey((value) => value + 1);
    if (found.length > 0 || isBlocked) return;
    onSend(toSupplementItems(items), isSecondRequest ? overrideReason.trim() : undefined);
  }

  const fieldTitle = (name: string) => fields.find((field) => field.name === name)?.title ?? name;

  return (
    <form className="supplement-builder" onSubmit={send} noValidate aria-labelledby={`${prefix}-title`}>
      <h4 className="supplement-builder__title" id={`${prefix}-title`}>
        {t('workbench.supplement.title')}
      </h4>
      <p>{t('workbench.supplement.intro')}</p>
      {isSecondRequest && (
        <p className="notice notice--warning">
          {isBlocked ? t('workbench.supplement.secondNotApprover') : t('workbench.supplement.second')}
        </p>
      )}
      <ErrorSummary items={problems.map(messageOf)} focusKey={focusKey} titleId={`${prefix}-errors`} />
      <datalist id={`${prefix}-materials`}>
        {materials.map((material) => (
          <option key={material} value={material} />
        ))}
      </datalist>
      <ol className="supplement-builder__items">
        {items.map((item, index) => (
          <li key={item.key} className="supplement-builder__item">
            <fieldset className="supplement-builder__fieldset">
              <legend>{t('workbench.supplement.itemTitle', { number: index + 1 })}</legend>
              {item.kind === 'field' ? (
                <SelectField
                  id={`${item.key}-target`}
                  label={t('workbench.supplement.field')}
                  value={item.target}
                  error={errorFor(item.key, 'target')}
                  options={[
                    { value: '', label: t('workbench.supplement.chooseField') },
                    ...fields.map((field) => ({ value: field.name, label: field.title })),
                  ]}
                  onChange={(value) => update(item.key, { target: value })}
                />
              ) : (
                <MaterialField
                  id={`${item.key}-target`}
                  listId={`${prefix}-materials`}
                  value={item.target}
                  error={errorFor(item.key, 'target')}
                  onChange={(value) => update(item.key, { target: value })}
                />
              )}
              <TextAreaField
                id={`${item.key}-reason`}
                label={t('workbench.supplement.reason')}
                hint={t('workbench.supplement.reasonHint')}
                value={item.reason}
                rows={2}
                error={errorFor(item.key, 'reason')}
                onChange={(value) => update(item.key, { reason: value })}
              />
              <button
                type="button"
                className="button button--danger-outline button--small"
                onClick={() => remove(item.key)}
              >
                {t('workbench.supplement.remove', { number: index + 1 })}
              </button>
            </fieldset>
          </li>
        ))}
      </ol>
      <div className="supplement-builder__add">
        <button type="button" className="button button--secondary" onClick={() => add('field')}>
          {t('workbench.supplement.addField')}
        </button>
        <button type="button" className="button button--secondary" onClick={() => add('material')}>
          {t('workbench.supplement.addMaterial')}
        </button>
      </div>
      {isSecondRequest && isApprover && (
        <TextAreaField
          id={`${prefix}-override`}
          label={t('workbench.supplement.overrideReason')}
          hint={t('workbench.supplement.overrideHint')}
          value={overrideReason}
          rows={2}
          error={
            problems.some((p) => p.kind === 'override')
              ? t('workbench.supplement.errors.override')
              : undefined
          }
          onChange={setOverrideReason}
        />
      )}
      <section className="supplement-preview" aria-labelledby={`${prefix}-preview`}>
        <h5 className="supplement-preview__title" id={`${prefix}-preview`}>
          {t('workbench.supplement.previewTitle')}
        </h5>
        {items.length === 0 ? (
          <p className="empty">{t('workbench.supplement.previewEmpty')}</p>
        ) : (
          <ol className="supplement-preview__list">
            {items.map((item) => (
              <li key={item.key}>
                <strong>
                  {item.kind === 'field'
                    ? t('workbench.application.itemField', {
                        field: item.target ? fieldTitle(item.target) : '…',
                      })
                    : t('workbench.application.itemMaterial', { material: item.target.trim() || '…' })}
                </strong>
                {t('common.colon')}
                {item.reason.trim() || '…'}
              </li>
            ))}
          </ol>
        )}
      </section>
      <div className="supplement-builder__actions">
        <button type="submit" className="button button--primary" disabled={isBusy || isBlocked}>
          {isBusy ? t('workbench.tasks.working') : t('workbench.supplement.send')}
        </button>
        <button type="button" className="button button--secondary" onClick={onCancel}>
          {t('workbench.supplement.cancel')}
        </button>
      </div>
    </form>
  );
}

function MaterialField({
  id,
  listId,
  value,
  error,
  onChange,
}: {
  id: string;
  listId: string;
  value: string;
  error: string | undefined;
  onChange(value: string): void;
}) {
  const { t } = useTranslation();
  return (
    <div className={error ? 'field field--error' : 'field'}>
      <label className="field__label" htmlFor={id}>
        {t('workbench.supplement.material')}
      </label>
      <p className="field__hint" id={`${id}-hint`}>
        {t('workbench.supplement.materialHint')}
      </p>
      {error && (
        <p className="field__error" id={`${id}-error`}>
          <span className="visually-hidden">{t('common.errorPrefix')}</span>
          {error}
        </p>
      )}
      <input
        className="field__input"
        id={id}
        name={id}
        list={listId}
        value={value}
        maxLength={200}
        aria-invalid={error ? true : undefined}
        aria-describedby={[`${id}-hint`, error ? `${id}-error` : null].filter(Boolean).join(' ')}
        onChange={(event) => onChange(event.target.value)}
      />
    </div>
  );
}
