import { useCallback, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { ApiError } from '../../../api/client.ts';
import type { UploadedAttachment } from '../../../api/attachments-endpoints.ts';
import { AttachmentUpload } from '../../../components/attachments/AttachmentUpload.tsx';
import { SelectField, TextAreaField } from '../../../components/ChoiceFields.tsx';
import { ErrorSummary } from '../../../components/ErrorSummary.tsx';
import { PageHeading } from '../../../components/PageHeading.tsx';
import { RequireSession } from '../../../components/RequireSession.tsx';
import { TextField } from '../../../components/TextField.tsx';
import { useApiResource } from '../../../lib/use-api-resource.ts';
import { useDocumentTitle } from '../../../lib/use-document-title.ts';
import { deskApi, REQUEST_CATEGORIES, REQUEST_TARGETS, type RequestCategory } from './desk-api.ts';

/** /desk/requests/new: file a request for an enterprise (?enterprise=) or as a resident. */
export function NewRequestPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('desk.requests.newTitle'));
  return <RequireSession>{() => <NewRequest />}</RequireSession>;
}

type Field = 'title' | 'description' | 'form';

function NewRequest() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [searchParams] = useSearchParams();
  const enterpriseId = searchParams.get('enterprise');
  const [enterprises] = useApiResource(useCallback(() => deskApi.myEnterprises(), []));
  const enterprise =
    enterprises.status === 'ready' ? enterprises.data.items.find((e) => e.id === enterpriseId) : undefined;
  const [category, setCategory] = useState<RequestCategory>('site_premises');
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [files, setFiles] = useState<UploadedAttachment[]>([]);
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [focusKey, setFocusKey] = useState(0);
  const [isSending, setIsSending] = useState(false);
  const targets = REQUEST_TARGETS[category];

  async function submit(event: FormEvent) {
    event.preventDefault();
    const found: Partial<Record<Field, string>> = {};
    if (!title.trim()) found.title = t('desk.requests.titleRequired');
    if (!description.trim()) found.description = t('desk.requests.descriptionRequired');
    setErrors(found);
    if (Object.keys(found).length) {
      setFocusKey((k) => k + 1);
      return;
    }
    setIsSending(true);
    try {
      const filed = await deskApi.fileRequest(enterpriseId, {
        category,
        title,
        description,
        attachmentIds: files.map((f) => f.id),
      });
      await navigate(`/desk/requests/${filed.id}`, {
        state: { notice: t('desk.requests.filed', { referenceNo: filed.referenceNo }) },
      });
    } catch (caught) {
      const fields = caught instanceof ApiError ? caught.fieldErrors() : {};
      setErrors({
        ...(fields.title ? { title: fields.title } : {}),
        ...(fields.description ? { description: fields.description } : {}),
        form: caught instanceof ApiError ? caught.message : t('errors.unexpected'),
      });
      setFocusKey((k) => k + 1);
    } finally {
      setIsSending(false);
    }
  }

  const summary = (Object.entries(errors) as [Field, string][]).map(([field, message]) => ({
    ...(field === 'form' ? {} : { fieldId: `desk-request-${field}` }),
    message,
  }));

  return (
    <>
      <PageHeading>{t('desk.requests.newTitle')}</PageHeading>
      <p className="lead">{t('desk.requests.newIntro')}</p>
      <p>
        {enterpriseId
          ? t('desk.requests.forEnterprise', { name: enterprise?.name ?? '' })
          : t('desk.requests.forSelf')}
      </p>
      {summary.length > 0 && <ErrorSummary items={summary} focusKey={focusKey} />}
      <form className="form" onSubmit={(event) => void submit(event)} noValidate>
        <SelectField<RequestCategory>
          id="desk-request-category"
          label={t('desk.requests.category')}
          hint={`${t('desk.requests.categoryHint')} ${t('desk.requests.targets', {
            hours: targets.firstResponseHours,
            days: targets.resolutionDays,
          })}`}
          value={category}
          options={REQUEST_CATEGORIES.map((value) => ({ value, label: t(`desk.categories.${value}`) }))}
          onChange={setCategory}
        />
        <TextField
          id="desk-request-title"
          label={t('desk.requests.titleLabel')}
          value={title}
          onChange={setTitle}
          error={errors.title}
          maxLength={100}
        />
        <TextAreaField
          id="desk-request-description"
          label={t('desk.requests.description')}
          value={description}
          onChange={setDescription}
          error={errors.description}
          rows={6}
        />
        <AttachmentUpload
          materialKey="desk-request"
          label={t('desk.requests.attachments')}
          files={files}
          onChange={setFiles}
          disabled={isSending}
        />
        <div className="form-footer">
          <button type="submit" className="button" disabled={isSending}>
            {isSending ? t('desk.requests.submitting') : t('desk.requests.submit')}
          </button>{' '}
          <Link to={enterpriseId ? `/desk?enterprise=${encodeURIComponent(enterpriseId)}` : '/desk'}>
            {t('desk.requests.backToDesk')}
          </Link>
        </div>
      </form>
    </>
  );
}
