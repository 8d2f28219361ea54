import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { withdrawApplication } from '../../api/applications-endpoints.ts';
import { ApiError } from '../../api/client.ts';
import { TextAreaField } from '../../components/ChoiceFields.tsx';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';

/** 撤回申请: possible until a decision is made; asks once more before it is done. */
export function WithdrawPanel({
  applicationId,
  onWithdrawn,
}: {
  applicationId: string;
  onWithdrawn(): void;
}) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [isAsking, setIsAsking] = useState(false);
  const [isSending, setIsSending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function withdraw() {
    setIsAsking(false);
    setIsSending(true);
    setError(null);
    try {
      await withdrawApplication(applicationId, reason.trim() || undefined);
      onWithdrawn();
    } catch (caught) {
      setError(caught instanceof ApiError ? caught.message : t('errors.unexpected'));
    } finally {
      setIsSending(false);
    }
  }

  return (
    <section className="panel withdraw" aria-labelledby="withdraw-title">
      <h2 className="panel__title" id="withdraw-title">
        {t('applications.withdraw.title')}
      </h2>
      <p className="panel__intro">{t('applications.withdraw.intro')}</p>
      {error && (
        <p className="notice notice--error" role="alert">
          {error}
        </p>
      )}
      <TextAreaField
        id="withdraw-reason"
        label={t('applications.withdraw.reason')}
        hint={t('applications.withdraw.reasonHint')}
        value={reason}
        rows={2}
        onChange={setReason}
      />
      <button
        type="button"
        className="button button--danger"
        disabled={isSending}
        onClick={() => setIsAsking(true)}
      >
        {isSending ? t('applications.withdraw.sending') : t('applications.withdraw.button')}
      </button>
      <ConfirmDialog
        isOpen={isAsking}
        title={t('applications.withdraw.confirmTitle')}
        body={t('applications.withdraw.confirmBody')}
        confirmLabel={t('applications.withdraw.confirm')}
        isDanger
        onConfirm={() => void withdraw()}
        onCancel={() => setIsAsking(false)}
      />
    </section>
  );
}
