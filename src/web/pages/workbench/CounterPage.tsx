import { useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isValidIdNumber, normaliseIdNumber } from '../../../contracts/id-number.ts';
import type { FieldMessage } from '../../../contracts/validation-messages.ts';
import { getService } from '../../api/catalog-endpoints.ts';
import type { ServiceDetail, ServiceListItem } from '../../api/catalog-types.ts';
import { ApiError } from '../../api/client.ts';
import type { Me } from '../../api/types.ts';
import {
  fileAtCounter,
  type ConfirmationMethod,
  type CounterFiling,
  type Receipt,
} from '../../api/workbench-endpoints.ts';
import { ChoiceGroup } from '../../components/ChoiceFields.tsx';
import { ErrorSummary, type SummaryItem } from '../../components/ErrorSummary.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { TextField } from '../../components/TextField.tsx';
import { describeForm } from '../../forms/form-model.ts';
import { LazyServiceForm } from '../../forms/LazyServiceForm.tsx';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { FormDataSection } from './ApplicationSections.tsx';
import { CounterReceipt } from './CounterReceipt.tsx';
import { CounterServicePicker } from './CounterServicePicker.tsx';
import { RequireCasework, WorkbenchNav, useWorkbenchWords } from './WorkbenchFrame.tsx';
import { newIdempotencyKey } from './workbench-rules.ts';

type DeliveryMethod = 'online' | 'mail' | 'pickup';
type Phase = 'fill' | 'confirm' | 'done';
type Problems = Partial<Record<'idNumber' | 'address' | 'method' | 'reference' | 'confirmed', string>>;
// The clerk types what the resident says: no register values, and no "filled in from" notes.
const NO_PREFILL = {};
const METHODS: ConfirmationMethod[] = ['signature', 'id_card_reader', 'sms_code'];
const FIELD_IDS: Record<keyof Problems, string> = {
  idNumber: 'counter-id-number',
  address: 'counter-address',
  method: 'counter-method',
  reference: 'counter-reference',
  confirmed: 'counter-confirmed',
};

/** `/workbench/counter`: 帮办代办, a window clerk files for a resident who is present. */
export function CounterPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('workbench.counter.title'));
  return <RequireCasework clerkOnly>{(me) => <Counter me={me} />}</RequireCasework>;
}

