import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import i18n from '../../i18n/index.ts';
import { scopeKey } from '../open-platform/open-platform-api.ts';
import { Link } from 'react-router-dom';
import type { ApiError } from '../../api/client.ts';
import {
  grantConsent,
  listMyConsents,
  listSharingApps,
  revokeConsent,
  type Consent,
  type SharingApp,
} from '../../api/data-endpoints.ts';
import { ChoiceGroup, TextAreaField } from '../../components/ChoiceFields.tsx';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { RequireSession } from '../../components/RequireSession.tsx';
import { TextField } from '../../components/TextField.tsx';
import { formatDate } from '../../lib/format.ts';
import { pickName } from '../../lib/local-name.ts';
import { useApiResource } from '../../lib/use-api-resource.ts';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import './data.css';

/** 第三方应用授权: grant an app named fields for a purpose and a period; list and revoke. */
export function ConsentsPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('data.consents.title'));
  return <RequireSession>{() => <Consents />}</RequireSession>;
}

function Consents() {
  const { t } = useTranslation();
  const [apps] = useApiResource(listSharingApps);
  const [consents, reload] = useApiResource(listMyConsents);
  const [notice, setNotice] = useState<string | null>(null);
  return (
    <>
      <p>
        <Link to="/data">{t('data.query.back')}</Link>
      </p>
      <PageHeading>{t('data.consents.title')}</PageHeading>
      <p className="lead">{t('data.consents.lead')}</p>
      <div role="status">{notice && <p className="notice notice--success">{notice}</p>}</div>
      <section aria-labelledby="my-consents-title" className="panel">
        <h2 className="panel__title" id="my-consents-title">
          {t('data.consents.mine')}
        </h2>
        {consents.status === 'ready' && consents.data.items.length === 0 && <p className="empty">{t('data.consents.none')}</p>}
        {consents.status === 'ready' && consents.data.items.length > 0 && (
          <ul className="item-list">
            {consents.data.items.map((consent) => (
              <ConsentItem
                key={consent.id}
                consent={consent}
                apps={apps.status === 'ready' ? apps.data.items : []}
                onRevoked={() => {
                  setNotice(t('data.consents.revoked'));
                  reload();
                }}
              />
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="apps-title">
        <h2 id="apps-title">{t('data.consents.apps')}</h2>
        {apps.status === 'ready' &&
          apps.data.items.map((app) => (
            <GrantForm
              key={app.id}
              app={app}
              onGranted={() => {
                setNotice(t('data.consents.granted'));
                reload();
              }}
            />
          ))}
      </section>
    </>
  );
}

function fieldLabel(apps: SharingApp[], consent: Consent, name: string, language: string): string {
  // Consents given on the open platform's authorization page for data that is not a register
  // (my applications, filing for me) carry the scope as their one field.
  if (consent.register === 'open_platform')
    return i18n.t(`openPlatform.scopes.${scopeKey(name)}.name`, { lng: language });
  const field = apps
    .find((a) => a.id === consent.appId)
    ?.offers.find((o) => o.register === consent.register)
    ?.fields.find((f) => f.name === name);
  return field ? pickName(language, field.nameZh, field.nameEn) : name;
}

function ConsentItem({ consent, apps, onRevoked }: { consent: Consent; apps: SharingApp[]; onRevoked(): void }) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'zh-CN';
  const [isAsking, setIsAsking] = useState(false);
  const appName = pickName(language, consent.appNameZh, consent.appNameEn);
  return (
    <li className="item">
      <h3 className="item__title">
        {appName}{' '}
        <span className={consent.status === 'active' ? 'badge badge--success' : 'badge badge--muted'}>
          {t(`data.consents.status.${consent.status}`)}
        </span>
      </h3>
      <p>{consent.fields.map((f) => fieldLabel(apps, consent, f, language)).join('、')}</p>
      <p>
        {consent.purpose} · {t('data.consents.until', { date: formatDate(consent.validTo, language) })}
      </p>
      {consent.status === 'active' && (
        <button type="button" className="button button--danger-outline button--small" onClick={() => setIsAsking(true)}>
          {t('data.consents.revoke')}
        </button>
      )}
      <ConfirmDialog
        isOpen={isAsking}
        title={t('data.consents.revoke')}
        body={t('data.consents.confirmRevoke', { app: appName })}
        confirmLabel={t('data.consents.revoke')}
        isDanger
        onCancel={() => setIsAsking(false)}
        onConfirm={() => {
          setIsAsking(false);
          void revokeConsent(consent.id).then(onRevoked);
        }}
      />
    </li>
  );
}

function GrantForm({ app, onGranted }: { app: SharingApp; onGranted(): void }) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'zh-CN';
  const offer = app.offers[0];
  const [fields, setFields] = useState<string[]>([]);
  const [purpose, setPurpose] = useState('');
  const [validUntil, setValidUntil] = useState(
    new Date(Date.now() + 90 * 86_400_000).toISOString().slice(0, 10),
  );
  const [errors, setErrors] = useState<Record<string, string>>({});
  if (!offer) return null;
  const appName = pickName(language, app.nameZh, app.nameEn);
  const titleId = `grant-${app.id}`;

  async function submit(event: FormEvent) {
    event.preventDefault();
    try {
      await grantConsent({ appId: app.id, register: offer!.register, fields, purpose, validUntil });
      setFields([]);
      setPurpose('');
      setErrors({});
      onGranted();
    } catch (caught) {
      const apiError = caught as ApiError;
      const fieldErrors = apiError.fieldErrors();
      setErrors(Object.keys(fieldErrors).length ? fieldErrors : { form: apiError.message });
    }
  }

  return (
    <form className="panel" aria-labelledby={titleId} onSubmit={(event) => void submit(event)}>
      <h3 className="panel__title" id={titleId}>
        {t('data.consents.grantTitle', { app: appName })}
      </h3>
      <p>{t('data.consents.operator', { name: app.operatorZh })}</p>
      <p>
        {t('data.consents.register')}: {pickName(language, offer.registerNameZh, offer.registerNameEn)} ·{' '}
        {pickName(language, offer.purposeZh, offer.purposeEn)}
      </p>
      {errors.form && (
        <p className="notice notice--error" role="alert">
          {errors.form}
        </p>
      )}
      <ChoiceGroup
        id={`${titleId}-fields`}
        type="checkbox"
        label={t('data.consents.fields')}
        options={offer.fields.map((f) => ({ value: f.name, label: pickName(language, f.nameZh, f.nameEn) }))}
        selected={fields}
        onChange={setFields}
        error={errors.fields}
      />
      <TextAreaField
        id={`${titleId}-purpose`}
        label={t('data.consents.purpose')}
        value={purpose}
        onChange={setPurpose}
        error={errors.purpose}
        rows={2}
      />
      <TextField
        id={`${titleId}-until`}
        label={t('data.consents.validUntil')}
        hint="2026-12-31"
        value={validUntil}
        onChange={setValidUntil}
        error={errors.validUntil}
        isShort
      />
      <button type="submit" className="button button--primary">
        {t('data.consents.grant')}
      </button>
    </form>
  );
}
