import { useCallback, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router-dom';
import {
  CERTIFICATE_NUMBER,
  verifyCertificate,
  type VerifyResult,
} from '../../api/certificates-endpoints.ts';
import { ErrorSummary } from '../../components/ErrorSummary.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { TextField } from '../../components/TextField.tsx';
import { formatDateTime } from '../../lib/format.ts';
import { useApiResource } from '../../lib/use-api-resource.ts';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { useCertificateWords } from './certificate-words.ts';
import './certificates.css';

/** The public check of a certificate: `/verify` asks for a number, `/verify/:number` answers. */
export function VerifyPage() {
  const { t } = useTranslation();
  const { number } = useParams();
  useDocumentTitle(
    number ? `${t('certificates.verify.resultTitle')} ${number}` : t('certificates.verify.title'),
  );
  return (
    <>
      <PageHeading>{t('certificates.verify.title')}</PageHeading>
      {number ? <VerifyAnswer number={number} /> : <VerifyForm />}
    </>
  );
}

function VerifyForm() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [number, setNumber] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [attempt, setAttempt] = useState(0);

  function submit(event: FormEvent) {
    event.preventDefault();
    const value = number.trim().toUpperCase();
    const problem = !value
      ? t('certificates.verify.numberRequired')
      : CERTIFICATE_NUMBER.test(value)
        ? undefined
        : t('certificates.verify.numberInvalid');
    setError(problem);
    if (problem) {
      setAttempt((value) => value + 1);
      return;
    }
    void navigate(`/verify/${encodeURIComponent(value)}`);
  }

  return (
    <>
      <p className="lead">{t('certificates.verify.lead')}</p>
      <ErrorSummary
        items={error ? [{ fieldId: 'certificate-number', message: error }] : []}
        focusKey={attempt}
      />
      <form className="form verify-form" noValidate onSubmit={submit}>
        <TextField
          id="certificate-number"
          label={t('certificates.verify.numberLabel')}
          hint={t('certificates.verify.numberHint')}
          value={number}
          onChange={setNumber}
          error={error}
          autoComplete="off"
          spellCheck={false}
          autoCapitalize="characters"
          maxLength={40}
        />
        <button type="submit" className="button button--primary">
          {t('certificates.verify.submit')}
        </button>
      </form>
    </>
  );
}

function VerifyAnswer({ number }: { number: string }) {
  const { t } = useTranslation();
  const load = useCallback(() => verifyCertificate(number), [number]);
  const [state] = useApiResource(load);
  return (
    <section aria-labelledby="verify-result" className="verify-result">
      <h2 id="verify-result">{t('certificates.verify.resultTitle')}</h2>
      <div aria-live="polite">
        {state.status === 'loading' && (
          <p className="status-message" role="status">
            {t('certificates.verify.checking')}
          </p>
        )}
        {state.status === 'failed' && (
          <p className="notice notice--error" role="alert">
            {state.error.code === 'VALIDATION_FAILED'
              ? t('certificates.verify.notFound', { number })
              : state.error.message}
          </p>
        )}
        {state.status === 'ready' && <VerifyFacts result={state.data} />}
      </div>
      <p>
        <Link to="/verify">{t('certificates.verify.another')}</Link>
      </p>
    </section>
  );
}

function VerifyFacts({ result }: { result: VerifyResult }) {
  const { t } = useTranslation();
  const words = useCertificateWords();
  if (result.status === 'not_found') {
    return (
      <p className="notice notice--error verify-verdict" data-status="not_found">
        {t('certificates.verify.notFound', { number: result.number })}
      </p>
    );
  }
  const isForged = result.signatureValid === false;
  const verdict = isForged
    ? t('certificates.verify.signatureInvalid')
    : t(`certificates.verify.${result.status}`);
  const tone = !isForged && result.status === 'valid' ? 'notice--success' : 'notice--error';
  return (
    <>
      <p
        className={`notice ${tone} verify-verdict`}
        data-status={isForged ? 'signature_invalid' : result.status}
      >
        {verdict}
      </p>
      <dl className="facts">
        <div className="facts__row">
          <dt>{t('certificates.wallet.number')}</dt>
          <dd className="mono">{result.number}</dd>
        </div>
        <div className="facts__row">
          <dt>{t('certificates.verify.name')}</dt>
          <dd>
            {words.pick(result.nameZh, result.nameEn)}{' '}
            <span className={words.statusBadge(result.status)}>
              {t(`certificates.status.${result.status}`)}
            </span>
          </dd>
        </div>
        <div className="facts__row">
          <dt>{t('certificates.verify.holder')}</dt>
          <dd>{result.holderNameMasked}</dd>
        </div>
        <div className="facts__row">
          <dt>{t('certificates.verify.office')}</dt>
          <dd>{words.pick(result.issuingOfficeNameZh, result.issuingOfficeNameEn)}</dd>
        </div>
        <div className="facts__row">
          <dt>{t('certificates.verify.validFrom')}</dt>
          <dd>{result.validFrom ? words.date(result.validFrom) : ''}</dd>
        </div>
        <div className="facts__row">
          <dt>{t('certificates.verify.validUntil')}</dt>
          <dd>{result.validUntil ? words.date(result.validUntil) : t('certificates.verify.longTerm')}</dd>
        </div>
        {result.revokedAt && (
          <div className="facts__row">
            <dt>{t('certificates.verify.revokedAt')}</dt>
            <dd>{formatDateTime(result.revokedAt, words.language)}</dd>
          </div>
        )}
      </dl>
    </>
  );
}
