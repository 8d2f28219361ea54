import { useTranslation } from 'react-i18next';
import { formatFee, formatTrips, formatWorkingDays } from '../../lib/catalog-format.ts';

interface Props {
  promisedTimeLimitDays: number | null;
  feeFen: number | null;
  tripsNeeded: number | null;
}

/** The three numbers people compare services by: how long, how much, how many trips. */
export function ServiceFacts({ promisedTimeLimitDays, feeFen, tripsNeeded }: Props) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'zh-CN';
  if (promisedTimeLimitDays === null && feeFen === null && tripsNeeded === null) return null;
  return (
    <dl className="service-facts">
      {promisedTimeLimitDays !== null && (
        <div className="service-facts__item">
          <dt>{t('catalog.facts.promised')}</dt>
          <dd>{formatWorkingDays(promisedTimeLimitDays, t)}</dd>
        </div>
      )}
      {feeFen !== null && (
        <div className="service-facts__item">
          <dt>{t('catalog.facts.fee')}</dt>
          <dd>{formatFee(feeFen, language, t)}</dd>
        </div>
      )}
      {tripsNeeded !== null && (
        <div className="service-facts__item">
          <dt>{t('catalog.facts.trips')}</dt>
          <dd className={tripsNeeded === 0 ? 'service-facts__good' : undefined}>
            {formatTrips(tripsNeeded, t)}
          </dd>
        </div>
      )}
    </dl>
  );
}
