import { useTranslation } from 'react-i18next';

/** "Loading…", announced to screen readers. */
export function LoadingStatus() {
  const { t } = useTranslation();
  return (
    <p className="status-message" role="status">
      {t('common.loading')}
    </p>
  );
}
