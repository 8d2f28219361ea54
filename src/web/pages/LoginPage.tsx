import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useLocation, useNavigate, useSearchParams } from 'react-router-dom';
import { ApiError } from '../api/client.ts';
import { ErrorSummary } from '../components/ErrorSummary.tsx';
import type { SummaryItem } from '../components/ErrorSummary.tsx';
import { PageHeading } from '../components/PageHeading.tsx';
import { TextField } from '../components/TextField.tsx';
import { useDocumentTitle } from '../lib/use-document-title.ts';
import { useSession } from '../session/session-context.tsx';

type Field = 'username' | 'password';

/** Only same-site paths: never send people elsewhere after they sign in. */
function safeNextPath(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') ? next : '/me';
}

export function LoginPage() {
  const { t } = useTranslation();
  const session = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const [searchParams] = useSearchParams();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [fieldErrors, setFieldErrors] = useState<Partial<Record<Field, string>>>({});
  const [formErrors, setFormErrors] = useState<string[]>([]);
  const [submitCount, setSubmitCount] = useState(0);
  const [isSubmitting, setIsSubmitting] = useState(false);
  useDocumentTitle(t('login.title'));

  const notice = (location.state as { notice?: string } | null)?.notice;

  if (session.state.status === 'signedIn' && !isSubmitting) {
    return <Navigate to={safeNextPath(searchParams.get('next'))} replace />;
  }

  function describe(error: unknown): string[] {
    if (!(error instanceof ApiError)) return [t('errors.unexpected')];
    // The server's message already says until when a locked account stays locked.
    const messages = [error.message];
    if (error.code === 'RATE_LIMITED' && error.retryAfterSeconds !== null) {
      messages.push(t('errors.retryAfter', { count: error.retryAfterSeconds }));
    }
    return messages;
  }

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const problems: Partial<Record<Field, string>> = {};
    if (!username.trim()) problems.username = t('login.errors.usernameRequired');
    if (!password) problems.password = t('login.errors.passwordRequired');
    setSubmitCount((count) => count + 1);
    setFormErrors([]);
    setFieldErrors(problems);
    if (Object.keys(problems).length > 0) return;

    setIsSubmitting(true);
    try {
      await session.signIn(username.trim(), password);
      await navigate(safeNextPath(searchParams.get('next')), { replace: true });
    } catch (error) {
      setPassword('');
      if (error instanceof ApiError && error.code === 'VALIDATION_FAILED') {
        const serverFields = error.fieldErrors();
        const known: Partial<Record<Field, string>> = {};
        if (serverFields['username']) known.username = serverFields['username'];
        if (serverFields['password']) known.password = serverFields['password'];
        setFieldErrors(known);
        if (Object.keys(known).length === 0) setFormErrors([error.message]);
      } else {
        setFormErrors(describe(error));
      }
      setSubmitCount((count) => count + 1);
      setIsSubmitting(false);
    }
  }

  const summary: SummaryItem[] = [
    ...formErrors.map((message) => ({ message })),
    ...(['username', 'password'] as const).flatMap((field) => {
      const message = fieldErrors[field];
      return message ? [{ fieldId: field, message }] : [];
    }),
  ];

  return (
    <div className="narrow">
      {notice === 'sessionRevoked' && (
        <p className="notice notice--success" role="status">
          {t('login.sessionRevokedNotice')}
        </p>
      )}
      <PageHeading>{t('login.title')}</PageHeading>
      <p className="lead">{t('login.intro')}</p>
      <ErrorSummary items={summary} focusKey={submitCount} />
      <form className="form" onSubmit={(event) => void submit(event)} noValidate>
        <TextField
          id="username"
          label={t('login.username')}
          value={username}
          onChange={setUsername}
          error={fieldErrors.username}
          autoComplete="username"
          autoCapitalize="none"
          spellCheck={false}
        />
        <TextField
          id="password"
          type="password"
          label={t('login.password')}
          value={password}
          onChange={setPassword}
          error={fieldErrors.password}
          autoComplete="current-password"
        />
        <button className="button button--primary" type="submit" disabled={isSubmitting}>
          {isSubmitting ? t('login.submitting') : t('login.submit')}
        </button>
      </form>
      <p className="form-footer">
        {t('login.noAccount')} <Link to="/register">{t('login.registerLink')}</Link>
      </p>
    </div>
  );
}
