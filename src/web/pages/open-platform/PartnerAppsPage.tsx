import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../api/client.ts';
import { REQUESTABLE_OPEN_SCOPES, type RequestableOpenScope } from '../../../contracts/api/open-platform.ts';
import { ChoiceGroup, TextAreaField } from '../../components/ChoiceFields.tsx';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { RequireSession } from '../../components/RequireSession.tsx';
import { ResourceStatus } from '../../components/ResourceStatus.tsx';
import { TextField } from '../../components/TextField.tsx';
import { pickName } from '../../lib/local-name.ts';
import { useApiResource } from '../../lib/use-api-resource.ts';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import {
  listMyApps,
  registerApp,
  rotateSecret,
  scopeKey,
  type OpenApp,
  type OpenAppSecret,
} from './open-platform-api.ts';
import './open-platform.css';

/** 开放平台 for partners: my apps with their review, the secret shown once, registering an app. */
export function PartnerAppsPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('openPlatform.partner.title'));
  return <RequireSession>{() => <PartnerApps />}</RequireSession>;
}

function PartnerApps() {
  const { t } = useTranslation();
  const [apps, reload] = useApiResource(listMyApps);
  const [notice, setNotice] = useState<string | null>(null);
  const [secret, setSecret] = useState<OpenAppSecret | null>(null);
  return (
    <>
      <PageHeading>{t('openPlatform.partner.title')}</PageHeading>
      <p className="lead">{t('openPlatform.partner.lead')}</p>
      <div role="status" aria-live="polite">
        {notice && <p className="notice notice--success">{notice}</p>}
      </div>
      {secret && (
        <section className="panel" aria-labelledby="secret-title">
          <h2 className="panel__title" id="secret-title">
            {t('openPlatform.partner.secretTitle')}
          </h2>
          <p>{t('openPlatform.partner.secretHint')}</p>
          <p>
            {t('openPlatform.partner.clientId')}: <code>{secret.clientId}</code>
          </p>
          <p className="secret-box" aria-label={t('openPlatform.partner.secretTitle')}>
            {secret.clientSecret}
          </p>
          <button type="button" className="button button--primary" onClick={() => setSecret(null)}>
            {t('openPlatform.partner.secretDone')}
          </button>
        </section>
      )}
      <section aria-labelledby="my-apps-title">
        <h2 id="my-apps-title">{t('openPlatform.partner.mine')}</h2>
        <ResourceStatus state={apps}>
          {(data) =>
            data.items.length === 0 ? (
              <p className="empty">{t('openPlatform.partner.none')}</p>
            ) : (
              <ul className="item-list">
                {data.items.map((app) => (
                  <AppItem
                    key={app.id}
                    app={app}
                    onSecret={(issued) => {
                      setNotice(null);
                      setSecret(issued);
                      reload();
                    }}
                  />
                ))}
              </ul>
            )
          }
        </ResourceStatus>
      </section>
      <RegisterForm
        onRegistered={() => {
          setNotice(t('openPlatform.partner.registered'));
          reload();
        }}
      />
    </>
  );
}

function AppItem({ app, onSecret }: { app: OpenApp; onSecret(secret: OpenAppSecret): void }) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'zh-CN';
  const [isAsking, setIsAsking] = useState(false);
  const [error, setError] = useState<string | null>(null);
  async function take() {
    try {
      onSecret(await rotateSecret(app.id));
    } catch (caught) {
      setError((caught as ApiError).message);
    }
  }
  return (
    <li className="item">
      <h3 className="item__title">
        {pickName(language, app.nameZh, app.nameEn)}{' '}
        <span className={app.status === 'approved' ? 'badge badge--success' : 'badge badge--muted'}>
          {t(`openPlatform.status.${app.status}`)}
        </span>
      </h3>
      <p>
        {t('openPlatform.partner.clientId')}: <code>{app.id}</code>
      </p>
      <p>
        {t('openPlatform.partner.redirects')}: {app.redirectUris.join('、')}
      </p>
      <p>
        {t('openPlatform.partner.scopes')}:{' '}
        {app.scopes.map((s) => t(`openPlatform.scopes.${scopeKey(s)}.name`)).join('、')}
      </p>
      {app.reviewNote && <p>{t('openPlatform.partner.reviewNote', { note: app.reviewNote })}</p>}
      {error && (
        <p className="notice notice--error" role="alert">
          {error}
        </p>
      )}
      {app.status === 'approved' && !app.hasSecret && (
        <button type="button" className="button button--primary button--small" onClick={() => void take()}>
          {t('openPlatform.partner.takeSecret')}
        </button>
      )}
      {app.status === 'approved' && app.hasSecret && (
        <button
          type="button"
          className="button button--secondary button--small"
          onClick={() => setIsAsking(true)}
        >
          {t('openPlatform.partner.rotateSecret')}
        </button>
      )}
      <ConfirmDialog
        isOpen={isAsking}
        title={t('openPlatform.partner.rotateSecret')}
        body={t('openPlatform.partner.confirmRotate')}
        confirmLabel={t('openPlatform.partner.rotateSecret')}
        isDanger
        onCancel={() => setIsAsking(false)}
        onConfirm={() => {
          setIsAsking(false);
          void take();
        }}
      />
    </li>
  );
}