function Counter({ me }: { me: Me }) {
  const { t } = useTranslation();
  const words = useWorkbenchWords();
  const post = me.staff.find((p) => p.role === 'window_clerk');
  const officeName = post ? (words.isEnglish ? post.officeNameEn || post.officeName : post.officeName) : '';
  const [service, setService] = useState<ServiceDetail | null>(null);
  const [serviceError, setServiceError] = useState<string | null>(null);
  const [phase, setPhase] = useState<Phase>('fill');
  const [idNumber, setIdNumber] = useState('');
  const [formData, setFormData] = useState<Record<string, unknown>>({});
  const [delivery, setDelivery] = useState<DeliveryMethod>('online');
  const [address, setAddress] = useState('');
  const [method, setMethod] = useState<ConfirmationMethod | ''>('');
  const [reference, setReference] = useState('');
  const [isConfirmed, setIsConfirmed] = useState(false);
  const [problems, setProblems] = useState<Problems>({});
  const [focusKey, setFocusKey] = useState(0);
  const [serverErrors, setServerErrors] = useState<FieldMessage[]>([]);
  const [failure, setFailure] = useState<string | null>(null);
  const [isBusy, setIsBusy] = useState(false);
  const [receipt, setReceipt] = useState<Receipt | null>(null);
  // One key per filing, kept across retries so a repeated click never files twice.
  const idempotencyKey = useRef(newIdempotencyKey());

  const form = service?.definition.form;
  const fields = useMemo(() => (form ? describeForm(form.schema, form.ui).fields : null), [form]);

  async function choose(item: ServiceListItem) {
    setServiceError(null);
    try {
      setService(await getService(item.id));
      setFormData({});
      setServerErrors([]);
      requestAnimationFrame(() => document.getElementById(FIELD_IDS.idNumber)?.focus());
    } catch (error) {
      setServiceError(error instanceof Error ? error.message : String(error));
    }
  }

  function report(found: Problems) {
    setProblems(found);
    setFocusKey((value) => value + 1);
    return Object.keys(found).length === 0;
  }

  function review(answers: Record<string, unknown>) {
    setFormData(answers);
    setFailure(null);
    const found: Problems = {};
    if (!isValidIdNumber(idNumber.trim())) found.idNumber = t('workbench.counter.idNumberError');
    const place = address.trim();
    if (delivery === 'mail' && (place.length < 5 || place.length > 200))
      found.address = t('workbench.counter.addressError');
    if (report(found)) {
      setPhase('confirm');
      window.scrollTo(0, 0);
    }
  }

  async function submit() {
    const found: Problems = {};
    if (!method) found.method = t('workbench.counter.methodError');
    const text = reference.trim();
    if (text.length < 1 || text.length > 100) found.reference = t('workbench.counter.referenceError');
    if (!isConfirmed) found.confirmed = t('workbench.counter.confirmedError');
    if (!report(found) || !service || !method) return;
    const body: CounterFiling = {
      serviceId: service.id,
      applicantIdNumber: normaliseIdNumber(idNumber),
      data: formData,
      delivery:
        delivery === 'mail'
          ? { method: 'mail', address: address.trim() }
          : delivery === 'pickup' && post
            ? { method: 'pickup', officeId: post.officeId }
            : { method: 'online' },
      confirmation: { method, reference: text },
    };
    setIsBusy(true);
    setFailure(null);
    try {
      setReceipt(await fileAtCounter(body, idempotencyKey.current));
      setPhase('done');
      window.scrollTo(0, 0);
    } catch (error) {
      const apiError = error instanceof ApiError ? error : null;
      const details = apiError && Array.isArray(apiError.details) ? (apiError.details as FieldMessage[]) : [];
      const dataErrors = details
        .filter((d) => d.path.startsWith('/data/'))
        .map((d) => ({ ...d, path: d.path.slice('/data'.length) }));
      if (dataErrors.length > 0) {
        setServerErrors(dataErrors);
        setPhase('fill');
      } else if (
        details.some((d) => d.path === '/applicantIdNumber') ||
        apiError?.code === 'PERSON_NOT_FOUND'
      ) {
        setPhase('fill');
        report({ idNumber: apiError?.message ?? t('workbench.counter.idNumberError') });
      } else {
        setFailure(error instanceof Error ? error.message : String(error));
      }
    } finally {
      setIsBusy(false);
    }
  }

  function startAgain() {
    idempotencyKey.current = newIdempotencyKey();
    setService(null);
    setPhase('fill');
    setIdNumber('');
    setFormData({});
    setDelivery('online');
    setAddress('');
    setMethod('');
    setReference('');
    setIsConfirmed(false);
    setProblems({});
    setServerErrors([]);
    setReceipt(null);
  }

  const summary: SummaryItem[] = (Object.entries(problems) as [keyof Problems, string][]).map(
    ([name, message]) => ({
      fieldId: name === 'method' ? `${FIELD_IDS.method}-${METHODS[0]}` : FIELD_IDS[name],
      message,
    }),
  );

  if (phase === 'done' && receipt && service) {
    return (
      <CounterReceipt
        me={me}
        receipt={receipt}
        serviceName={words.pick(service)}
        idNumber={normaliseIdNumber(idNumber)}
        officeName={officeName}
        onAnother={startAgain}
      />
    );
  }

  return (
    <>
      <WorkbenchNav me={me} />
      <PageHeading>{t('workbench.counter.title')}</PageHeading>
      <p className="lead">{t('workbench.counter.lead')}</p>
      {failure && (
        <p className="notice notice--error" role="alert">
          {failure}
        </p>
      )}
      <ErrorSummary items={summary} focusKey={focusKey} titleId="counter-errors" />
      <section className="panel counter-step" aria-labelledby="counter-service-title">
        <h2 className="panel__title" id="counter-service-title">
          {t('workbench.counter.serviceTitle')}
        </h2>
        {service ? (
          <p className="counter-chosen">
            <strong>{t('workbench.counter.serviceChosen', { name: words.pick(service) })}</strong>{' '}
            <span className="mono muted">{service.code}</span>{' '}
            {phase === 'fill' && (
              <button
                type="button"
                className="button button--secondary button--small"
                onClick={() => setService(null)}
              >
                {t('workbench.counter.changeService')}
              </button>
            )}
          </p>
        ) : (
          <CounterServicePicker onChoose={(item) => void choose(item)} />
        )}
        {serviceError && (
          <p className="notice notice--error" role="alert">
            {serviceError}
          </p>
        )}
      </section>
      {service && form && phase === 'fill' && (
        <>
          <section className="panel counter-step" aria-labelledby="counter-applicant-title">
            <h2 className="panel__title" id="counter-applicant-title">
              {t('workbench.counter.applicantTitle')}
            </h2>
            <TextField
              id={FIELD_IDS.idNumber}
              label={t('workbench.counter.idNumber')}
              hint={t('workbench.counter.idNumberHint')}
              value={idNumber}
              onChange={setIdNumber}
              error={problems.idNumber}
              maxLength={18}
              spellCheck={false}
              autoComplete="off"
            />
          </section>
          <section className="panel counter-step" aria-labelledby="counter-delivery-title">
            <h2 className="panel__title" id="counter-delivery-title">
              {t('workbench.counter.deliveryTitle')}
            </h2>
            <ChoiceGroup
              id="counter-delivery"
              label={t('workbench.counter.delivery')}
              type="radio"
              selected={[delivery]}
              options={[
                { value: 'online', label: t('workbench.counter.deliveryOnline') },
                { value: 'mail', label: t('workbench.counter.deliveryMail') },
                ...(post
                  ? [
                      {
                        value: 'pickup' as const,
                        label: t('workbench.counter.deliveryPickup', { office: officeName }),
                      },
                    ]
                  : []),
              ]}
              onChange={(values) => setDelivery(values[0] ?? 'online')}
            />
            {delivery === 'mail' && (
              <TextField
                id={FIELD_IDS.address}
                label={t('workbench.counter.address')}
                value={address}
                onChange={setAddress}
                error={problems.address}
                maxLength={200}
              />
            )}
          </section>
          <section className="panel counter-step" aria-labelledby="counter-form-title">
            <h2 className="panel__title" id="counter-form-title">
              {t('workbench.counter.formTitle')}
            </h2>
            <LazyServiceForm
              form={form}
              language={words.isEnglish ? 'en' : 'zh-CN'}
              formData={formData}
              onChange={setFormData}
              onSubmit={review}
              serverErrors={serverErrors}
              idPrefix="counter-form"
              prefill={NO_PREFILL}
              submitLabel={t('workbench.counter.review')}
            />
          </section>
        </>
      )}
      {service && phase === 'confirm' && (
        <>
          <FormDataSection data={formData} fields={fields} />
          <section className="panel counter-step" aria-labelledby="counter-confirmation-title">
            <h2 className="panel__title" id="counter-confirmation-title">
              {t('workbench.counter.confirmationTitle')}
            </h2>
            <dl className="facts facts--compact">
              <div className="facts__row">
                <dt>{t('workbench.counter.applicantIdNumber')}</dt>
                <dd className="mono">{normaliseIdNumber(idNumber)}</dd>
              </div>
              <div className="facts__row">
                <dt>{t('workbench.counter.delivery')}</dt>
                <dd>
                  {delivery === 'mail'
                    ? `${t('workbench.counter.deliveryMail')}${t('common.colon')}${address.trim()}`
                    : delivery === 'pickup'
                      ? t('workbench.counter.deliveryPickup', { office: officeName })
                      : t('workbench.counter.deliveryOnline')}
                </dd>
              </div>
            </dl>
            <p className="counter-statement">{t('workbench.counter.statement')}</p>
            <ChoiceGroup
              id={FIELD_IDS.method}
              label={t('workbench.counter.method')}
              type="radio"
              isInline
              selected={method ? [method] : []}
              error={problems.method}
              options={METHODS.map((value) => ({ value, label: t(`workbench.counter.methods.${value}`) }))}
              onChange={(values) => setMethod(values[0] ?? '')}
            />
            {method && (
              <TextField
                id={FIELD_IDS.reference}
                label={t(`workbench.counter.reference.${method}`)}
                value={reference}
                onChange={setReference}
                error={problems.reference}
                maxLength={100}
                spellCheck={false}
                autoComplete="off"
              />
            )}
            <ChoiceGroup
              id={FIELD_IDS.confirmed}
              label={t('workbench.counter.confirmationTitle')}
              type="checkbox"
              selected={isConfirmed ? ['yes'] : []}
              error={problems.confirmed}
              options={[{ value: 'yes', label: t('workbench.counter.confirmed') }]}
              onChange={(values) => setIsConfirmed(values.includes('yes'))}
            />
            <div className="counter-actions">
              <button
                type="button"
                className="button button--primary"
                disabled={isBusy}
                onClick={() => void submit()}
              >
                {isBusy ? t('workbench.counter.submitting') : t('workbench.counter.submit')}
              </button>
              <button
                type="button"
                className="button button--secondary"
                disabled={isBusy}
                onClick={() => setPhase('fill')}
              >
                {t('workbench.counter.edit')}
              </button>
            </div>
          </section>
        </>
      )}
    </>
  );
}
