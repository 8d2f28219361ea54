import { useTranslation } from 'react-i18next';
import type { AutosaveStatus } from './use-draft-autosave.ts';

const TIME = new Intl.DateTimeFormat('zh-CN', {
  hour: '2-digit',
  minute: '2-digit',
  hour12: false,
  timeZone: 'Asia/Shanghai',
});

interface Props {
  status: AutosaveStatus;
  onLoadNewer(): void;
  onKeepMine(): void;
}

/**
 * Where the draft stands, announced politely as it changes; always one line high so the page
 * does not move when it appears. A conflict with another device asks which version to keep.
 */
export function DraftStatus({ status, onLoadNewer, onKeepMine }: Props) {
  const { t } = useTranslation();
  let text = '';
  if (status.kind === 'saving') text = t('applications.draft.saving');
  else if (status.kind === 'pending') text = t('applications.draft.pending');
  else if (status.kind === 'saved')
    text = t('applications.draft.saved', { time: TIME.format(new Date(status.at)) });
  else if (status.kind === 'failed') text = t('applications.draft.failed', { message: status.message });
  else if (status.kind === 'conflict') text = t('applications.draft.conflict');
  else text = t('applications.draft.idle');
  return (
    <div className={`draft-status draft-status--${status.kind}`}>
      <p className="draft-status__text" role="status" aria-live="polite" aria-atomic="true">
        {text}
      </p>
      {status.kind === 'conflict' && (
        <div className="draft-status__actions">
          <button type="button" className="button button--primary button--small" onClick={onLoadNewer}>
            {t('applications.draft.loadNewer')}
          </button>
          <button type="button" className="button button--secondary button--small" onClick={onKeepMine}>
            {t('applications.draft.keepMine')}
          </button>
        </div>
      )}
    </div>
  );
}
