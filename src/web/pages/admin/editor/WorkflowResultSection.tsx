import { useTranslation } from 'react-i18next';
import { TextAreaField } from '../../../components/ChoiceFields.tsx';
import type { ServiceSectionProps } from './section-props.ts';

/** The service's workflow (steps, roles, shares of the time limit) and the certificate it issues, as JSON. */
export function WorkflowResultSection({ fields, update, errorOf }: ServiceSectionProps) {
  const { t } = useTranslation();
  return (
    <fieldset className="editor-section">
      <legend className="editor-section__title">{t('editorExtra.title')}</legend>
      <p className="fieldset__hint">{t('editorExtra.hint')}</p>
      <TextAreaField
        id="workflow"
        label={t('editorExtra.workflow')}
        hint={t('editorExtra.workflowHint')}
        value={fields.workflow}
        onChange={(workflow) => update({ workflow })}
        error={errorOf('workflow')}
        rows={12}
        isCode
      />
      <TextAreaField
        id="result"
        label={t('editorExtra.result')}
        hint={t('editorExtra.resultHint')}
        value={fields.result}
        onChange={(result) => update({ result })}
        error={errorOf('result')}
        rows={5}
        isCode
      />
    </fieldset>
  );
}
