import { useTranslation } from 'react-i18next';
import type { ResourceState } from '../lib/use-api-resource.ts';

export interface AdminNotice {
  kind: 'success' | 'error';
  text: string;
}

/**
 * The status area of an admin list page: the outcome of the last save (announced politely to
 * screen readers), then loading or the load error. Renders the list itself only when ready.
 */
export function AdminListStatus<T>(props: {
  notice: AdminNotice | null;
  state: ResourceState<T>;
  children: (data: T) => React.ReactNode;
}) {
  const { t } = useTranslation();
  const { notice, state } = props;
  return (
    <>
      <div role="status" aria-live="polite">
        {notice && <p className={`notice notice--${notice.kind}`}>{notice.text}</p>}
      </div>
      {state.status === 'loading' && <p className="status-message">{t('common.loading')}</p>}
      {state.status === 'failed' && (
        <p className="notice notice--error" role="alert">
          {state.error.message}
        </p>
      )}
      {state.status === 'ready' && props.children(state.data)}
    </>
  );
}
