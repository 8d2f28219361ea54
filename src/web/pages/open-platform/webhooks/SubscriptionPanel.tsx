import { useCallback, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../api/client.ts';
import { ChoiceGroup } from '../../../components/ChoiceFields.tsx';
import { ConfirmDialog } from '../../../components/ConfirmDialog.tsx';
import { ErrorSummary, type SummaryItem } from '../../../components/ErrorSummary.tsx';
import { TextField } from '../../../components/TextField.tsx';
import { formatDateTime } from '../../../lib/format.ts';
import { useApiResource } from '../../../lib/use-api-resource.ts';
import {
  deleteWebhook,
  getWebhook,
  rotateWebhookSecret,
  saveWebhook,
  type OwnedApp,
  type WebhookEventType,
  type WebhookSubscription,
  EVENT_NAME_KEYS,
} from './webhooks-api.ts';

const EVENTS: { type: WebhookEventType; scope: string }[] = [
  { type: 'application.status_changed', scope: 'applications.read' },
  { type: 'bill.issued', scope: 'bills_payments' },
  { type: 'payment.settled', scope: 'bills_payments' },
];

/** The subscription form, the secret shown once, rotation and removal. */
export function SubscriptionPanel({ app, onChanged }: { app: OwnedApp; onChanged(): void }) {
  const { t, i18n } = useTranslation();
  const load = useCallback(() => getWebhook(app.id), [app.id]);
  const [state, , replace] = useApiResource(load);
  const [secret, setSecret] = useState<string | null>(null);
  const [notice, setNotice] = useState<{ kind: 'success' | 'error'; text: string } | null>(null);
  const [confirming, setConfirming] = useState<'rotate' | 'delete' | null>(null);

  if (state.status === 'loading') return <p className="status-message">{t('common.loading')}</p>;
  if (state.status === 'failed')
    return (
      <p className="notice notice--error" role="alert">
        {state.error.message}
      </p>
    );
  const subscription = state.data.subscription;

  async function act(kind: 'rotate' | 'delete') {
    setConfirming(null);
    try {
      if (kind === 'rotate') {
        const answer = await rotateWebhookSecret(app.id);
        replace({ subscription: answer.subscription });
        setSecret(answer.secret);
        setNotice({ kind: 'success', text: t('openWebhooks.rotated') });
      } else {
        await deleteWebhook(app.id);
        replace({ subscription: null });
        setSecret(null);
        setNotice({ kind: 'success', text: t('openWebhooks.deleted') });
        onChanged();
      }
    } catch (error) {
      setNotice({ kind: 'error', text: error instanceof ApiError ? error.message : t('errors.unexpected') });
    }
  }

  return (
    <section className="webhook-panel" aria-labelledby="webhook-subscription-title">
      <h3 id="webhook-subscription-title">{t('openWebhooks.subscription')}</h3>
      <div role="status" aria-live="polite">
        {notice && <p className={`notice notice--${notice.kind}`}>{notice.text}</p>}
      </div>
      {secret && (
        <div className="webhook-secret" role="region" aria-labelledby="webhook-secret-title">
          <h4 id="webhook-secret-title">{t('openWebhooks.secretTitle')}</h4>
          <p>{t('openWebhooks.secretOnce')}</p>
          <p>
            <code className="webhook-secret__value" data-testid="webhook-secret">
              {secret}
            </code>
          </p>
        </div>
      )}
      {subscription && (
        <dl className="webhook-facts">
          <dt>{t('openWebhooks.secretRotatedAt')}</dt>
          <dd>{formatDateTime(subscription.secretRotatedAt, i18n.resolvedLanguage ?? 'zh-CN')}</dd>
          {subscription.previousSecretExpiresAt && (
            <>
              <dt>{t('openWebhooks.previousSecretUntil')}</dt>
              <dd>
                {formatDateTime(subscription.previousSecretExpiresAt, i18n.resolvedLanguage ?? 'zh-CN')}
              </dd>
            </>
          )}
        </dl>
      )}
      <SubscriptionForm
        key={subscription?.updatedAt ?? 'new'}
        app={app}
        subscription={subscription}
        onSaved={(answer, text) => {
          replace({ subscription: answer.subscription });
          if (answer.secret) setSecret(answer.secret);
          setNotice({ kind: 'success', text });
        }}
      />
      {subscription && (
        <div className="admin-actions">
          <button type="button" className="button button--secondary" onClick={() => setConfirming('rotate')}>
            {t('openWebhooks.rotate')}
          </button>
          <button type="button" className="button button--secondary" onClick={() => setConfirming('delete')}>
            {t('openWebhooks.delete')}
          </button>
        </div>
      )}
      <ConfirmDialog
        isOpen={confirming !== null}
        title={confirming === 'delete' ? t('openWebhooks.deleteTitle') : t('openWebhooks.rotateTitle')}
        body={confirming === 'delete' ? t('openWebhooks.deleteBody') : t('openWebhooks.rotateBody')}
        confirmLabel={confirming === 'delete' ? t('openWebhooks.delete') : t('openWebhooks.rotate')}
        isDanger={confirming === 'delete'}
        onConfirm={() => void act(confirming ?? 'rotate')}
        onCancel={() => setConfirming(null)}
      />
    </section>
  );
}

function SubscriptionForm({
  app,
  subscription,
  onSaved,
}: {
  app: OwnedApp;
  subscription: WebhookSubscription | null;
  onSaved(answer: { subscription: WebhookSubscription; secret: string | null }, notice: string): void;
}) {
  const { t } = useTranslation();
  const allowed = EVENTS.filter((event) => app.scopes.includes(event.scope));
  const [url, setUrl] = useState(subscription?.url ?? '');
  const [events, setEvents] = useState<WebhookEventType[]>(
    subscription?.events ?? allowed.map((event) => event.type),
  );
  const [isActive, setIsActive] = useState(subscription?.isActive ?? true);
  const [errors, setErrors] = useState<SummaryItem[]>([]);
  const [focusKey, setFocusKey] = useState(0);
  const [isSaving, setIsSaving] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setIsSaving(true);
    setErrors([]);
    try {
      const answer = await saveWebhook(app.id, { url: url.trim(), events, isActive });
      onSaved(answer, subscription ? t('openWebhooks.saved') : t('openWebhooks.created'));
    } catch (error) {
      const items: SummaryItem[] = [];
      if (error instanceof ApiError) {
        const fields = error.fieldErrors();
        if (fields.url || error.code === 'WEBHOOK_URL_INVALID')
          items.push({ fieldId: 'webhook-url', message: fields.url ?? error.message });
        if (fields.events || error.code === 'WEBHOOK_EVENT_NOT_ALLOWED')
          items.push({ fieldId: 'webhook-events', message: fields.events ?? error.message });
        if (items.length === 0) items.push({ message: error.message });
      } else items.push({ message: t('errors.unexpected') });
      setErrors(items);
      setFocusKey((value) => value + 1);
    } finally {
      setIsSaving(false);
    }
  }

  const errorOf = (fieldId: string) => errors.find((e) => e.fieldId === fieldId)?.message;
  if (allowed.length === 0) return <p>{t('openWebhooks.noEvents')}</p>;
  return (
    <form onSubmit={(event) => void submit(event)} noValidate>
      <ErrorSummary items={errors} focusKey={focusKey} />
      <TextField
        id="webhook-url"
        label={t('openWebhooks.url')}
        hint={t('openWebhooks.urlHint')}
        value={url}
        onChange={setUrl}
        error={errorOf('webhook-url')}
        autoComplete="url"
        spellCheck={false}
        autoCapitalize="none"
        maxLength={2000}
      />
      <ChoiceGroup
        id="webhook-events"
        type="checkbox"
        label={t('openWebhooks.events')}
        hint={t('openWebhooks.eventsHint')}
        options={allowed.map((event) => ({
          value: event.type,
          label: (
            <>
              {t(EVENT_NAME_KEYS[event.type])} <code>{event.type}</code>
            </>
          ),
        }))}
        selected={events}
        onChange={setEvents}
        error={errorOf('webhook-events')}
      />
      <ChoiceGroup
        id="webhook-active"
        type="checkbox"
        label={t('openWebhooks.activeLegend')}
        options={[{ value: 'active', label: t('openWebhooks.active') }]}
        selected={isActive ? ['active'] : []}
        onChange={(selected) => setIsActive(selected.includes('active'))}
      />
      <button type="submit" className="button button--primary" disabled={isSaving}>
        {subscription ? t('openWebhooks.save') : t('openWebhooks.create')}
      </button>
    </form>
  );
}
