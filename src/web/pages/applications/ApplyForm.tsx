import { useCallback, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import type { FieldMessage } from '../../../contracts/validation-messages.ts';
import { submitApplication, type Delivery } from '../../api/applications-endpoints.ts';
import type { UploadedAttachment } from '../../api/attachments-endpoints.ts';
import type { CompetentOffice, ServiceDetail } from '../../api/catalog-types.ts';
import { ApiError } from '../../api/client.ts';
import type { Me } from '../../api/types.ts';
import { LazyServiceForm } from '../../forms/LazyServiceForm.tsx';
import { useApiResource } from '../../lib/use-api-resource.ts';
import {
  cleanDelivery,
  deliveryProblem,
  keptPrefilledFields,
  resumeFromDraft,
  sortServerErrors,
  toRendererPrefill,
} from './application-view.ts';
import { loadApplyContext, needsUpload, type ApplyContext } from './apply-loading.ts';
import { ApplyMaterials } from './ApplyMaterials.tsx';
import { DeliveryFieldset } from './DeliveryFieldset.tsx';
import { DraftStatus } from './DraftStatus.tsx';
import { useDraftAutosave } from './use-draft-autosave.ts';

interface Props {
  service: ServiceDetail;
  enterpriseId: string | undefined;
  me: Me;
}

/** Loads the prefill, the draft and the materials, then shows the application form. */
export function ApplyForm({ service, enterpriseId, me }: Props) {
  const { t } = useTranslation();
  const load = useCallback(() => loadApplyContext(service, enterpriseId), [service, enterpriseId]);
  const [state] = useApiResource(load);
  if (state.status === 'failed')
    return (
      <p className="notice notice--error" role="alert">
        {state.error.message}
      </p>
    );
  if (state.status === 'loading')
    return (
      <p className="status-message" role="status">
        {t('common.loading')}
      </p>
    );
  return <ApplyEditor service={service} enterpriseId={enterpriseId} me={me} context={state.data} />;
}

/** The offices that can hand over the result, those of the applicant's district first. */
function sortOffices(offices: CompetentOffice[], districtCode: string | null): CompetentOffice[] {
  return [...offices].sort(
    (a, b) => Number(b.districtCode === districtCode) - Number(a.districtCode === districtCode),
  );
}

function newIdempotencyKey(): string {
  return crypto.randomUUID();
}

function ApplyEditor({ service, enterpriseId, me, context }: Props & { context: ApplyContext }) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage === 'en' ? 'en' : 'zh-CN';
  const navigate = useNavigate();
  const prefill = useMemo(
    () =>
      toRendererPrefill(context.prefill, context.previous, (receiptNo) => ({
        zh: t('applications.apply.previousSource', { receiptNo, lng: 'zh-CN' }),
        en: t('applications.apply.previousSource', { receiptNo, lng: 'en' }),
      })),
    [context.prefill, context.previous, t],
  );
  const offices = useMemo(
    () => sortOffices(context.offices, me.person?.districtCode ?? null),
    [context.offices, me.person?.districtCode],
  );
  const initial = useMemo(() => resumeFromDraft(context.draft, prefill), [context.draft, prefill]);

  const [formData, setFormData] = useState(initial.data);
  const [files, setFiles] = useState<UploadedAttachment[]>(context.files);
  const [delivery, setDelivery] = useState<Delivery>(initial.delivery);
  const [serverErrors, setServerErrors] = useState<readonly FieldMessage[]>([]);
  const [deliveryErrors, setDeliveryErrors] = useState<{ officeId?: string; address?: string }>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [isSubmitting, setIsSubmitting] = useState(false);
  const [isSubmitted, setIsSubmitted] = useState(false);
  const [resumedNotice, setResumedNotice] = useState(context.draft !== null);
  const idempotencyKey = useRef<string | null>(null);
  const isSending = useRef(false);
  const failureRef = useRef<HTMLParagraphElement>(null);

  const autosave = useDraftAutosave({
    serviceId: service.id,
    enterpriseId,
    content: {
      data: formData,
      attachmentIds: files.map((file) => file.id),
      delivery: cleanDelivery(delivery),
    },
    initialVersion: initial.version,
    initialSavedAt: context.draft?.updatedAt ?? null,
    isEnabled: !isSubmitted,
  });

  async function takeNewer() {
    const newer = await autosave.loadNewer();
    if (!newer) return;
    const resumed = resumeFromDraft(newer, prefill);
    setFormData(resumed.data);
    setDelivery(resumed.delivery);
    setFiles((current) => current.filter((file) => resumed.attachmentIds.includes(file.id)));
    setServerErrors([]);
  }

  const materialsToUpload = context.materials.filter(needsUpload);
  const heldCount = context.materials.length - materialsToUpload.length;

  function deliveryErrorText(problem: ReturnType<typeof deliveryProblem>) {
    return problem ? t(`applications.delivery.errors.${problem}`) : null;
  }

  async function submit(answers: Record<string, unknown>) {
    if (isSending.current) return;
    const problem = deliveryProblem(delivery);
    if (problem) {
      const message = deliveryErrorText(problem)!;
      setDeliveryErrors(problem === 'officeRequired' ? { officeId: message } : { address: message });
      setServerErrors([{ path: '/delivery', message }]);
      return;
    }
    setDeliveryErrors({});
    setFailure(null);
    setIsSubmitting(true);
    isSending.current = true;
    // The same key for a retry of the same submit after a lost answer; a new one otherwise.
    idempotencyKey.current ??= newIdempotencyKey();
    try {
      await autosave.settle();
      const prefilledFields = keptPrefilledFields(prefill, answers);
      const receipt = await submitApplication(
        {
          serviceId: service.id,
          data: answers,
          ...(enterpriseId ? { enterpriseId } : {}),
          delivery: cleanDelivery(delivery),
          ...(files.length ? { attachmentIds: files.map((file) => file.id) } : {}),
          ...(prefilledFields.length ? { prefilledFields } : {}),
        },
        idempotencyKey.current,
      );
      setIsSubmitted(true);
      await navigate(`/applications/${receipt.id}?submitted=1`);
    } catch (error) {
      const apiError =
        error instanceof ApiError ? error : new ApiError(0, 'UNEXPECTED_RESPONSE', String(error), null);
      if (apiError.code !== 'NETWORK_ERROR') idempotencyKey.current = null;
      if (apiError.code === 'VALIDATION_FAILED') {
        const sorted = sortServerErrors(apiError.details);
        const general = [...sorted.delivery, ...sorted.general];
        if (sorted.delivery.length)
          setDeliveryErrors({ address: sorted.delivery[0], officeId: sorted.delivery[0] });
        setServerErrors([
          ...sorted.form,
          ...general.map((message) => ({ path: '', message })),
          ...(sorted.form.length === 0 && general.length === 0
            ? [{ path: '', message: apiError.message }]
            : []),
        ]);
      } else {
        setFailure(
          apiError.code === 'NETWORK_ERROR' ? t('applications.apply.networkRetry') : apiError.message,
        );
        requestAnimationFrame(() => failureRef.current?.focus());
      }
    } finally {
      isSending.current = false;
      setIsSubmitting(false);
    }
  }

  const prefillSummary =
    context.prefill && (context.prefill.filledCount > 0 || heldCount > 0)
      ? t('applications.apply.prefillSummary', {
          filled: context.prefill.filledCount,
          total: context.prefill.fieldCount,
          held: heldCount,
        })
      : null;

  return (
    <div className="apply">
      {resumedNotice && context.draft && (
        <p className="notice notice--success apply__resumed">
          {t('applications.apply.resumed')}{' '}
          <button type="button" className="link-button" onClick={() => setResumedNotice(false)}>
            {t('applications.apply.dismiss')}
          </button>
        </p>
      )}
      {prefillSummary && <p className="apply__prefill-summary">{prefillSummary}</p>}
      {context.prefillFailed && (
        <p className="notice notice--warning">{t('applications.apply.prefillFailed')}</p>
      )}
      <DraftStatus
        status={autosave.status}
        onLoadNewer={() => void takeNewer()}
        onKeepMine={() => void autosave.keepMine()}
      />
      {failure && (
        <p className="notice notice--error" role="alert" tabIndex={-1} ref={failureRef}>
          {failure}
        </p>
      )}

      <section className="service-section" aria-labelledby="apply-materials-title">
        <h2 id="apply-materials-title">{t('applications.apply.materialsTitle')}</h2>
        <ApplyMaterials
          materials={context.materials}
          files={files}
          onChange={setFiles}
          disabled={isSubmitting}
        />
      </section>

      <section className="service-section" aria-labelledby="apply-delivery-title">
        <h2 id="apply-delivery-title">{t('applications.delivery.title')}</h2>
        <DeliveryFieldset
          delivery={delivery}
          onChange={(next) => {
            setDelivery(next);
            setDeliveryErrors({});
          }}
          offices={offices}
          errors={deliveryErrors}
        />
      </section>

      <section className="service-section" aria-labelledby="apply-form-title">
        <h2 id="apply-form-title">{t('applications.apply.formTitle')}</h2>
        <p className="field__hint">{t('applications.apply.formIntro')}</p>
        <LazyServiceForm
          form={service.definition.form}
          language={language}
          formData={formData}
          onChange={setFormData}
          onSubmit={(answers) => void submit(answers)}
          {...(prefill ? { prefill } : {})}
          serverErrors={serverErrors}
          idPrefix="apply"
          submitLabel={isSubmitting ? t('applications.apply.submitting') : t('applications.apply.submit')}
        >
          <p className="apply__submit-note">{t('applications.apply.submitNote')}</p>
        </LazyServiceForm>
      </section>
    </div>
  );
}
