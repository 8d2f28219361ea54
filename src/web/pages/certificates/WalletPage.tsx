import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { listMyCertificates, type CertificateSummary } from '../../api/certificates-endpoints.ts';
import type { Me } from '../../api/types.ts';
import { PageHeading } from '../../components/PageHeading.tsx';
import { ResourceStatus } from '../../components/ResourceStatus.tsx';
import { RequireSession } from '../../components/RequireSession.tsx';
import { useApiResource } from '../../lib/use-api-resource.ts';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { useCertificateWords } from './certificate-words.ts';
import './certificates.css';

/** 我的电子证照: the resident's own certificates and those of each enterprise they act for. */
export function WalletPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('certificates.wallet.title'));
  return <RequireSession>{(me) => <Wallet me={me} />}</RequireSession>;
}

function Wallet({ me }: { me: Me }) {
  const { t } = useTranslation();
  return (
    <>
      <PageHeading>{t('certificates.wallet.title')}</PageHeading>
      <p className="lead">{t('certificates.wallet.lead')}</p>
      {me.person && <WalletSection titleId="wallet-own" title={t('certificates.wallet.ownTitle')} />}
      {me.enterprises.map((enterprise) => (
        <WalletSection
          key={enterprise.id}
          titleId={`wallet-${enterprise.id}`}
          title={t('certificates.wallet.enterpriseTitle', { name: enterprise.name })}
          enterpriseId={enterprise.id}
        />
      ))}
    </>
  );
}

function WalletSection({
  title,
  titleId,
  enterpriseId,
}: {
  title: string;
  titleId: string;
  enterpriseId?: string;
}) {
  const { t } = useTranslation();
  const load = useCallback(() => listMyCertificates(enterpriseId), [enterpriseId]);
  const [state] = useApiResource(load);
  return (
    <section className="panel wallet" aria-labelledby={titleId}>
      <h2 className="panel__title" id={titleId}>
        {title}
      </h2>
      <ResourceStatus state={state}>
        {({ items }) =>
          items.length === 0 ? (
            <p className="empty">{t('certificates.wallet.empty')}</p>
          ) : (
            <ul className="item-list">
              {items.map((certificate) => (
                <WalletItem key={certificate.id} certificate={certificate} />
              ))}
            </ul>
          )
        }
      </ResourceStatus>
    </section>
  );
}

function WalletItem({ certificate }: { certificate: CertificateSummary }) {
  const { t } = useTranslation();
  const words = useCertificateWords();
  const name = words.pick(certificate.nameZh, certificate.nameEn);
  return (
    <li className="item certificate-item">
      <h3 className="item__title">
        <Link to={`/me/certificates/${certificate.id}`} aria-label={t('certificates.wallet.open', { name })}>
          {name}
        </Link>{' '}
        <span className={words.statusBadge(certificate.status)}>
          {t(`certificates.status.${certificate.status}`)}
        </span>
      </h3>
      <dl className="facts facts--compact">
        <div className="facts__row">
          <dt>{t('certificates.wallet.number')}</dt>
          <dd className="mono">{certificate.number}</dd>
        </div>
        <div className="facts__row">
          <dt>{t('certificates.wallet.office')}</dt>
          <dd>{words.pick(certificate.issuingOffice.nameZh, certificate.issuingOffice.nameEn)}</dd>
        </div>
        <div className="facts__row">
          <dt>{t('certificates.wallet.validity')}</dt>
          <dd>{words.validity(certificate.validFrom, certificate.validUntil)}</dd>
        </div>
      </dl>
    </li>
  );
}
