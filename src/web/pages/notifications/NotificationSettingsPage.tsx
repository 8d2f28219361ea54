import { useEffect, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { ApiError } from '../../api/client.ts';
import {
  confirmNotificationEmail,
  getNotificationSettings,
  saveNotificationSettings,
  type MailLanguage,
  type NotificationSettings,
} from '../../api/notifications-endpoints.ts';
import { ChoiceGroup } from '../../components/ChoiceFields.tsx';
import { ErrorSummary, type SummaryItem } from '../../components/ErrorSummary.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { RequireSession } from '../../components/RequireSession.tsx';
import { TextField } from '../../components/TextField.tsx';
import { useApiResource } from '../../lib/use-api-resource.ts';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import './notifications.css';

const FIELD_IDS: Record<string, string> = {
  email: 'notification-email',
  emailEnabled: 'notification-email-enabled',
  language: 'notification-language',
};

/** 消息设置: the e-mail address, whether to use it, its language; confirms a mailed link on open. */
export function NotificationSettingsPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('notifications.settings.title'));
  return <RequireSession>{() => <Settings />}</RequireSession>;
}

function Settings() {
  const { t } = useTranslation();
  const [searchParams, setSearchParams] = useSearchParams();
  const confirmToken = searchParams.get('confirm');
  const [state, , replace] = useApiResource(getNotificationSettings);
  const [notice, setNotice] = useState<{ kind: 'success' | 'error'; text: string } | null>(null);
  const [isConfirming, setIsConfirming] = useState(false);
  const confirmedToken = useRef<string | null>(null);

  // Opened from the confirmation e-mail: confirm once, then drop the token from the address bar.
  useEffect(() => {
    if (!confirmToken || confirmedToken.current === confirmToken) return;
    confirmedToken.current = confirmToken;
    setIsConfirming(true);
    confirmNotificationEmail(confirmToken)
      .then(
        (settings) => {
          replace(settings);
          setNotice({ kind: 'success', text: t('notifications.settings.confirmed') });
        },
        (error: unknown) =>
          setNotice({
            kind: 'error',
            text: error instanceof ApiError ? error.message : t('errors.unexpected'),
          }),
      )
      .finally(() => {
        setIsConfirming(false);
        setSearchParams({}, { replace: true });
      });
  }, [confirmToken, replace, setSearchParams, t]);

  return (
    <>
      <PageHeading>{t('notifications.settings.title')}</PageHeading>
      <p className="lead">{t('notifications.settings.intro')}</p>
      <p>
        <Link to="/me/inbox">{t('notifications.settings.inboxLink')}</Link>
      </p>
      <div role="status" aria-live="polite">
        {isConfirming && <p className="status-message">{t('notifications.settings.confirming')}</p>}
        {notice && <p className={`notice notice--${notice.kind}`}>{notice.text}</p>}
      </div>
      {state.status === 'loading' && <p className="status-message">{t('common.loading')}</p>}
      {state.status === 'failed' && (
        <p className="notice notice--error" role="alert">
          {state.error.message}
        </p>
      )}
      {state.status === 'ready' && (
        <SettingsForm
          key={`${state.data.email ?? ''}|${String(state.data.emailConfirmed)}`}
          settings={state.data}
          onSaved={(settings, text) => {
            replace(settings);
            setNotice({ kind: 'success', text });
          }}
        />
      )}
    </>
  );
}

function SettingsForm({
  settings,
  onSaved,
}: {
  settings: NotificationSettings;
  onSaved(settings: NotificationSettings, notice: string): void;
}) {
  const { t } = useTranslation();
  const [email, setEmail] = useState(settings.email ?? '');
  const [emailEnabled, setEmailEnabled] = useState(settings.emailEnabled);
  const [language, setLanguage] = useState<MailLanguage>(settings.language);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [focusKey, setFocusKey] = useState(0);
  const [isSaving, setIsSaving] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setIsSaving(true);
    setErrors({});
    setFormError(null);
    try {
      const trimmed = email.trim();
      const saved = await saveNotificationSettings({
        ...(trimmed ? { email: trimmed } : {}),
        emailEnabled,
        language,
      });
      const needsConfirmation = saved.email !== null && !saved.emailConfirmed && saved.mailConfigured;
      onSaved(
        saved,
        needsConfirmation
          ? t('notifications.settings.savedNeedsConfirmation', { email: saved.email })
          : t('notifications.settings.saved'),
      );
    } catch (error) {
      if (error instanceof ApiError && error.code === 'VALIDATION_FAILED') {
        setErrors(error.fieldErrors());
        if (Object.keys(error.fieldErrors()).length === 0) setFormError(error.message);
      } else {
        setFormError(error instanceof ApiError ? error.message : t('errors.unexpected'));
      }
      setFocusKey((value) => value + 1);
    } finally {
      setIsSaving(false);
    }
  }

  const summary: SummaryItem[] = [
    ...Object.entries(errors).map(([field, message]) => ({
      ...(FIELD_IDS[field] ? { fieldId: FIELD_IDS[field] } : {}),
      message,
    })),
    ...(formError ? [{ message: formError }] : []),
  ];
  const status = !settings.email
    ? t('notifications.settings.statusNone')
    : settings.emailConfirmed
      ? t('notifications.settings.statusConfirmed', { email: settings.email })
      : t('notifications.settings.statusUnconfirmed', { email: settings.email });

  return (
    <form className="form" noValidate onSubmit={(event) => void submit(event)}>
      <ErrorSummary items={summary} focusKey={focusKey} />
      {!settings.mailConfigured && (
        <p className="notice notice--warning">{t('notifications.settings.mailNotConfigured')}</p>
      )}
      <section className="panel" aria-labelledby="notification-status-title">
        <h2 className="panel__title" id="notification-status-title">
          {t('notifications.settings.statusTitle')}
        </h2>
        <p>{status}</p>
      </section>
      <TextField
        id={FIELD_IDS.email!}
        label={t('notifications.settings.email')}
        hint={t('notifications.settings.emailHint')}
        value={email}
        onChange={setEmail}
        error={errors.email}
        autoComplete="email"
        inputMode="email"
        spellCheck={false}
        autoCapitalize="none"
        maxLength={254}
      />
      <ChoiceGroup
        id={FIELD_IDS.emailEnabled!}
        label={t('notifications.settings.emailEnabled')}
        type="checkbox"
        options={[{ value: 'on', label: t('notifications.settings.emailEnabledOption') }]}
        selected={emailEnabled ? ['on'] : []}
        onChange={(selected) => setEmailEnabled(selected.includes('on'))}
        error={errors.emailEnabled}
      />
      <ChoiceGroup<MailLanguage>
        id={FIELD_IDS.language!}
        label={t('notifications.settings.language')}
        type="radio"
        isInline
        options={[
          { value: 'zh-CN', label: t('notifications.settings.languageZh') },
          { value: 'en', label: t('notifications.settings.languageEn') },
        ]}
        selected={[language]}
        onChange={(selected) => setLanguage(selected[0] ?? 'zh-CN')}
        error={errors.language}
      />
      <button type="submit" className="button" disabled={isSaving}>
        {isSaving ? t('notifications.settings.saving') : t('notifications.settings.save')}
      </button>
    </form>
  );
}
