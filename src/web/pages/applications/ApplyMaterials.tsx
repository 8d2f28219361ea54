import { useTranslation } from 'react-i18next';
import type { UploadedAttachment } from '../../api/attachments-endpoints.ts';
import { AttachmentUpload } from '../../components/attachments/AttachmentUpload.tsx';
import { pickName } from '../../lib/local-name.ts';
import { needsUpload, type ApplyMaterial } from './apply-loading.ts';

interface Props {
  materials: ApplyMaterial[];
  files: UploadedAttachment[];
  onChange(files: UploadedAttachment[]): void;
  disabled: boolean;
}

/**
 * The materials of the service: those the government already holds say so (免于提交) and where
 * they come from; each of the others has its file picker.
 */
export function ApplyMaterials({ materials, files, onChange, disabled }: Props) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'zh-CN';
  if (materials.length === 0) return <p>{t('service.materials.none')}</p>;
  const held = materials.filter((item) => !needsUpload(item));
  const toUpload = materials.filter(needsUpload);
  return (
    <>
      {toUpload.length > 0 && <p className="field__hint">{t('applications.materials.intro')}</p>}
      <ul className="apply-materials">
        {toUpload.map((item) => {
          const name = pickName(language, item.material.nameZh, item.material.nameEn);
          const condition = pickName(language, item.material.conditionZh, item.material.conditionEn);
          const label =
            item.material.requirement === 'required'
              ? t('applications.materials.requiredLabel', { name })
              : t('applications.materials.conditionalLabel', { name });
          return (
            <li key={item.key} className="apply-materials__item">
              {condition && (
                <p className="apply-materials__condition">{t('service.materials.when', { condition })}</p>
              )}
              <AttachmentUpload
                materialKey={item.key}
                label={label}
                files={files.filter((file) => file.materialKey === item.key)}
                onChange={(next) =>
                  onChange([...files.filter((file) => file.materialKey !== item.key), ...next])
                }
                disabled={disabled}
              />
            </li>
          );
        })}
      </ul>
      {held.length > 0 && (
        <>
          <h3 className="apply-materials__held-title">{t('applications.materials.heldTitle')}</h3>
          <ul className="apply-materials apply-materials--held">
            {held.map((item) => (
              <li key={item.key} className="material material--held">
                <span className="material__name">
                  {pickName(language, item.material.nameZh, item.material.nameEn)}
                </span>
                <span className="badge badge--success">
                  {t('applications.materials.notNeeded', {
                    source: pickName(language, item.sourceZh, item.sourceEn) ?? '',
                  })}
                </span>
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}
