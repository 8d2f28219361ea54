import { useTranslation } from 'react-i18next';
import { TextAreaField } from '../../../components/ChoiceFields.tsx';
import type { SectionProps } from './section-props.ts';

/** The guide in plain language (zh/en), and for services the conditions and the legal basis. */
export function GuideSection({ fields, update, errorOf }: SectionProps) {
  const { t } = useTranslation();
  return (
    <fieldset className="editor-section">
      <legend className="editor-section__title">{t('admin.editor.sections.guide')}</legend>
      <p className="fieldset__hint">{t('admin.editor.hints.plainLanguage')}</p>
      <div className="editor-pair">
        <TextAreaField
          id="guideZh"
          label={t('admin.editor.fields.guideZh')}
          value={fields.guideZh}
          onChange={(guideZh) => update({ guideZh })}
          error={errorOf('guideZh')}
          rows={6}
          lang="zh-CN"
        />
        <TextAreaField
          id="guideEn"
          label={t('admin.editor.fields.guideEn')}
          value={fields.guideEn}
          onChange={(guideEn) => update({ guideEn })}
          error={errorOf('guideEn')}
          rows={6}
          lang="en"
        />
      </div>
      {fields.entryType === 'service' && (
        <>
          <div className="editor-pair">
            <TextAreaField
              id="conditionsZh"
              label={t('admin.editor.fields.conditionsZh')}
              hint={t('admin.editor.hints.onePerLine')}
              value={fields.conditionsZh}
              onChange={(conditionsZh) => update({ conditionsZh })}
              error={errorOf('conditionsZh')}
              lang="zh-CN"
            />
            <TextAreaField
              id="conditionsEn"
              label={t('admin.editor.fields.conditionsEn')}
              hint={t('admin.editor.hints.onePerLine')}
              value={fields.conditionsEn}
              onChange={(conditionsEn) => update({ conditionsEn })}
              error={errorOf('conditionsEn')}
              lang="en"
            />
          </div>
          <TextAreaField
            id="legalBasisZh"
            label={t('admin.editor.fields.legalBasisZh')}
            value={fields.legalBasisZh}
            onChange={(legalBasisZh) => update({ legalBasisZh })}
            error={errorOf('legalBasisZh')}
            rows={3}
            lang="zh-CN"
          />
        </>
      )}
    </fieldset>
  );
}
