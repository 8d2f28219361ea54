import { useTranslation } from 'react-i18next';
import type { MePerson } from '../../api/types.ts';
import { localisePlace, useDistricts } from '../../lib/districts.ts';
import { formatDate } from '../../lib/format.ts';

export function PersonPanel({ person }: { person: MePerson }) {
  const { t, i18n } = useTranslation();
  const districts = useDistricts();
  const language = i18n.resolvedLanguage ?? 'zh-CN';
  const place = localisePlace(districts.status === 'ready' ? districts.districts : null, language, person);
  const area = [place.district, place.street].filter(Boolean).join(t('me.person.placeSeparator'));

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
          <dd className="mono">{person.phoneMasked || t('common.none')}</dd>
        </div>
        <div className="facts__row">
          <dt>{t('me.person.area')}</dt>
          <dd>{area || t('common.none')}</dd>
        </div>
        <div className="facts__row">
          <dt>{t('me.person.address')}</dt>
          <dd>{person.address || t('common.none')}</dd>
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
