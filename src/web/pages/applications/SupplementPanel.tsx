import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldMessage } from '../../../contracts/validation-messages.ts';
import type { ServiceForm } from '../../../contracts/catalog.ts';
import {
  answerSupplement,
  type ApplicationDetail,
  type Supplement,
} from '../../api/applications-endpoints.ts';
import type { UploadedAttachment } from '../../api/attachments-endpoints.ts';
import { ApiError } from '../../api/client.ts';
import { AttachmentUpload } from '../../components/attachments/AttachmentUpload.tsx';
import { LazyServiceForm } from '../../forms/LazyServiceForm.tsx';
import { formatDateTime } from '../../lib/format.ts';
import {
  sortServerErrors,
  supplementAnswerData,
  supplementFixes,
  type Language,
} from './application-view.ts';

const NO_PREFILL = {};

interface Props {
  detail: ApplicationDetail;
  supplements: Supplement[];
  form: ServiceForm;
  fieldTitle(name: string): string;
  /** Attachment key for a listed material (its name as the reviewer wrote it). */
  materialKey(name: string, index: number): string;
  onAnswered(): void;
}

/**
 * A supplement request (补正) as the applicant answers it: the one complete list (一次性告知),
 * then the form with only the listed fields open, a file picker per listed material, and send.
 */
export function SupplementPanel({ detail, supplements, form, fieldTitle, materialKey, onAnswered }: Props) {
  const { t, i18n } = useTranslation();
  const language: Language = i18n.resolvedLanguage === 'en' ? 'en' : 'zh-CN';
  const { fieldsToFix, fixReasons, materials } = supplementFixes(supplements);
  const [formData, setFormData] = useState<Record<string, unknown>>(detail.data);
  const [files, setFiles] = useState<UploadedAttachment[]>([]);
  const [serverErrors, setServerErrors] = useState<readonly FieldMessage[]>([]);
  const [isSending, setIsSending] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const requestedAt = supplements[0]?.requestedAt;

  async function send(answers: Record<string, unknown>) {
    if (isSending) return;
    setIsSending(true);
    setFailure(null);
    try {
      await answerSupplement(detail.id, {
        data: supplementAnswerData(fieldsToFix, answers),
        ...(files.length ? { attachmentIds: files.map((file) => file.id) } : {}),
        stateVersion: detail.stateVersion,
      });
      onAnswered();
    } catch (error) {
      const apiError = error instanceof ApiError ? error : null;
      if (apiError?.code === 'VALIDATION_FAILED') {
        const sorted = sortServerErrors(apiError.details);
        setServerErrors([...sorted.form, ...sorted.general.map((message) => ({ path: '', message }))]);
      } else setFailure(apiError ? apiError.message : t('errors.unexpected'));
    } finally {
      setIsSending(false);
    }
  }

  return (
    <section className="panel supplement" aria-labelledby="supplement-title">
      <h2 className="panel__title" id="supplement-title">
        {t('applications.supplement.title')}
      </h2>
      <p>
        {requestedAt
          ? t('applications.supplement.intro', { time: formatDateTime(requestedAt, language) })
          : t('applications.supplement.introNoTime')}
      </p>
      <h3 id="supplement-list-title">{t('applications.supplement.listTitle')}</h3>
      <ol className="supplement__list" aria-labelledby="supplement-list-title">
        {fieldsToFix.map((name) => (
          <li key={`field-${name}`}>
            <strong>{fieldTitle(name)}</strong>
            {t('common.colon')}
            {fixReasons[name]}
          </li>
        ))}
        {materials.map((item, index) => (
          <li key={`material-${index}`}>
            <strong>{item.name}</strong>
            {t('common.colon')}
            {item.reason}
          </li>
        ))}
      </ol>
      <p className="field__hint">{t('applications.supplement.clockPaused')}</p>
      {failure && (
        <p className="notice notice--error" role="alert">
          {failure}
        </p>
      )}
      {materials.length > 0 && (
        <div className="supplement__materials">
          <h3>{t('applications.supplement.materialsTitle')}</h3>
          {materials.map((item, index) => {
            const key = materialKey(item.name, index);
            return (
              <AttachmentUpload
                key={key}
                materialKey={key}
                label={item.name}
                files={files.filter((file) => file.materialKey === key)}
                onChange={(next) => setFiles([...files.filter((file) => file.materialKey !== key), ...next])}
                disabled={isSending}
              />
            );
          })}
        </div>
      )}
      <h3>{t('applications.supplement.formTitle')}</h3>
      <LazyServiceForm
        form={form}
        language={language}
        formData={formData}
        onChange={setFormData}
        onSubmit={(answers) => void send(answers)}
        // No prefill now: the answers are the applicant's, whatever filled them in at first.
        prefill={NO_PREFILL}
        fieldsToFix={fieldsToFix}
        fixReasons={fixReasons}
        serverErrors={serverErrors}
        idPrefix="supplement"
        submitLabel={isSending ? t('applications.supplement.sending') : t('applications.supplement.submit')}
      />
    </section>
  );
}
