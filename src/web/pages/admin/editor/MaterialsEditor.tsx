import { useTranslation } from 'react-i18next';
import { SelectField } from '../../../components/ChoiceFields.tsx';
import { TextField } from '../../../components/TextField.tsx';
import { emptyMaterial } from './editor-fields.ts';
import type { MaterialFields } from './editor-fields.ts';
import type { ServiceSectionProps } from './section-props.ts';

/** The materials table as rows of fields: add, remove, mark as held by the government. */
export function MaterialsEditor({ fields, update, errorOf }: ServiceSectionProps) {
  const { t } = useTranslation();
  const materials = fields.materials;

  function change(index: number, patch: Partial<MaterialFields>) {
    update({ materials: materials.map((m, i) => (i === index ? { ...m, ...patch } : m)) });
  }
  function add() {
    update({ materials: [...materials, emptyMaterial()] });
    // Start typing in the new row at once.
    window.setTimeout(() => document.getElementById(`material-${materials.length}-nameZh`)?.focus(), 0);
  }
  function remove(index: number) {
    update({ materials: materials.filter((_, i) => i !== index) });
    window.setTimeout(() => document.getElementById('materials-add')?.focus(), 0);
  }

  return (
    <fieldset className="editor-section">
      <legend className="editor-section__title">{t('admin.editor.sections.materials')}</legend>
      <p className="fieldset__hint">{t('admin.editor.hints.materials')}</p>
      {materials.length === 0 && <p className="empty">{t('admin.editor.materials.none')}</p>}
      <ol className="material-rows">
        {materials.map((material, index) => {
          const id = (name: string) => `material-${index}-${name}`;
          const number = index + 1;
          return (
            <li className="material-row" key={index}>
              <fieldset className="material-row__fieldset">
                <legend className="material-row__legend">
                  {t('admin.editor.materials.legend', { number })}
                </legend>
                <div className="editor-pair">
                  <TextField
                    id={id('nameZh')}
                    label={t('admin.editor.materials.nameZh')}
                    value={material.nameZh}
                    onChange={(nameZh) => change(index, { nameZh })}
                    error={errorOf(id('nameZh'))}
                    lang="zh-CN"
                  />
                  <TextField
                    id={id('nameEn')}
                    label={t('admin.editor.materials.nameEn')}
                    value={material.nameEn}
                    onChange={(nameEn) => change(index, { nameEn })}
                    error={errorOf(id('nameEn'))}
                    lang="en"
                  />
                </div>
                <div className="editor-triple">
                  <SelectField
                    id={id('requirement')}
                    label={t('admin.editor.materials.requirement')}
                    value={material.requirement}
                    options={(['required', 'conditional'] as const).map((value) => ({
                      value,
                      label: t(`service.materials.requirement.${value}`),
                    }))}
                    onChange={(requirement) => change(index, { requirement })}
                    error={errorOf(id('requirement'))}
                  />
                  <SelectField
                    id={id('form')}
                    label={t('admin.editor.materials.form')}
                    value={material.form}
                    options={(['original', 'copy', 'electronic'] as const).map((value) => ({
                      value,
                      label: t(`service.materials.form.${value}`),
                    }))}
                    onChange={(form) => change(index, { form })}
                    error={errorOf(id('form'))}
                  />
                  <TextField
                    id={id('copies')}
                    label={t('admin.editor.materials.copies')}
                    value={material.copies}
                    onChange={(copies) => change(index, { copies })}
                    error={errorOf(id('copies'))}
                    inputMode="numeric"
                    isShort
                  />
                </div>
                {material.requirement === 'conditional' && (
                  <div className="editor-pair">
                    <TextField
                      id={id('conditionZh')}
                      label={t('admin.editor.materials.conditionZh')}
                      value={material.conditionZh}
                      onChange={(conditionZh) => change(index, { conditionZh })}
                      error={errorOf(id('conditionZh'))}
                      lang="zh-CN"
                    />
                    <TextField
                      id={id('conditionEn')}
                      label={t('admin.editor.materials.conditionEn')}
                      value={material.conditionEn}
                      onChange={(conditionEn) => change(index, { conditionEn })}
                      error={errorOf(id('conditionEn'))}
                      lang="en"
                    />
                  </div>
                )}
                <div className="choice">
                  <input
                    className="choice__input"
                    type="checkbox"
                    id={id('held')}
                    checked={material.isHeld}
                    onChange={(event) => change(index, { isHeld: event.target.checked })}
                  />
                  <label className="choice__label" htmlFor={id('held')}>
                    {t('admin.editor.materials.held')}
                  </label>
                </div>
                {material.isHeld && (
                  <div className="material-row__held">
                    <div className="editor-pair">
                      <SelectField
                        id={id('held-kind')}
                        label={t('admin.editor.materials.heldKind')}
                        value={material.heldKind}
                        options={(['certificate', 'register'] as const).map((value) => ({
                          value,
                          label: t(`admin.editor.materials.heldKinds.${value}`),
                        }))}
                        onChange={(heldKind) => change(index, { heldKind })}
                        error={errorOf(id('held-kind'))}
                      />
                      <TextField
                        id={id('held-source')}
                        label={t('admin.editor.materials.heldSource')}
                        hint={t('admin.editor.materials.heldSourceHint')}
                        value={material.heldSource}
                        onChange={(heldSource) => change(index, { heldSource })}
                        error={errorOf(id('held-source'))}
                        spellCheck={false}
                      />
                    </div>
                    <div className="editor-pair">
                      <TextField
                        id={id('held-sourceNameZh')}
                        label={t('admin.editor.materials.heldSourceNameZh')}
                        value={material.heldSourceNameZh}
                        onChange={(heldSourceNameZh) => change(index, { heldSourceNameZh })}
                        error={errorOf(id('held-sourceNameZh'))}
                        lang="zh-CN"
                      />
                      <TextField
                        id={id('held-sourceNameEn')}
                        label={t('admin.editor.materials.heldSourceNameEn')}
                        value={material.heldSourceNameEn}
                        onChange={(heldSourceNameEn) => change(index, { heldSourceNameEn })}
                        error={errorOf(id('held-sourceNameEn'))}
                        lang="en"
                      />
                    </div>
                  </div>
                )}
                <button
                  type="button"
                  className="button button--secondary button--small"
                  onClick={() => remove(index)}
                >
                  {t('admin.editor.materials.remove', { number })}
                </button>
              </fieldset>
            </li>
          );
        })}
      </ol>
      {errorOf('materials-add') && <p className="field__error">{errorOf('materials-add')}</p>}
      <button type="button" className="button button--secondary" id="materials-add" onClick={add}>
        {t('admin.editor.materials.add')}
      </button>
    </fieldset>
  );
}
