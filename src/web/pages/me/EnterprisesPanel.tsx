import { useTranslation } from 'react-i18next';
import type { MeEnterprise } from '../../api/types.ts';
import { formatDate } from '../../lib/format.ts';

export function EnterprisesPanel({ enterprises }: { enterprises: MeEnterprise[] }) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'zh-CN';

  return (
    <section className="panel" aria-labelledby="enterprises-title">
      <h2 className="panel__title" id="enterprises-title">
        {t('me.enterprises.title')}
      </h2>
      {enterprises.length === 0 ? (
        <p className="empty">{t('me.enterprises.empty')}</p>
      ) : (
        <ul className="item-list">
          {enterprises.map((enterprise) => (
            <li className="item" key={enterprise.id}>
              <h3 className="item__title">{enterprise.name}</h3>
              <dl className="facts facts--compact">
                <div className="facts__row">
                  <dt>{t('me.enterprises.uscc')}</dt>
                  <dd className="mono">{enterprise.uscc}</dd>
                </div>
                <div className="facts__row">
                  <dt>{t('me.enterprises.role')}</dt>
                  <dd>{t(`me.enterprises.roles.${enterprise.role}`)}</dd>
                </div>
                <div className="facts__row">
                  <dt>{t('me.enterprises.expires')}</dt>
                  <dd>
                    {enterprise.expiresAt
                      ? formatDate(enterprise.expiresAt, language)
                      : t('me.enterprises.noExpiry')}
                  </dd>
                </div>
              </dl>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
