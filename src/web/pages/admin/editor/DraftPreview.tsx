import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { BundleDefinition, ServiceDefinition } from '../../../../contracts/catalog.ts';
import type { Department } from '../../../api/catalog-types.ts';
import { localName } from '../../../lib/local-name.ts';
import { ServiceView } from '../../catalog/service/ServiceView.tsx';

interface Props {
  entryType: 'service' | 'bundle';
  definition: ServiceDefinition | BundleDefinition;
  departments: Department[];
  onBack(): void;
}

/** "以居民视角预览": the service page as residents will see it, rendered from the unsaved draft. */
export function DraftPreview({ entryType, definition, departments, onBack }: Props) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'zh-CN';

  useEffect(() => {
    document.querySelector<HTMLElement>('main h1')?.focus();
  }, []);

  const department =
    entryType === 'service'
      ? departments.find((d) => d.code === (definition as ServiceDefinition).departmentCode)
      : undefined;
  const common = {
    code: definition.code,
    departmentName: department ? localName(department, language) : null,
    competentOffices: [],
    savings: null,
    isDraft: true,
  };

  return (
    <>
      <div className="preview-banner" role="region" aria-label={t('admin.preview.label')}>
        <p className="preview-banner__text">{t('admin.preview.banner')}</p>
        <button type="button" className="button button--primary" onClick={onBack}>
          {t('admin.preview.back')}
        </button>
      </div>
      {entryType === 'service' ? (
        <ServiceView
          model={{ ...common, type: 'service', definition: definition as ServiceDefinition, members: [] }}
        />
      ) : (
        <ServiceView
          model={{
            ...common,
            type: 'bundle',
            definition: definition as BundleDefinition,
            members: (definition as BundleDefinition).memberCodes.map((code) => ({
              id: code,
              code,
              nameZh: code,
              nameEn: code,
              departmentName: null,
            })),
          }}
        />
      )}
    </>
  );
}
