import { useTranslation } from 'react-i18next';
import { ChoiceGroup, TextAreaField } from '../../../components/ChoiceFields.tsx';
import type { BundleSectionProps } from './section-props.ts';

/** A bundle's member services (by code), what happens when one refuses, and the field mapping. */
export function BundleMembersEditor({ fields, update, errorOf }: BundleSectionProps) {
  const { t } = useTranslation();
  return (
    <fieldset className="editor-section">
      <legend className="editor-section__title">{t('admin.editor.sections.members')}</legend>
      <TextAreaField
        id="memberCodes"
        label={t('admin.editor.fields.memberCodes')}
        hint={t('admin.editor.hints.memberCodes')}
        value={fields.memberCodes}
        onChange={(memberCodes) => update({ memberCodes })}
        error={errorOf('memberCodes')}
        rows={5}
        isCode
      />
      <ChoiceGroup
        id="onMemberRefused"
        type="radio"
        label={t('admin.editor.fields.onMemberRefused')}
        options={(['fail_bundle', 'continue_others'] as const).map((value) => ({
          value,
          label: t(`admin.editor.onMemberRefused.${value}`),
        }))}
        selected={[fields.onMemberRefused]}
        onChange={([onMemberRefused]) => onMemberRefused && update({ onMemberRefused })}
        error={errorOf('onMemberRefused')}
      />
      <TextAreaField
        id="mapping"
        label={t('admin.editor.fields.mapping')}
        hint={t('admin.editor.hints.mapping')}
        value={fields.mapping}
        onChange={(mapping) => update({ mapping })}
        error={errorOf('mapping')}
        rows={10}
        isCode
      />
    </fieldset>
  );
}
