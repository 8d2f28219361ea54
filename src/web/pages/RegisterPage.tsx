import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useNavigate } from 'react-router-dom';
import { ApiError } from '../api/client.ts';
import type { RegistrationInput } from '../api/types.ts';
import { ErrorSummary } from '../components/ErrorSummary.tsx';
import type { SummaryItem } from '../components/ErrorSummary.tsx';
import { PageHeading } from '../components/PageHeading.tsx';
import { TextField } from '../components/TextField.tsx';
import { useDocumentTitle } from '../lib/use-document-title.ts';
import { useSession } from '../session/session-context.tsx';
import {
  NAME_MAX_LENGTH,
  PASSWORD_MAX_LENGTH,
  USERNAME_MAX_LENGTH,
  normaliseRegistration,
  validateRegistration,
} from '../validation/registration.ts';
import type { RegistrationField } from '../validation/registration.ts';

const FIELDS: RegistrationField[] = ['username', 'password', 'name', 'idNumber', 'phone'];

/** Conflicts the server reports as codes belong next to a field. */
const CODE_FIELDS: Record<string, RegistrationField> = {
  USERNAME_TAKEN: 'username',
  PERSON_ALREADY_REGISTERED: 'idNumber',
};

const EMPTY: RegistrationInput = { username: '', password: '', name: '', idNumber: '', phone: '' };

export function RegisterPage() {
  const { t } = useTranslation();
  const session = useSession();
  const navigate = useNavigate();
  const [values, setValues] = useState<RegistrationInput>(EMPTY);
  const [fieldErrors, setFieldErrors] = useState<Partial<Record<RegistrationField, string>>>({});
  const [formErrors, setFormErrors] = useState<string[]>([]);
  const [submitCount, setSubmitCount] = useState(0);
  const [isSubmitting, setIsSubmitting] = useState(false);
  useDocumentTitle(t('register.title'));

  if (session.state.status === 'signedIn' && !isSubmitting) return <Navigate to="/me" replace />;

  const setField = (field: RegistrationField) => (value: string) =>
    setValues((current) => ({ ...current, [field]: value }));

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSubmitCount((count) => count + 1);
    setFormErrors([]);
    const problems = validateRegistration(values);
    const messages: Partial<Record<RegistrationField, string>> = {};
    for (const field of FIELDS) {
      const problem = problems[field];
      if (problem) messages[field] = t(`register.errors.${problem}`);
    }
    setFieldErrors(messages);
    if (Object.keys(messages).length > 0) return;

    setIsSubmitting(true);
    try {
      await session.register(normaliseRegistration(values));
      await navigate('/me', { replace: true, state: { notice: 'registered' } });
    } catch (error) {
      if (!(error instanceof ApiError)) {
        setFormErrors([t('errors.unexpected')]);
      } else if (error.code === 'VALIDATION_FAILED') {
        const serverFields = error.fieldErrors();
        const known: Partial<Record<RegistrationField, string>> = {};
        for (const field of FIELDS) {
          const message = serverFields[field];
          if (message) known[field] = message;
        }
        setFieldErrors(known);
        if (Object.keys(known).length === 0) setFormErrors([error.message]);
      } else if (CODE_FIELDS[error.code]) {
        setFieldErrors({ [CODE_FIELDS[error.code] as RegistrationField]: error.message });
      } else {
        setFormErrors([error.message]);
      }
      setSubmitCount((count) => count + 1);
      setIsSubmitting(false);
    }
  }

  const summary: SummaryItem[] = [
    ...formErrors.map((message) => ({ message })),
    ...FIELDS.flatMap((field) => {
      const message = fieldErrors[field];
      return message ? [{ fieldId: field, message }] : [];
    }),
  ];

  return (
    <div className="narrow">
      <PageHeading>{t('register.title')}</PageHeading>
      <p className="lead">{t('register.intro')}</p>
      <ErrorSummary items={summary} focusKey={submitCount} />
      <form className="form" onSubmit={(event) => void submit(event)} noValidate>
        <fieldset className="fieldset">
          <legend className="fieldset__legend">{t('register.accountLegend')}</legend>
          <TextField
            id="username"
            label={t('register.username')}
            hint={t('register.usernameHint')}
            value={values.username}
            onChange={setField('username')}
            error={fieldErrors.username}
            autoComplete="username"
            autoCapitalize="none"
            spellCheck={false}
            maxLength={USERNAME_MAX_LENGTH}
          />
          <TextField
            id="password"
            type="password"
            label={t('register.password')}
            hint={t('register.passwordHint')}
            value={values.password}
            onChange={setField('password')}
            error={fieldErrors.password}
            autoComplete="new-password"
            maxLength={PASSWORD_MAX_LENGTH}
          />
        </fieldset>
        <fieldset className="fieldset">
          <legend className="fieldset__legend">{t('register.identityLegend')}</legend>
          <p className="fieldset__hint">{t('register.identityNotice')}</p>
          <TextField
            id="name"
            label={t('register.name')}
            hint={t('register.nameHint')}
            value={values.name}
            onChange={setField('name')}
            error={fieldErrors.name}
            autoComplete="name"
            maxLength={NAME_MAX_LENGTH}
          />
          <TextField
            id="idNumber"
            label={t('register.idNumber')}
            hint={t('register.idNumberHint')}
            value={values.idNumber}
            onChange={setField('idNumber')}
            error={fieldErrors.idNumber}
            autoComplete="off"
            autoCapitalize="characters"
            spellCheck={false}
            maxLength={18}
          />
          <TextField
            id="phone"
            type="tel"
            label={t('register.phone')}
            hint={t('register.phoneHint')}
            value={values.phone}
            onChange={setField('phone')}
            error={fieldErrors.phone}
            autoComplete="tel-national"
            inputMode="numeric"
            maxLength={11}
          />
        </fieldset>
        <button className="button button--primary" type="submit" disabled={isSubmitting}>
          {isSubmitting ? t('register.submitting') : t('register.submit')}
        </button>
      </form>
      <p className="form-footer">
        {t('register.haveAccount')} <Link to="/login">{t('register.loginLink')}</Link>
      </p>
    </div>
  );
}
