// rjsf's templates in our markup: a field is `.field` with its label (a legend for a radio
// group), hint, reviewer's note, data source and error, exactly like TextField/ChoiceGroup.
// The form-level error list is ours (ErrorSummary), so rjsf's own lists render nothing.
import type { ReactNode } from 'react';
import type { FieldTemplateProps, ObjectFieldTemplateProps, TemplatesType } from '@rjsf/utils';
import { useTranslation } from 'react-i18next';
import { describedBy, noteIds } from './field-notes.ts';
import type { FieldNotes, RendererContext } from './field-notes.ts';
import type { FormData } from './form-ui.ts';
import { RequiredMark } from './widgets.tsx';

function Notes({ id, notes, errors }: { id: string; notes: FieldNotes; errors: string[] }) {
  const { t } = useTranslation();
  const ids = noteIds(id);
  return (
    <>
      {notes.help && (
        <p className="field__hint" id={ids.help}>
          {notes.help}
        </p>
      )}
      {notes.fix && (
        <p className="field__fix" id={ids.fix}>
          <strong>{t('serviceForm.fixReason')}</strong>
          {notes.fix}
        </p>
      )}
      {notes.prefill && (
        <p className="field__prefill" id={ids.prefill}>
          {notes.prefill}
          {notes.isLocked && (
            <>
              <span className="field__locked">{t('serviceForm.locked')}</span>
              <span className="visually-hidden">{t('serviceForm.lockedReason')}</span>
            </>
          )}
        </p>
      )}
      {errors.length > 0 && (
        <p className="field__error" id={ids.error}>
          <span className="visually-hidden">{t('common.errorPrefix')}</span>
          {errors.join(t('serviceForm.errorSeparator'))}
        </p>
      )}
    </>
  );
}

function FieldTemplate(props: FieldTemplateProps<FormData>) {
  const { t } = useTranslation();
  const { id, label, required, rawErrors, children, hidden, fieldPathId, uiSchema, registry } = props;
  // The root object: its fields, nothing around them.
  if (fieldPathId.path.length === 0) return children;
  if (hidden) return <div hidden>{children}</div>;
  const notes = (registry.formContext as RendererContext).notes[id] ?? {};
  const errors = (rawErrors ?? []).filter((message) => message !== '');
  const widget = uiSchema?.['ui:widget'];
  const classes = ['field'];
  if (errors.length > 0) classes.push('field--error');
  if (notes.fix) classes.push('field--to-fix');
  const mark = required ? <RequiredMark label={t('serviceForm.requiredMark')} /> : null;

  if (widget === 'radio') {
    classes.push('field--choices');
    return (
      <fieldset className={classes.join(' ')} aria-describedby={describedBy(id, notes, errors.length > 0)}>
        <legend className="field__label">
          {label}
          {mark}
        </legend>
        <Notes id={id} notes={notes} errors={errors} />
        {children}
      </fieldset>
    );
  }
  if (widget === 'checkbox') {
    return (
      <div className={classes.join(' ')}>
        <Notes id={id} notes={notes} errors={errors} />
        {children}
      </div>
    );
  }
  return (
    <div className={classes.join(' ')}>
      <label className="field__label" htmlFor={id}>
        {label}
        {mark}
      </label>
      <Notes id={id} notes={notes} errors={errors} />
      {children}
    </div>
  );
}

function ObjectFieldTemplate({ properties }: ObjectFieldTemplateProps<FormData>) {
  return <>{properties.map((property) => property.content)}</>;
}

const Nothing = (): ReactNode => null;

export const templates: Partial<TemplatesType<FormData>> = {
  FieldTemplate,
  ObjectFieldTemplate,
  ErrorListTemplate: Nothing,
  FieldErrorTemplate: Nothing,
  FieldHelpTemplate: Nothing,
  DescriptionFieldTemplate: Nothing,
  TitleFieldTemplate: Nothing,
};
