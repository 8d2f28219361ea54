import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import {
  certificateQrUrl,
  getMyCertificate,
  type CertificateDetail,
} from '../../api/certificates-endpoints.ts';
import { PageHeading } from '../../components/PageHeading.tsx';
import { RequireSession } from '../../components/RequireSession.tsx';
import { ResourceStatus } from '../../components/ResourceStatus.tsx';
import { formatDateTime } from '../../lib/format.ts';
import { useApiResource } from '../../lib/use-api-resource.ts';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { NotFoundPage } from '../NotFoundPage.tsx';
import { useCertificateWords } from './certificate-words.ts';
import './certificates.css';

/** One certificate of the wallet: what it says, its validity, its signature check and QR code. */
export function CertificatePage() {
  return <RequireSession>{() => <CertificateLoader />}</RequireSession>;
}

function CertificateLoader() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const load = useCallback(() => getMyCertificate(id), [id]);
  const [state] = useApiResource(load);
  const words = useCertificateWords();
  useDocumentTitle(
    state.status === 'ready'
      ? words.pick(state.data.nameZh, state.data.nameEn)
      : t('certificates.detail.title'),
  );
  return (
    <ResourceStatus state={state} notFound={<NotFoundPage />}>
      {(certificate) => <CertificateView certificate={certificate} />}
    </ResourceStatus>
  );
}

function CertificateView({ certificate }: { certificate: CertificateDetail }) {
  const { t } = useTranslation();
  const words = useCertificateWords();
  return (
    <article className="certificate-page">
      <p>
        <Link to="/me/certificates">{t('certificates.wallet.back')}</Link>
      </p>
      <PageHeading>{words.pick(certificate.nameZh, certificate.nameEn)}</PageHeading>
      <p>
        <span className={words.statusBadge(certificate.status)}>
          {t(`certificates.status.${certificate.status}`)}
        </span>
      </p>
      {certificate.revokedReason && (
        <p className="notice notice--error">
          {t('certificates.detail.revokedReason', { reason: certificate.revokedReason })}
        </p>
      )}
      <p className={certificate.signatureValid ? 'notice notice--success' : 'notice notice--error'}>
        {certificate.signatureValid
          ? t('certificates.detail.signatureValid')
          : t('certificates.detail.signatureInvalid')}
      </p>
      <div className="certificate-page__grid">
        <section className="panel" aria-labelledby="certificate-data">
          <h2 className="panel__title" id="certificate-data">
            {t('certificates.detail.dataTitle')}
          </h2>
          <dl className="facts">
            <div className="facts__row">
              <dt>{t('certificates.wallet.number')}</dt>
              <dd className="mono">{certificate.number}</dd>
            </div>
            <div className="facts__row">
              <dt>{t('certificates.detail.holder')}</dt>
              <dd>{certificate.holder.name}</dd>
            </div>
            {certificate.display.map((entry) => (
              <div className="facts__row" key={entry.key}>
                <dt>{words.pick(entry.labelZh, entry.labelEn)}</dt>
                <dd>{words.pick(entry.valueZh, entry.valueEn)}</dd>
              </div>
            ))}
            <div className="facts__row">
              <dt>{t('certificates.wallet.office')}</dt>
              <dd>{words.pick(certificate.issuingOffice.nameZh, certificate.issuingOffice.nameEn)}</dd>
            </div>
            <div className="facts__row">
              <dt>{t('certificates.wallet.validity')}</dt>
              <dd>{words.validity(certificate.validFrom, certificate.validUntil)}</dd>
            </div>
            <div className="facts__row">
              <dt>{t('certificates.detail.issuedAt')}</dt>
              <dd>{formatDateTime(certificate.issuedAt, words.language)}</dd>
            </div>
          </dl>
        </section>
        <section className="panel certificate-page__qr" aria-labelledby="certificate-qr">
          <h2 className="panel__title" id="certificate-qr">
            {t('certificates.detail.qrTitle')}
          </h2>
          <img
            src={certificateQrUrl(certificate.number)}
            alt={t('certificates.detail.qrAlt', { number: certificate.number })}
            width={200}
            height={200}
          />
          <p>
            <Link to={certificate.verifyPath}>{t('certificates.detail.verifyLink')}</Link>
          </p>
        </section>
      </div>
    </article>
  );
}
