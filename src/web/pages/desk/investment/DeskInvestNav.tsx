import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router-dom';

/** Links between the desk's investment, policy library and figures pages (staff). */
export function DeskInvestNav() {
  const { t } = useTranslation();
  return (
    <nav aria-label={t('deskInvest.nav.label')}>
      <ul className="link-row">
        <li>
          <NavLink to="/desk/investment" end>
            {t('deskInvest.investment.title')}
          </NavLink>
        </li>
        <li>
          <NavLink to="/desk/policies/library" end>
            {t('deskInvest.library.title')}
          </NavLink>
        </li>
        <li>
          <NavLink to="/desk/metrics" end>
            {t('deskInvest.metrics.title')}
          </NavLink>
        </li>
      </ul>
    </nav>
  );
}
