// The kiosk's screens that load something for the signed-in resident or the public: register
// queries, my applications, services at terminals and applying here.
import { useCallback, useEffect, useState } from 'react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { RegisterSlug } from '../api/data-endpoints.ts';
import { LazyServiceForm } from '../forms/LazyServiceForm.tsx';
import type { FormData, Prefill } from '../forms/form-ui.ts';
import { formatDate } from '../lib/format.ts';
import { RegisterView } from '../pages/data/register-views.tsx';
import type { TerminalService } from './kiosk-api.ts';
import type { KioskQuery, KioskScreenProps } from './KioskScreens.tsx';

function useKioskLoad<T>(load: () => Promise<T>, onApiError: (error: unknown) => void) {
  const [state, setState] = useState<{ data?: T; error?: string }>({});
  useEffect(() => {
    let isCurrent = true;
    load()
      .then((data) => isCurrent && setState({ data }))
      .catch((error: unknown) => {
        if (!isCurrent) return;
        onApiError(error);
        setState({ error: error instanceof Error ? error.message : String(error) });
      });
    return () => {
      isCurrent = false;
    };
  }, [load, onApiError]);
  return state;
}

function Loading({ state, children }: { state: { data?: unknown; error?: string }; children: ReactNode }) {
  const { t } = useTranslation();
  if (state.error)
    return (
      <p className="kiosk-notice kiosk-notice--error" role="alert">
        {state.error}
      </p>
    );
  if (state.data === undefined)
    return (
      <p className="kiosk-lead" role="status">
        {t('kiosk.loading')}
      </p>
    );
  return <>{children}</>;
}

export function Query({ api, slug, onApiError }: KioskScreenProps & { slug: KioskQuery }) {
  const { t, i18n } = useTranslation();
  const load = useCallback(
    () =>
      api.get<{ nameZh: string; nameEn: string; data: Record<string, unknown> }>(
        `/api/v1/kiosk/me/registers/${slug}`,
      ),
    [api, slug],
  );
  const state = useKioskLoad(load, onApiError);
  return (
    <>
      <h1 className="kiosk-title" tabIndex={-1}>
        {t(`kiosk.menu.${slug}`)}
      </h1>
      <Loading state={state}>
        {state.data && (
          <div className="kiosk-record">
            <RegisterView slug={slug as RegisterSlug} data={state.data.data} />
            <p className="kiosk-hint">
              {t('kiosk.query.source', {
                name: i18n.resolvedLanguage === 'en' ? state.data.nameEn : state.data.nameZh,
              })}{' '}
              {t('kiosk.query.recorded')}
            </p>
          </div>
        )}
      </Loading>
    </>
  );
}

interface ApplicationItem {
  id: string;
  receiptNo: string;
  status: string;
  entry: { nameZh: string; nameEn: string };
  submittedAt: string;
  promisedDate: string | null;
}

export function Applications({ api, onApiError }: KioskScreenProps) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'zh-CN';
  const load = useCallback(
    () => api.get<{ items: ApplicationItem[] }>('/api/v1/kiosk/me/applications'),
    [api],
  );
  const state = useKioskLoad(load, onApiError);
  return (
    <>
      <h1 className="kiosk-title" tabIndex={-1}>
        {t('kiosk.applications.title')}
      </h1>
      <Loading state={state}>
        {state.data?.items.length === 0 && <p className="kiosk-lead">{t('kiosk.applications.none')}</p>}
        <ul className="kiosk-list">
          {state.data?.items.map((item) => (
            <li key={item.id} className="kiosk-card">
              <h2>{language === 'en' ? item.entry.nameEn : item.entry.nameZh}</h2>
              <p className="kiosk-status">
                {t(`applications.status.${item.status}` as 'applications.status.in_progress')}
              </p>
              <p>{t('kiosk.applications.receipt', { number: item.receiptNo })}</p>
              <p>{t('kiosk.applications.submitted', { date: formatDate(item.submittedAt, language) })}</p>
              {item.promisedDate && (
                <p>{t('kiosk.applications.promised', { date: formatDate(item.promisedDate, language) })}</p>
              )}
            </li>
          ))}
        </ul>
      </Loading>
    </>
  );
}

