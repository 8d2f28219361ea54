import { useTranslation } from 'react-i18next';
import type { Channel, HandlingScope } from '../../../../contracts/catalog.ts';
import { ChoiceGroup, TextAreaField } from '../../../components/ChoiceFields.tsx';
import { TextField } from '../../../components/TextField.tsx';
import { formatFee } from '../../../lib/catalog-format.ts';
import { yuanToFen } from '../../../lib/catalog-format.ts';
import type { ServiceSectionProps } from './section-props.ts';

const CHANNELS: Channel[] = ['online', 'counter', 'terminal', 'open_api'];
const SCOPES: HandlingScope[] = ['district', 'city', 'cross_province'];

/** Legal and promised time limits (working days) and the fee (typed in yuan, stored in fen). */
export function LimitsSection({ fields, update, errorOf }: ServiceSectionProps) {
  const { t, i18n } = useTranslation();
  const fen = yuanToFen(fields.feeYuan);
  return (
    <fieldset className="editor-section">
      <legend className="editor-section__title">{t('admin.editor.sections.limits')}</legend>
      <div className="editor-pair">
        <TextField
          id="legalTimeLimitDays"
          label={t('admin.editor.fields.legalTimeLimitDays')}
          hint={t('admin.editor.hints.workingDays')}
          value={fields.legalTimeLimitDays}
          onChange={(legalTimeLimitDays) => update({ legalTimeLimitDays })}
          error={errorOf('legalTimeLimitDays')}
          inputMode="numeric"
          isShort
        />
        <TextField
          id="promisedTimeLimitDays"
          label={t('admin.editor.fields.promisedTimeLimitDays')}
          hint={t('admin.editor.hints.promised')}
          value={fields.promisedTimeLimitDays}
          onChange={(promisedTimeLimitDays) => update({ promisedTimeLimitDays })}
          error={errorOf('promisedTimeLimitDays')}
          inputMode="numeric"
          isShort
        />
      </div>
      <div className="editor-pair">
        <TextField
          id="feeYuan"
          label={t('admin.editor.fields.fee')}
          hint={
            fen === null
              ? t('admin.editor.hints.fee')
              : t('admin.editor.hints.feeShown', { fee: formatFee(fen, i18n.resolvedLanguage ?? 'zh-CN', t) })
          }
          value={fields.feeYuan}
          onChange={(feeYuan) => update({ feeYuan })}
          error={errorOf('feeYuan')}
          inputMode="decimal"
          isShort
        />
        <TextField
          id="feeNoteZh"
          label={t('admin.editor.fields.feeNoteZh')}
          value={fields.feeNoteZh}
          onChange={(feeNoteZh) => update({ feeNoteZh })}
          error={errorOf('feeNoteZh')}
          maxLength={500}
          lang="zh-CN"
        />
      </div>
    </fieldset>
  );
}

/** Channels, trips, and where it can be handled (with the provinces of 跨省通办). */
export function ChannelsSection({ fields, update, errorOf }: ServiceSectionProps) {
  const { t } = useTranslation();
  return (
    <fieldset className="editor-section">
      <legend className="editor-section__title">{t('admin.editor.sections.channels')}</legend>
      <ChoiceGroup
        id="channels"
        type="checkbox"
        label={t('admin.editor.fields.channels')}
        options={CHANNELS.map((channel) => ({ value: channel, label: t(`catalog.channels.${channel}`) }))}
        selected={fields.channels}
        onChange={(channels) => update({ channels })}
        error={errorOf('channels')}
        isInline
      />
      <ChoiceGroup
        id="tripsNeeded"
        type="radio"
        label={t('admin.editor.fields.tripsNeeded')}
        options={[
          { value: '0' as const, label: t('catalog.trips.zero') },
          { value: '1' as const, label: t('catalog.trips.count', { count: 1 }) },
        ]}
        selected={[fields.tripsNeeded]}
        onChange={([tripsNeeded]) => tripsNeeded && update({ tripsNeeded })}
        error={errorOf('tripsNeeded')}
        isInline
      />
      <ChoiceGroup
        id="handlingScope"
        type="radio"
        label={t('admin.editor.fields.handlingScope')}
        options={SCOPES.map((scope) => ({ value: scope, label: t(`catalog.scopes.${scope}`) }))}
        selected={[fields.handlingScope]}
        onChange={([handlingScope]) => handlingScope && update({ handlingScope })}
        error={errorOf('handlingScope')}
        isInline
      />
      {fields.handlingScope === 'cross_province' && (
        <TextAreaField
          id="provinces"
          label={t('admin.editor.fields.provinces')}
          hint={t('admin.editor.hints.onePerLine')}
          value={fields.provinces}
          onChange={(provinces) => update({ provinces })}
          error={errorOf('provinces')}
          rows={3}
        />
      )}
    </fieldset>
  );
}
