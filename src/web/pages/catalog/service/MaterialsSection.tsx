import { useTranslation } from 'react-i18next';
import type { Material } from '../../../../contracts/catalog.ts';

/** "What you will need" and, separately, "what you won't need because we already hold it". */
export function MaterialsSection({ materials }: { materials: Material[] }) {
  const { t, i18n } = useTranslation();
  const isEnglish = i18n.resolvedLanguage === 'en';
  const toSubmit = materials.filter((m) => !m.heldByGovernment);
  const held = materials.filter((m) => m.heldByGovernment);

  return (
    <>
      <section className="service-section" aria-labelledby="materials-title">
        <h2 id="materials-title">{t('service.materials.title')}</h2>
        {toSubmit.length === 0 ? (
          <p className="notice notice--success">{t('service.materials.none')}</p>
        ) : (
          <ul className="material-list">
            {toSubmit.map((material, index) => {
              const condition = isEnglish ? material.conditionEn : material.conditionZh;
              return (
                <li className="material" key={`${material.nameZh}-${index}`}>
                  <h3 className="material__name">{isEnglish ? material.nameEn : material.nameZh}</h3>
                  <p className="material__tags">
                    <span className={material.requirement === 'required' ? 'tag tag--strong' : 'tag'}>
                      {t(`service.materials.requirement.${material.requirement}`)}
                    </span>
                    <span className="tag">{t(`service.materials.form.${material.form}`)}</span>
                    {material.copies !== undefined && material.copies > 1 && (
                      <span className="tag">{t('service.materials.copies', { count: material.copies })}</span>
                    )}
                  </p>
                  {material.requirement === 'conditional' && condition && (
                    <p className="material__condition">{t('service.materials.when', { condition })}</p>
                  )}
                </li>
              );
            })}
          </ul>
        )}
      </section>
      {held.length > 0 && (
        <section className="service-section service-section--held" aria-labelledby="held-title">
          <h2 id="held-title">{t('service.held.title')}</h2>
          <p>{t('service.held.intro')}</p>
          <ul className="material-list">
            {held.map((material, index) => {
              const source = material.heldByGovernment;
              return (
                <li className="material material--held" key={`${material.nameZh}-${index}`}>
                  <h3 className="material__name">{isEnglish ? material.nameEn : material.nameZh}</h3>
                  {source && (
                    <p className="material__source">
                      {t(`service.held.source.${source.kind}`, {
                        source: isEnglish ? source.sourceNameEn : source.sourceNameZh,
                      })}
                    </p>
                  )}
                </li>
              );
            })}
          </ul>
        </section>
      )}
    </>
  );
}
