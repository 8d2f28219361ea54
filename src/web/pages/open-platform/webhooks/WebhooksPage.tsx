import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { SelectField } from '../../../components/ChoiceFields.tsx';
import { PageHeading } from '../../../components/PageHeading.tsx';
import { RequireSession } from '../../../components/RequireSession.tsx';
import { useApiResource } from '../../../lib/use-api-resource.ts';
import { useDocumentTitle } from '../../../lib/use-document-title.ts';
import { DeliveriesTable } from './DeliveriesTable.tsx';
import { SubscriptionPanel } from './SubscriptionPanel.tsx';
import { listOwnedApps, type OwnedApp } from './webhooks-api.ts';
import './webhooks.css';

/** 事件推送 (webhooks): an app owner's subscription, signing secret and delivery history. */
export function WebhooksPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('openWebhooks.title'));
  return (
    <>
      <PageHeading>{t('openWebhooks.title')}</PageHeading>
      <p className="lead">{t('openWebhooks.intro')}</p>
      <RequireSession>{() => <OwnedApps />}</RequireSession>
    </>
  );
}

function OwnedApps() {
  const { t, i18n } = useTranslation();
  const [searchParams, setSearchParams] = useSearchParams();
  const load = useCallback(() => listOwnedApps().then((answer) => answer.items), []);
  const [state] = useApiResource(load);

  if (state.status === 'loading') return <p className="status-message">{t('common.loading')}</p>;
  if (state.status === 'failed')
    return (
      <p className="notice notice--error" role="alert">
        {state.error.message}
      </p>
    );
  const apps = state.data;
  if (apps.length === 0) return <p>{t('openWebhooks.noApps')}</p>;
  const chosen = apps.find((app) => app.id === searchParams.get('app')) ?? apps[0]!;
  const nameOf = (app: OwnedApp) => (i18n.resolvedLanguage === 'en' ? app.nameEn : app.nameZh);

  return (
    <>
      {apps.length > 1 && (
        <SelectField
          id="webhook-app"
          label={t('openWebhooks.app')}
          value={chosen.id}
          options={apps.map((app) => ({
            value: app.id,
            label: `${nameOf(app)} (${t(`openWebhooks.appStatus.${app.status}`)})`,
          }))}
          onChange={(id) => setSearchParams({ app: id }, { replace: true })}
        />
      )}
      <h2>{nameOf(chosen)}</h2>
      {chosen.status !== 'approved' && (
        <p className="notice notice--error">
          {t('openWebhooks.notApproved', { status: t(`openWebhooks.appStatus.${chosen.status}`) })}
        </p>
      )}
      <AppWebhook key={chosen.id} app={chosen} />
    </>
  );
}

function AppWebhook({ app }: { app: OwnedApp }) {
  const [deliveriesVersion, setDeliveriesVersion] = useState(0);
  return (
    <>
      <SubscriptionPanel app={app} onChanged={() => setDeliveriesVersion((v) => v + 1)} />
      <DeliveriesTable key={deliveriesVersion} appId={app.id} />
    </>
  );
}
