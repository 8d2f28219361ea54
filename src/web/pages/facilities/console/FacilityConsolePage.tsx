import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { getConsoleStreets } from '../../../api/facilities-endpoints.ts';
import { PageHeading } from '../../../components/PageHeading.tsx';
import { RequireSession } from '../../../components/RequireSession.tsx';
import { useApiResource } from '../../../lib/use-api-resource.ts';
import { useDocumentTitle } from '../../../lib/use-document-title.ts';
import { StreetConsoleView } from './StreetConsoleView.tsx';
import './console.css';

/**
 * `/facilities/console`: an operator lands on their street's console; a platform admin chooses a
 * street or a district.
 */
export function FacilityConsolePage() {
  return <RequireSession>{() => <ConsoleHome />}</RequireSession>;
}

function ConsoleHome() {
  const { t } = useTranslation();
  const load = useCallback(() => getConsoleStreets(), []);
  const [state] = useApiResource(load);
  useDocumentTitle(t('facilityConsole.title'));
  if (state.status === 'loading')
    return (
      <p className="status-message" role="status">
        {t('facilityConsole.loading')}
      </p>
    );
  if (state.status === 'failed')
    return (
      <>
        <PageHeading>{t('facilityConsole.title')}</PageHeading>
        <p className="notice notice--error" role="alert">
          {state.error.message}
        </p>
      </>
    );
  const { districts, isAdmin } = state.data;
  const streets = districts.flatMap((district) => district.streets);
  if (!isAdmin && streets.length === 1) return <StreetConsoleView street={streets[0]!.code} />;
  return (
    <>
      <PageHeading>{t('facilityConsole.title')}</PageHeading>
      <p className="lead">{t('facilityConsole.lead')}</p>
      <p>
        <Link to="/facilities/console/import">{t('facilityConsole.importLink')}</Link>
      </p>
      {streets.length === 0 && <p>{t('facilityConsole.noStreets')}</p>}
      {districts.map((district) => (
        <section key={district.code} aria-labelledby={`district-${district.code}`}>
          <h2 id={`district-${district.code}`}>
            {t('facilityConsole.streetsOf', { district: district.name })}
          </h2>
          {isAdmin && (
            <p>
              <Link to={`/facilities/console/districts/${district.code}`}>
                {t('facilityConsole.districtView', { district: district.name })}
              </Link>
            </p>
          )}
          <ul className="link-list">
            {district.streets.map((street) => (
              <li key={street.code}>
                <Link to={`/facilities/console/streets/${street.code}`}>{street.name}</Link>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </>
  );
}
