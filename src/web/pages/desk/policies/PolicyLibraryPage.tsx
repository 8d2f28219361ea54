import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { DeskInvestNav } from '../investment/DeskInvestNav.tsx';
import { PageHeading } from '../../../components/PageHeading.tsx';
import { RequireSession } from '../../../components/RequireSession.tsx';
import { useApiResource } from '../../../lib/use-api-resource.ts';
import { useDocumentTitle } from '../../../lib/use-document-title.ts';
import { yuan } from './format.ts';
import { listPolicies } from './policies-api.ts';

/** `/desk/policies/library`: the policy library for authors and service managers. */
export function PolicyLibraryPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('deskInvest.library.title'));
  return <RequireSession>{() => <Library />}</RequireSession>;
}

function Library() {
  const { t, i18n } = useTranslation();
  const isEn = i18n.resolvedLanguage === 'en';
  const load = useCallback(() => listPolicies(), []);
  const [state] = useApiResource(load);
  return (
    <>
      <PageHeading>{t('deskInvest.library.title')}</PageHeading>
      <DeskInvestNav />
      <p className="lead">{t('deskInvest.library.lead')}</p>
      <p>
        <Link to="/desk/policies/library/new">{t('deskInvest.library.new')}</Link>
      </p>
      {state.status === 'loading' && (
        <p className="status-message" role="status">
          {t('deskInvest.loading')}
        </p>
      )}
      {state.status === 'failed' && (
        <p className="notice notice--error" role="alert">
          {state.error.message}
        </p>
      )}
      {state.status === 'ready' && (
        <div className="table-scroll" tabIndex={0} role="region" aria-labelledby="library-caption">
          <table className="stat-table" data-testid="policy-library">
            <caption id="library-caption">{t('deskInvest.library.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('deskInvest.col.policy')}</th>
                <th scope="col">{t('deskInvest.col.status')}</th>
                <th scope="col">{t('deskInvest.col.kind')}</th>
                <th scope="col" className="stat-table__number">
                  {t('deskInvest.col.ruleVersion')}
                </th>
                <th scope="col" className="stat-table__number">
                  {t('deskInvest.col.matched')}
                </th>
                <th scope="col" className="stat-table__number">
                  {t('deskInvest.col.benefits')}
                </th>
              </tr>
            </thead>
            <tbody>
              {state.data.map((policy) => (
                <tr key={policy.id}>
                  <th scope="row">
                    <Link to={`/desk/policies/library/${policy.id}`}>
                      {isEn ? policy.titleEn : policy.titleZh}
                    </Link>{' '}
                    <span className="muted">({policy.code})</span>
                  </th>
                  <td>{t(`deskInvest.status.${policy.status}`)}</td>
                  <td>
                    {policy.isAutoGrant && policy.benefitAmountFen !== null
                      ? t('deskInvest.library.autoGrant', { amount: yuan(policy.benefitAmountFen) })
                      : t('deskInvest.library.apply')}
                  </td>
                  <td className="stat-table__number">{policy.ruleVersion}</td>
                  <td className="stat-table__number">{policy.matchedNow}</td>
                  <td className="stat-table__number">{policy.benefitsGranted}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
