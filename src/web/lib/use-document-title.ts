import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';

/** Sets the browser tab title to "<page> - 通办" (or the English equivalent). */
export function useDocumentTitle(pageTitle: string): void {
  const { t } = useTranslation();
  const siteName = t('app.name');
  useEffect(() => {
    document.title = pageTitle ? t('app.documentTitle', { page: pageTitle, site: siteName }) : siteName;
  }, [pageTitle, siteName, t]);
}
