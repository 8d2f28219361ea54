import { useTranslation } from 'react-i18next';
import { TextAreaField } from '../../../components/ChoiceFields.tsx';
import { LazyFormPreview } from '../../../forms/LazyFormPreview.tsx';
import type { SectionProps } from './section-props.ts';

interface Props extends SectionProps {
  /** The last schema and ui that parsed: the preview keeps showing them while the JSON is mid-edit. */
  preview: { schema: Record<string, unknown>; ui: Record<string, unknown> };
}

/** The application form as JSON Schema and ui hints, with the rendered form beside them, live. */
export function FormSchemaEditor({ fields, update, errorOf, preview }: Props) {
  const { t } = useTranslation();
  return (
    <fieldset className="editor-section">
      <legend className="editor-section__title">{t('admin.editor.sections.form')}</legend>
      <p className="fieldset__hint">{t('admin.editor.hints.form')}</p>
      <div className="schema-editor">
        <div className="schema-editor__code">
          <TextAreaField
            id="formSchema"
            label={t('admin.editor.fields.formSchema')}
            hint={t('admin.editor.hints.formSchema')}
            value={fields.formSchema}
            onChange={(formSchema) => update({ formSchema })}
            error={errorOf('formSchema')}
            rows={24}
            isCode
          />
          <TextAreaField
            id="formUi"
            label={t('admin.editor.fields.formUi')}
            hint={t('admin.editor.hints.formUi')}
            value={fields.formUi}
            onChange={(formUi) => update({ formUi })}
            error={errorOf('formUi')}
            rows={12}
            isCode
          />
        </div>
        <section className="schema-editor__preview" aria-labelledby="live-preview-title">
          <h3 id="live-preview-title">{t('admin.editor.livePreview')}</h3>
          <p className="field__hint">{t('admin.editor.livePreviewHint')}</p>
          <div className="live-preview" data-testid="live-preview">
            <LazyFormPreview schema={preview.schema} ui={preview.ui} idPrefix="live-preview" isLive />
          </div>
        </section>
      </div>
    </fieldset>
  );
}
