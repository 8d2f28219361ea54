import { useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { ApiError } from '../../api/client.ts';
import {
  bindUtilityAccount,
  UTILITY_KIND_NAMES,
  type UtilityAccountBinding,
  type UtilityKindName,
} from '../../api/payments-endpoints.ts';
import type { Me } from '../../api/types.ts';
import { ChoiceGroup } from '../../components/ChoiceFields.tsx';
import { ErrorSummary, type SummaryItem } from '../../components/ErrorSummary.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { RequireSession } from '../../components/RequireSession.tsx';
import { TextField } from '../../components/TextField.tsx';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { subjectQuery, usePick, useSubject } from './payment-words.ts';
import './payments.css';

const ACCOUNT_NUMBER = /^[0-9A-Za-z-]{4,32}$/;

/** `/payments/accounts/new`: bind a water, electricity or gas account (户号), checked by the biller. */
export function BindAccountPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('payments.bind.title'));
  return <RequireSession>{(me) => <BindAccount me={me} />}</RequireSession>;
}

type Field = 'kind' | 'accountNumber' | 'address';

function BindAccount({ me }: { me: Me }) {
  const { t } = useTranslation();
  const pick = usePick();
  const [subject] = useSubject(me);
  const [kind, setKind] = useState<UtilityKindName | ''>('');
  const [accountNumber, setAccountNumber] = useState('');
  // Prefilled from the registered address (one's own; an enterprise types its own site).
  const [address, setAddress] = useState(subject.enterpriseId ? '' : (me.person?.address ?? ''));
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [submitCount, setSubmitCount] = useState(0);
  const [isSaving, setIsSaving] = useState(false);
  const [bound, setBound] = useState<UtilityAccountBinding | null>(null);
  const resultHeading = useRef<HTMLHeadingElement>(null);
  const back = `/payments${subjectQuery(subject)}`;

  function check(): Partial<Record<Field, string>> {
    const found: Partial<Record<Field, string>> = {};
    if (!kind) found.kind = t('payments.bind.errors.kind');
    if (!ACCOUNT_NUMBER.test(accountNumber.trim()))
      found.accountNumber = t('payments.bind.errors.accountNumber');
    if (address.trim().length < 2) found.address = t('payments.bind.errors.address');
    return found;
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    setSubmitCount((value) => value + 1);
    setFormError(null);
    const found = check();
    setErrors(found);
    if (Object.keys(found).length > 0 || !kind) return;
    setIsSaving(true);
    try {
      const result = await bindUtilityAccount({
        kind,
        accountNumber: accountNumber.trim(),
        address: address.trim(),
        ...(subject.enterpriseId ? { enterpriseId: subject.enterpriseId } : {}),
      });
      setBound(result);
      window.setTimeout(() => resultHeading.current?.focus(), 0);
    } catch (caught) {
      if (!(caught instanceof ApiError)) {
        setFormError(t('errors.unexpected'));
        return;
      }
      const fields = caught.fieldErrors();
      if (Object.keys(fields).length > 0) setErrors(fields as Partial<Record<Field, string>>);
      // The biller's answer: no such account, or it belongs to another address.
      else if (/ADDRESS/.test(caught.code)) setErrors({ address: caught.message });
      else if (/ACCOUNT/.test(caught.code) && caught.status < 500)
        setErrors({ accountNumber: caught.message });
      else setFormError(caught.message);
    } finally {
      setIsSaving(false);
    }
  }

  if (bound) {
    const kindName = t(`payments.utility.${bound.kind}`);
    return (
      <div className="narrow">
        <PageHeading>{t('payments.bind.title')}</PageHeading>
        <section className="notice notice--success bind-result" aria-labelledby="bind-result-title">
          <h2 id="bind-result-title" tabIndex={-1} ref={resultHeading}>
            {t('payments.bind.done', { kind: kindName })}
          </h2>
          <dl className="facts facts--compact">
            <div className="facts__row">
              <dt>{t('payments.bind.accountNumber')}</dt>
              <dd className="mono">{bound.accountNumber}</dd>
            </div>
            <div className="facts__row">
              <dt>{t('payments.accounts.biller')}</dt>
              <dd>{pick(bound.billerNameZh, bound.billerNameEn)}</dd>
            </div>
            <div className="facts__row">
              <dt>{t('payments.accounts.holder')}</dt>
              <dd>{bound.holderMasked}</dd>
            </div>
            <div className="facts__row">
              <dt>{t('payments.accounts.address')}</dt>
              <dd>{bound.address}</dd>
            </div>
          </dl>
        </section>
        <p>
          <Link className="button button--primary" to={back}>
            {t('payments.bind.seeBills')}
          </Link>
        </p>
      </div>
    );
  }

  const summary: SummaryItem[] = [
    ...(formError ? [{ message: formError }] : []),
    ...(['kind', 'accountNumber', 'address'] as const).flatMap((field) => {
      const message = errors[field];
      return message ? [{ fieldId: field === 'kind' ? 'bind-kind' : `bind-${field}`, message }] : [];
    }),
  ];

  return (
    <div className="narrow">
      <p>
        <Link to={back}>{t('payments.bind.back')}</Link>
      </p>
      <PageHeading>{t('payments.bind.title')}</PageHeading>
      <p className="lead">
        {subject.enterpriseId ? t('payments.bind.leadFor', { name: subject.name }) : t('payments.bind.lead')}
      </p>
      <ErrorSummary items={summary} focusKey={submitCount} />
      <form className="form" onSubmit={(event) => void submit(event)} noValidate>
        <ChoiceGroup
          id="bind-kind"
          type="radio"
          label={t('payments.bind.kind')}
          options={UTILITY_KIND_NAMES.map((value) => ({ value, label: t(`payments.utility.${value}`) }))}
          selected={kind ? [kind] : []}
          onChange={(values) => setKind(values[0] ?? '')}
          error={errors.kind}
          isInline
        />
        <TextField
          id="bind-accountNumber"
          label={t('payments.bind.accountNumber')}
          hint={t('payments.bind.accountNumberHint')}
          value={accountNumber}
          onChange={setAccountNumber}
          error={errors.accountNumber}
          autoComplete="off"
          spellCheck={false}
          maxLength={32}
        />
        <TextField
          id="bind-address"
          label={t('payments.bind.address')}
          hint={
            subject.enterpriseId ? t('payments.bind.addressHintEnterprise') : t('payments.bind.addressHint')
          }
          value={address}
          onChange={setAddress}
          error={errors.address}
          autoComplete="street-address"
          maxLength={200}
        />
        <button type="submit" className="button button--primary" disabled={isSaving}>
          {isSaving ? t('payments.bind.checking') : t('payments.bind.submit')}
        </button>
      </form>
    </div>
  );
}
