import { useTranslation } from 'react-i18next';
import { ENTERPRISE_TOPICS, RESIDENT_TOPICS } from '../../../../contracts/catalog.ts';
import type { ServiceKind, ServiceSubject, Topic } from '../../../../contracts/catalog.ts';
import type { Department } from '../../../api/catalog-types.ts';
import { ChoiceGroup, SelectField, TextAreaField } from '../../../components/ChoiceFields.tsx';
import { TextField } from '../../../components/TextField.tsx';
import { itemsOf, useTopics } from '../../../lib/catalog-reference.ts';
import { localName } from '../../../lib/local-name.ts';
import type { SectionProps } from './section-props.ts';

const KINDS: ServiceKind[] = [
  'administrative_licence',
  'administrative_confirmation',
  'administrative_payment',
  'public_service',
  'registration',
  'query',
  'payment',
];
const SUBJECTS: ServiceSubject[] = ['resident', 'enterprise', 'both'];

interface Props extends SectionProps {
  /** The code and department cannot change once the entry exists. */
  isExisting: boolean;
  departments: Department[];
}

/** Code, names, department, kind, who it is for, topics, aliases, popularity. */
export function BasicsSection({ fields, update, errorOf, isExisting, departments }: Props) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'zh-CN';
  const topicNames = itemsOf(useTopics());
  const topicOption = (code: Topic) => {
    const topic = topicNames.find((item) => item.code === code);
    return { value: code, label: topic ? localName(topic, language) : code };
  };

  return (
    <fieldset className="editor-section">
      <legend className="editor-section__title">{t('admin.editor.sections.basics')}</legend>
      <TextField
        id="code"
        label={t('admin.editor.fields.code')}
        hint={isExisting ? t('admin.editor.hints.codeFixed') : t('admin.editor.hints.code')}
        value={fields.code}
        onChange={(code) => update({ code: code.toUpperCase() })}
        error={errorOf('code')}
        readOnly={isExisting}
        autoCapitalize="characters"
        spellCheck={false}
        maxLength={40}
        isShort
      />
      <div className="editor-pair">
        <TextField
          id="nameZh"
          label={t('admin.editor.fields.nameZh')}
          value={fields.nameZh}
          onChange={(nameZh) => update({ nameZh })}
          error={errorOf('nameZh')}
          maxLength={100}
          lang="zh-CN"
        />
        <TextField
          id="nameEn"
          label={t('admin.editor.fields.nameEn')}
          value={fields.nameEn}
          onChange={(nameEn) => update({ nameEn })}
          error={errorOf('nameEn')}
          maxLength={200}
          lang="en"
        />
      </div>
      {fields.entryType === 'service' && (
        <div className="editor-pair">
          <SelectField
            id="departmentCode"
            label={t('admin.editor.fields.department')}
            hint={isExisting ? t('admin.editor.hints.departmentFixed') : undefined}
            value={fields.departmentCode}
            options={departments.map((d) => ({ value: d.code, label: localName(d, language) }))}
            onChange={(departmentCode) => update({ departmentCode })}
            error={errorOf('departmentCode')}
            disabled={isExisting || departments.length <= 1}
          />
          <SelectField
            id="kind"
            label={t('admin.editor.fields.kind')}
            value={fields.kind}
            options={KINDS.map((kind) => ({ value: kind, label: t(`catalog.kinds.${kind}`) }))}
            onChange={(kind) => update({ kind })}
            error={errorOf('kind')}
          />
        </div>
      )}
      <ChoiceGroup
        id="subject"
        type="radio"
        label={t('admin.editor.fields.subject')}
        options={SUBJECTS.map((subject) => ({ value: subject, label: t(`catalog.subjects.${subject}`) }))}
        selected={[fields.subject]}
        onChange={([subject]) => subject && update({ subject })}
        error={errorOf('subject')}
        isInline
      />
      <ChoiceGroup
        id="topics"
        type="checkbox"
        label={t('admin.editor.fields.topics')}
        hint={t('admin.editor.hints.topics')}
        options={[...RESIDENT_TOPICS, ...ENTERPRISE_TOPICS].map(topicOption)}
        selected={fields.topics}
        onChange={(topics) => update({ topics })}
        error={errorOf('topics')}
        isInline
      />
      <TextAreaField
        id="aliases"
        label={t('admin.editor.fields.aliases')}
        hint={t('admin.editor.hints.aliases')}
        value={fields.aliases}
        onChange={(aliases) => update({ aliases })}
        error={errorOf('aliases')}
        rows={3}
      />
      <TextField
        id="popularity"
        label={t('admin.editor.fields.popularity')}
        hint={t('admin.editor.hints.popularity')}
        value={fields.popularity}
        onChange={(popularity) => update({ popularity })}
        error={errorOf('popularity')}
        inputMode="numeric"
        isShort
      />
    </fieldset>
  );
}
