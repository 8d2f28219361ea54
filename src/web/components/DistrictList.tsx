import { useTranslation } from 'react-i18next';
import { useDistricts } from '../lib/districts.ts';
import { localName } from '../lib/local-name.ts';

/** Every district the platform covers, with its streets and towns (from the reference API). */
export function DistrictList() {
  const { t, i18n } = useTranslation();
  const state = useDistricts();
  const language = i18n.resolvedLanguage ?? 'zh-CN';

  if (state.status === 'loading') {
    return (
      <p className="status-message" role="status">
        {t('home.districts.loading')}
      </p>
    );
  }
  if (state.status === 'failed') {
    return (
      <p className="notice notice--error" role="alert">
        {t('home.districts.failed', { message: state.error.message })}
      </p>
    );
  }

  const { districts } = state;
  const streetTotal = districts.reduce(
    (sum, d) => sum + d.streets.filter((s) => s.kind === 'street').length,
    0,
  );
  const townTotal = districts.reduce((sum, d) => sum + d.streets.filter((s) => s.kind === 'town').length, 0);

  return (
    <>
      <p className="lead">
        {t('home.districts.summary', { count: districts.length, streets: streetTotal, towns: townTotal })}
      </p>
      <ul className="district-grid">
        {districts.map((district) => {
          const streets = district.streets.filter((s) => s.kind === 'street').length;
          const towns = district.streets.filter((s) => s.kind === 'town').length;
          return (
            <li className="district" key={district.code}>
              <h3 className="district__name">{localName(district, language)}</h3>
              <p className="district__counts">
                {[
                  streets > 0 ? t('home.districts.streetCount', { count: streets }) : null,
                  towns > 0 ? t('home.districts.townCount', { count: towns }) : null,
                ]
                  .filter(Boolean)
                  .join(t('home.districts.countSeparator'))}
              </p>
              {district.streets.length > 0 && (
                <details className="district__details">
                  <summary>
                    {t('home.districts.showStreets', { district: localName(district, language) })}
                  </summary>
                  <ul className="district__streets">
                    {district.streets.map((street) => (
                      <li key={street.code}>{localName(street, language)}</li>
                    ))}
                  </ul>
                </details>
              )}
            </li>
          );
        })}
      </ul>
    </>
  );
}
