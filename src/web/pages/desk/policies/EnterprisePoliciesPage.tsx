import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { Me } from '../../../api/types.ts';
import { PageHeading } from '../../../components/PageHeading.tsx';
import { RequireSession } from '../../../components/RequireSession.tsx';
import { useApiResource } from '../../../lib/use-api-resource.ts';
import { useDocumentTitle } from '../../../lib/use-document-title.ts';
import { yuan, shanghaiDate } from './format.ts';
import { getEnterprisePolicies } from './policies-api.ts';
import { PendingPage } from '../PendingPage.tsx';

/** `/desk/policies`: the policies that found the enterprise, and what it got without applying. */
export function EnterprisePoliciesPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('deskInvest.enterprise.title'));
  return <RequireSession>{(me) => <Choose me={me} />}</RequireSession>;
}

function Choose({ me }: { me: Me }) {
  const { t } = useTranslation();
  const [enterpriseId, setEnterpriseId] = useState(me.enterprises[0]?.id ?? '');
  if (me.enterprises.length === 0)
    return (
      <>
        <PageHeading>{t('deskInvest.enterprise.title')}</PageHeading>
        <p>{t('deskInvest.enterprise.noEnterprise')}</p>
        {(me.isAdmin || me.staff.length > 0) && (
          <p>
            <Link to="/desk/policies/library">{t('deskInvest.library.title')}</Link>
          </p>
        )}
      </>
    );
  return (
    <>
      <PageHeading>{t('deskInvest.enterprise.title')}</PageHeading>
      <p className="lead">{t('deskInvest.enterprise.lead')}</p>
      {me.enterprises.length > 1 && (
        <div className="field">
          <label className="field__label" htmlFor="enterprise">
            {t('deskInvest.enterprise.choose')}
          </label>
          <select
            id="enterprise"
            className="field__select"
            value={enterpriseId}
            onChange={(event) => setEnterpriseId(event.target.value)}
          >
            {me.enterprises.map((enterprise) => (
              <option key={enterprise.id} value={enterprise.id}>
                {enterprise.name}
              </option>
            ))}
          </select>
        </div>
      )}
      <EnterprisePolicies key={enterpriseId} enterpriseId={enterpriseId} />
    </>
  );
}

function EnterprisePolicies({ enterpriseId }: { enterpriseId: string }) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'zh-CN';
  const isEn = language === 'en';
  const load = useCallback(() => getEnterprisePolicies(enterpriseId), [enterpriseId]);
  const [state] = useApiResource(load);
  if (state.status !== 'ready') return <PendingPage state={state} />;
  const { policies, benefits } = state.data;
  return (
    <>
      <h2>{t('deskInvest.enterprise.benefitsTitle')}</h2>
      {benefits.length === 0 ? (
        <p>{t('deskInvest.enterprise.noBenefits')}</p>
      ) : (
        <div className="table-scroll" tabIndex={0} role="region" aria-labelledby="benefits-caption">
          <table className="stat-table" data-testid="benefits">
            <caption id="benefits-caption">{t('deskInvest.enterprise.benefitsCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('deskInvest.col.policy')}</th>
                <th scope="col" className="stat-table__number">
                  {t('deskInvest.col.amount')}
                </th>
                <th scope="col">{t('deskInvest.col.grantedOn')}</th>
              </tr>
            </thead>
            <tbody>
              {benefits.map((benefit) => (
                <tr key={benefit.id}>
                  <th scope="row">
                    {isEn ? benefit.titleEn : benefit.titleZh} <span className="muted">({benefit.code})</span>
                  </th>
                  <td className="stat-table__number">{yuan(benefit.amountFen)}</td>
                  <td>{shanghaiDate(benefit.grantedAt, language)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <h2>{t('deskInvest.enterprise.policiesTitle')}</h2>
      {policies.length === 0 ? (
        <p>{t('deskInvest.enterprise.noPolicies')}</p>
      ) : (
        <ul className="item-list" data-testid="matched-policies">
          {policies.map((policy) => (
            <li key={policy.id} className="card">
              <h3>{isEn ? policy.titleEn : policy.titleZh}</h3>
              <p>{isEn ? policy.summaryEn : policy.summaryZh}</p>
              <p className="muted">
                {t('deskInvest.enterprise.issuedBy', {
                  office: isEn ? policy.issuerOfficeNameEn : policy.issuerOfficeNameZh,
                })}{' '}
                ·{' '}
                {policy.isAutoGrant && policy.benefitAmountFen !== null
                  ? t('deskInvest.enterprise.autoGranted', { amount: yuan(policy.benefitAmountFen) })
                  : t('deskInvest.enterprise.mayApply')}
              </p>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
