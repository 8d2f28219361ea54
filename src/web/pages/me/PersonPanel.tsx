import { useTranslation } from 'react-i18next';
import type { MePerson } from '../../api/types.ts';
import { formatDate } from '../../lib/format.ts';
import { pickName } from '../../lib/local-name.ts';

export function PersonPanel({ person }: { person: MePerson }) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'zh-CN';
  const area = [
    pickName(language, person.districtName, person.districtNameEn),
    pickName(language, person.streetName, person.streetNameEn),
  ]
    .filter(Boolean)
    .join(t('me.person.placeSeparator'));

  return (
    <section className="panel" aria-labelledby="person-title">
      <h2 className="panel__title" id="person-title">
        {t('me.person.title')}
      </h2>
      <dl className="facts">
        <div className="facts__row">
          <dt>{t('me.person.name')}</dt>
          <dd>{person.name}</dd>
        </div>
        <div className="facts__row">
          <dt>{t('me.person.idNumber')}</dt>
          <dd className="mono">{person.idNumberMasked}</dd>
        </div>
        <div className="facts__row">
          <dt>{t('me.person.phone')}</dt>
          <dd className="mono">{person.phoneMasked ?? t('common.none')}</dd>
        </div>
        <div className="facts__row">
          <dt>{t('me.person.area')}</dt>
          <dd>{area || t('common.none')}</dd>
        </div>
        <div className="facts__row">
          <dt>{t('me.person.address')}</dt>
          <dd>{person.address ?? t('common.none')}</dd>
        </div>
        <div className="facts__row">
          <dt>{t('me.person.verification')}</dt>
          <dd>
            {person.verifiedAt ? (
              <span className="badge badge--success">
                {t('me.person.verified', { date: formatDate(person.verifiedAt, language) })}
              </span>
            ) : (
              <span className="badge badge--warning">{t('me.person.notVerified')}</span>
            )}
          </dd>
        </div>
      </dl>
    </section>
  );
}
