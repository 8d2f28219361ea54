import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { FacilityListItem } from '../../api/facilities-endpoints.ts';
import { formatDistance, hoursOn, todayInShanghai } from './facility-format.ts';
import { useFacilityWords } from './use-facility-words.ts';

/** One facility in a list: number (as on the map), name, distance, kind, tier, open now and today's hours. */
export function FacilityResult({ item, label }: { item: FacilityListItem; label: string }) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'zh-CN';
  const words = useFacilityWords();
  const today = hoursOn(item.openingHours, todayInShanghai());
  return (
    <li className="result facility-result">
      <span className="facility-result__marker" aria-hidden="true">
        {label}
      </span>
      <div className="facility-result__body">
        <h3 className="result__title">
          <Link to={`/facilities/${encodeURIComponent(item.code)}`} lang="zh-CN">
            {item.name}
          </Link>
        </h3>
        <p className="result__meta facility-result__meta">
          {item.distanceMeters !== undefined && (
            <strong className="facility-result__distance">
              {t('facilities.result.distance', { distance: formatDistance(item.distanceMeters, language) })}
            </strong>
          )}
          <span>{words.nameType(item.nameType)}</span>
          <span>{words.tier(item.tier)}</span>
          <span>
            {item.districtName} · {item.streetName}
          </span>
        </p>
        <p className="facility-result__hours">
          <span className={`badge ${item.isOpenNow ? 'badge--success' : 'badge--muted'}`}>
            {item.isOpenNow ? t('facilities.openNow') : t('facilities.closedNow')}
          </span>{' '}
          {today === null
            ? t('facilities.result.hoursRaw', { hours: item.openingHours })
            : today.length === 0
              ? t('facilities.result.closedToday')
              : t('facilities.result.today', { hours: today.join(t('common.listSeparator')) })}
        </p>
        <p className="facility-result__address" lang="zh-CN">
          {item.address}
        </p>
      </div>
    </li>
  );
}
