import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import type { ApiError } from '../../api/client.ts';
import { PageHeading } from '../../components/PageHeading.tsx';
import { ResourceStatus } from '../../components/ResourceStatus.tsx';
import { formatDate } from '../../lib/format.ts';
import { pickName } from '../../lib/local-name.ts';
import { useApiResource } from '../../lib/use-api-resource.ts';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { decideInteraction, getInteraction, scopeKey, type Interaction } from './open-platform-api.ts';
import './open-platform.css';

/**
 * Tongban's own authorization page (never inside the partner's app): which app, run by whom,
 * reviewed when, asks for which information and what for; the resident allows or refuses.
 */
export function AuthorizePage() {
  const { t } = useTranslation();
  useDocumentTitle(t('openPlatform.authorize.title'));
  const { uid = '' } = useParams();
  const load = useCallback(() => getInteraction(uid), [uid]);
  const [state] = useApiResource(load);
  return (
    <>
      <PageHeading>{t('openPlatform.authorize.title')}</PageHeading>
      <ResourceStatus
        state={state}
        notFound={
          <p className="notice notice--error" role="alert">
            {t('openPlatform.authorize.notFound')}
          </p>
        }
      >
        {(interaction) => <Consent interaction={interaction} />}
      </ResourceStatus>
    </>
  );
}

function Consent({ interaction }: { interaction: Interaction }) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'zh-CN';
  const [status, setStatus] = useState<'idle' | 'sending' | 'leaving'>('idle');
  const [error, setError] = useState<string | null>(null);
  const { app } = interaction;
  const appName = pickName(language, app.nameZh, app.nameEn);
  const next = encodeURIComponent(`/open-platform/authorize/${interaction.uid}`);

  async function decide(decision: 'allow' | 'deny') {
    setStatus('sending');
    setError(null);
    try {
      const { redirectTo } = await decideInteraction(interaction.uid, decision);
      setStatus('leaving');
      window.location.assign(redirectTo);
    } catch (caught) {
      setStatus('idle');
      setError((caught as ApiError).message);
    }
  }

  return (
    <section className="panel consent" aria-labelledby="consent-app">
      <h2 className="panel__title" id="consent-app">
        {appName}
      </h2>
      <p>{t('openPlatform.authorize.organisation', { name: app.organisation })}</p>
      <p>
        <span className="badge badge--success">
          {app.reviewedAt
            ? t('openPlatform.authorize.reviewed', { date: formatDate(app.reviewedAt, language) })
            : t(`openPlatform.status.${app.status}`)}
        </span>
      </p>
      <p className="lead">{t('openPlatform.authorize.lead', { app: appName })}</p>
      <h3>{t('openPlatform.authorize.asks')}</h3>
      <ul className="consent__scopes">
        {interaction.scopes.map((scope) => (
          <li key={scope}>
            <strong>{t(`openPlatform.scopes.${scopeKey(scope)}.name`)}</strong>
            <span className="consent__scope-text">
              {t(`openPlatform.scopes.${scopeKey(scope)}.description`)}
            </span>
          </li>
        ))}
      </ul>
      <h3>{t('openPlatform.authorize.purpose')}</h3>
      <p>{app.purpose}</p>
      <p>
        <a href={app.privacyPolicyUrl} rel="noopener noreferrer" target="_blank">
          {t('openPlatform.authorize.privacy')}
        </a>
      </p>
      {interaction.redirectHost && (
        <p>{t('openPlatform.authorize.returnsTo', { host: interaction.redirectHost })}</p>
      )}
      <div role="status" aria-live="polite">
        {status === 'leaving' && <p className="notice">{t('openPlatform.authorize.leaving')}</p>}
      </div>
      {error && (
        <p className="notice notice--error" role="alert">
          {error}
        </p>
      )}
      {!interaction.signedIn && (
        <p className="notice">
          {t('openPlatform.authorize.signIn')}{' '}
          <Link className="button button--primary" to={`/login?next=${next}`}>
            {t('openPlatform.authorize.signInLink')}
          </Link>
        </p>
      )}
      {interaction.signedIn && !interaction.canConsent && (
        <p className="notice notice--error">{t('openPlatform.authorize.notResident')}</p>
      )}
      {interaction.canConsent && (
        <div className="button-row">
          <button
            type="button"
            className="button button--primary"
            disabled={status !== 'idle'}
            onClick={() => void decide('allow')}
          >
            {t('openPlatform.authorize.allow')}
          </button>
          <button
            type="button"
            className="button button--secondary"
            disabled={status !== 'idle'}
            onClick={() => void decide('deny')}
          >
            {t('openPlatform.authorize.deny')}
          </button>
        </div>
      )}
      <p className="hint">
        {t('openPlatform.authorize.revokeHint')}{' '}
        <Link to="/data/consents">{t('openPlatform.authorize.consentsLink')}</Link>
      </p>
    </section>
  );
}