export function Services({ api, go, session, onApiError }: KioskScreenProps) {
  const { t } = useTranslation();
  const load = useCallback(() => api.get<{ items: TerminalService[] }>('/api/v1/kiosk/services'), [api]);
  const state = useKioskLoad(load, onApiError);
  return (
    <>
      <h1 className="kiosk-title" tabIndex={-1}>
        {t('kiosk.services.title')}
      </h1>
      <p className="kiosk-lead">{t('kiosk.services.lead')}</p>
      <Loading state={state}>
        <ul className="kiosk-list">
          {state.data?.items.map((service) => (
            <li key={service.id} className="kiosk-card">
              <h2>{service.name}</h2>
              {service.departmentName && <p className="kiosk-hint">{service.departmentName}</p>}
              {service.promisedTimeLimitDays !== null && service.availability === 'apply' && (
                <p>{t('kiosk.services.days', { days: service.promisedTimeLimitDays })}</p>
              )}
              {service.availability === 'apply' && session ? (
                <button
                  type="button"
                  className="kiosk-button kiosk-button--primary"
                  onClick={() => go({ name: 'apply', serviceId: service.id })}
                >
                  {t('kiosk.services.apply')}
                </button>
              ) : (
                <p className={service.availability === 'apply' ? 'kiosk-status' : 'kiosk-hint'}>
                  {service.availability === 'apply'
                    ? t('kiosk.services.signInToApply')
                    : t(`kiosk.services.availability.${service.availability}`)}
                </p>
              )}
            </li>
          ))}
        </ul>
      </Loading>
    </>
  );
}

interface ApplyForm {
  id: string;
  nameZh: string;
  nameEn: string;
  form: { schema: Record<string, unknown>; ui: unknown };
  prefill: Record<string, { value: unknown; source: { nameZh: string; nameEn: string }; locked: boolean }>;
}

interface Receipt {
  receiptNo: string;
  promisedDate: string;
}

export function Apply({ api, serviceId, onApiError }: KioskScreenProps & { serviceId: string }) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage === 'en' ? 'en' : 'zh-CN';
  const load = useCallback(
    () => api.get<ApplyForm>(`/api/v1/kiosk/services/${encodeURIComponent(serviceId)}/form`),
    [api, serviceId],
  );
  const state = useKioskLoad(load, onApiError);
  const [formData, setFormData] = useState<FormData>({});
  const [receipt, setReceipt] = useState<Receipt | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [isBusy, setIsBusy] = useState(false);
  const [idempotencyKey] = useState(() => `kiosk-${crypto.randomUUID()}`);

  const prefill: Prefill | undefined = state.data
    ? Object.fromEntries(
        Object.entries(state.data.prefill).map(([name, fill]) => [
          name,
          {
            value: fill.value,
            sourceZh: fill.source.nameZh,
            sourceEn: fill.source.nameEn,
            locked: fill.locked,
          },
        ]),
      )
    : undefined;

  async function submit(answers: FormData) {
    setIsBusy(true);
    setError(null);
    try {
      const kept = Object.keys(prefill ?? {}).filter(
        (name) => JSON.stringify(answers[name]) === JSON.stringify(prefill?.[name]?.value),
      );
      setReceipt(
        await api.post<Receipt>(
          '/api/v1/kiosk/applications',
          { serviceId, data: answers, prefilledFields: kept },
          { 'idempotency-key': idempotencyKey },
        ),
      );
    } catch (caught) {
      onApiError(caught);
      setError(caught instanceof Error ? caught.message : String(caught));
    } finally {
      setIsBusy(false);
    }
  }

  const name = state.data ? (language === 'en' ? state.data.nameEn : state.data.nameZh) : '';
  if (receipt)
    return (
      <>
        <h1 className="kiosk-title" tabIndex={-1}>
          {t('kiosk.apply.done')}
        </h1>
        <p className="kiosk-receipt" role="status">
          {t('kiosk.apply.receipt', { number: receipt.receiptNo })}
        </p>
        <p className="kiosk-lead">
          {t('kiosk.apply.promised', { date: formatDate(receipt.promisedDate, language) })}
        </p>
      </>
    );
  return (
    <>
      <h1 className="kiosk-title" tabIndex={-1}>
        {state.data ? t('kiosk.apply.title', { name }) : t('kiosk.menu.apply')}
      </h1>
      <Loading state={state}>
        <p className="kiosk-lead">{t('kiosk.apply.lead')}</p>
        {error && (
          <p className="kiosk-notice kiosk-notice--error" role="alert">
            {error}
          </p>
        )}
        {state.data && (
          <div className="kiosk-apply">
            <LazyServiceForm
              form={state.data.form}
              language={language}
              formData={formData}
              onChange={setFormData}
              onSubmit={(answers) => void submit(answers)}
              prefill={prefill}
              idPrefix="kiosk-apply"
              submitLabel={isBusy ? t('kiosk.apply.submitting') : t('kiosk.apply.submit')}
            />
          </div>
        )}
      </Loading>
    </>
  );
}