const EMPTY = {
  nameZh: '',
  nameEn: '',
  organisation: '',
  purpose: '',
  privacyPolicyUrl: '',
  redirectUris: '',
};

function RegisterForm({ onRegistered }: { onRegistered(): void }) {
  const { t } = useTranslation();
  const [form, setForm] = useState(EMPTY);
  const [scopes, setScopes] = useState<RequestableOpenScope[]>([]);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const set = (field: keyof typeof EMPTY) => (value: string) => setForm((f) => ({ ...f, [field]: value }));

  async function submit(event: FormEvent) {
    event.preventDefault();
    try {
      await registerApp({
        ...form,
        redirectUris: form.redirectUris
          .split('\n')
          .map((line) => line.trim())
          .filter(Boolean),
        scopes,
      });
      setForm(EMPTY);
      setScopes([]);
      setErrors({});
      onRegistered();
    } catch (caught) {
      const apiError = caught as ApiError;
      const fieldErrors = apiError.fieldErrors();
      setErrors(Object.keys(fieldErrors).length ? fieldErrors : { form: apiError.message });
    }
  }

  return (
    <form
      className="panel"
      aria-labelledby="register-title"
      onSubmit={(event) => void submit(event)}
      noValidate
    >
      <h2 className="panel__title" id="register-title">
        {t('openPlatform.partner.register')}
      </h2>
      {errors.form && (
        <p className="notice notice--error" role="alert">
          {errors.form}
        </p>
      )}
      <TextField
        id="app-name-zh"
        label={t('openPlatform.partner.nameZh')}
        value={form.nameZh}
        onChange={set('nameZh')}
        error={errors.nameZh}
      />
      <TextField
        id="app-name-en"
        label={t('openPlatform.partner.nameEn')}
        value={form.nameEn}
        onChange={set('nameEn')}
        error={errors.nameEn}
      />
      <TextField
        id="app-organisation"
        label={t('openPlatform.partner.organisation')}
        value={form.organisation}
        onChange={set('organisation')}
        error={errors.organisation}
      />
      <TextAreaField
        id="app-purpose"
        label={t('openPlatform.partner.purpose')}
        hint={t('openPlatform.partner.purposeHint')}
        value={form.purpose}
        onChange={set('purpose')}
        error={errors.purpose}
        rows={3}
      />
      <TextField
        id="app-privacy"
        label={t('openPlatform.partner.privacyPolicyUrl')}
        value={form.privacyPolicyUrl}
        onChange={set('privacyPolicyUrl')}
        error={errors.privacyPolicyUrl}
        hint="https://"
      />
      <TextAreaField
        id="app-redirects"
        label={t('openPlatform.partner.redirectUris')}
        hint={t('openPlatform.partner.redirectHint')}
        value={form.redirectUris}
        onChange={set('redirectUris')}
        error={errors.redirectUris}
        rows={3}
      />
      <ChoiceGroup
        id="app-scopes"
        type="checkbox"
        label={t('openPlatform.partner.scopes')}
        options={REQUESTABLE_OPEN_SCOPES.map((scope) => ({
          value: scope,
          label: `${t(`openPlatform.scopes.${scopeKey(scope)}.name`)} — ${t(`openPlatform.scopes.${scopeKey(scope)}.description`)}`,
        }))}
        selected={scopes}
        onChange={setScopes}
        error={errors.scopes}
      />
      <button type="submit" className="button button--primary">
        {t('openPlatform.partner.submit')}
      </button>
    </form>
  );
}
