import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../api/client.ts';
import { OPEN_APP_STATUSES } from '../../../contracts/api/open-platform.ts';
import { SelectField, TextAreaField } from '../../components/ChoiceFields.tsx';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { RequireSession } from '../../components/RequireSession.tsx';
import { ResourceStatus } from '../../components/ResourceStatus.tsx';
import { formatDate } from '../../lib/format.ts';
import { pickName } from '../../lib/local-name.ts';
import { useApiResource } from '../../lib/use-api-resource.ts';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import {
  listAppsForReview,
  reviewApp,
  rotateSigningKey,
  scopeKey,
  type OpenApp,
} from './open-platform-api.ts';
import './open-platform.css';

type Decision = 'approve' | 'reject' | 'suspend' | 'reinstate';
const DECISIONS: Record<OpenApp['status'], Decision[]> = {
  pending: ['approve', 'reject'],
  approved: ['suspend'],
  suspended: ['reinstate'],
  rejected: ['approve'],
};

/** Platform admins: the review queue (approve, reject, suspend, reinstate) and key rotation. */
export function AdminReviewPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('openPlatform.admin.title'));
  return <RequireSession>{() => <AdminReview />}</RequireSession>;
}

function AdminReview() {
  const { t } = useTranslation();
  const [status, setStatus] = useState('');
  const load = useCallback(() => listAppsForReview(status), [status]);
  const [apps, reload] = useApiResource(load);
  const [notice, setNotice] = useState<string | null>(null);
  const [isRotating, setIsRotating] = useState(false);
  return (
    <>
      <PageHeading>{t('openPlatform.admin.title')}</PageHeading>
      <p className="lead">{t('openPlatform.admin.lead')}</p>
      <div role="status" aria-live="polite">
        {notice && <p className="notice notice--success">{notice}</p>}
      </div>
      <SelectField
        id="review-status"
        label={t('openPlatform.admin.filter')}
        value={status}
        onChange={setStatus}
        options={[
          { value: '', label: t('openPlatform.admin.all') },
          ...OPEN_APP_STATUSES.map((s) => ({ value: s, label: t(`openPlatform.status.${s}`) })),
        ]}
      />
      <ResourceStatus state={apps}>
        {(data) =>
          data.items.length === 0 ? (
            <p className="empty">{t('openPlatform.admin.none')}</p>
          ) : (
            <ul className="item-list">
              {data.items.map((app) => (
                <ReviewItem
                  key={app.id}
                  app={app}
                  onDone={(message) => {
                    setNotice(message);
                    reload();
                  }}
                />
              ))}
            </ul>
          )
        }
      </ResourceStatus>
      <section className="panel" aria-labelledby="keys-title">
        <h2 className="panel__title" id="keys-title">
          {t('openPlatform.admin.keysTitle')}
        </h2>
        <p>{t('openPlatform.admin.keysLead')}</p>
        <button type="button" className="button button--secondary" onClick={() => setIsRotating(true)}>
          {t('openPlatform.admin.rotateKeys')}
        </button>
        <ConfirmDialog
          isOpen={isRotating}
          title={t('openPlatform.admin.rotateKeys')}
          body={t('openPlatform.admin.confirmRotateKeys')}
          confirmLabel={t('openPlatform.admin.rotateKeys')}
          onCancel={() => setIsRotating(false)}
          onConfirm={() => {
            setIsRotating(false);
            void rotateSigningKey().then(() => setNotice(t('openPlatform.admin.rotated')));
          }}
        />
      </section>
    </>
  );
}

function ReviewItem({ app, onDone }: { app: OpenApp; onDone(message: string): void }) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'zh-CN';
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const name = pickName(language, app.nameZh, app.nameEn);
  const noteId = `note-${app.id}`;

  async function decide(decision: Decision) {
    try {
      const updated = await reviewApp(app.id, { decision, ...(note.trim() ? { note: note.trim() } : {}) });
      setError(null);
      setNote('');
      onDone(t('openPlatform.admin.done', { app: name, status: t(`openPlatform.status.${updated.status}`) }));
    } catch (caught) {
      setError((caught as ApiError).message);
    }
  }

  return (
    <li className="item">
      <h3 className="item__title">
        {name}{' '}
        <span className={app.status === 'approved' ? 'badge badge--success' : 'badge badge--muted'}>
          {t(`openPlatform.status.${app.status}`)}
        </span>
      </h3>
      <p>
        {app.organisation} · {formatDate(app.createdAt, language)}
        {app.ownerName && <> · {t('openPlatform.admin.owner', { name: app.ownerName })}</>}
      </p>
      <p>{app.purpose}</p>
      <p>
        {t('openPlatform.partner.scopes')}:{' '}
        {app.scopes.map((s) => t(`openPlatform.scopes.${scopeKey(s)}.name`)).join('、')}
      </p>
      <p>
        {t('openPlatform.partner.redirects')}: {app.redirectUris.join('、')}
      </p>
      <p>
        <a href={app.privacyPolicyUrl} rel="noopener noreferrer" target="_blank">
          {t('openPlatform.authorize.privacy')}
        </a>
      </p>
      {app.reviewNote && <p>{t('openPlatform.partner.reviewNote', { note: app.reviewNote })}</p>}
      {error && (
        <p className="notice notice--error" role="alert">
          {error}
        </p>
      )}
      <TextAreaField
        id={noteId}
        label={t('openPlatform.admin.note')}
        hint={t('openPlatform.admin.noteHint')}
        value={note}
        onChange={setNote}
        rows={2}
      />
      <div className="button-row">
        {DECISIONS[app.status].map((decision) => (
          <button
            key={decision}
            type="button"
            className={
              decision === 'approve' || decision === 'reinstate'
                ? 'button button--primary button--small'
                : 'button button--danger-outline button--small'
            }
            onClick={() => void decide(decision)}
          >
            {t(`openPlatform.admin.${decision}`)}
          </button>
        ))}
      </div>
    </li>
  );
}
