import { useTranslation } from 'react-i18next';
import type { CertificateStatus } from '../../api/certificates-endpoints.ts';
import { formatDate } from '../../lib/format.ts';

/** Names, offices and dates of certificates in the page's language. */
export function useCertificateWords() {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'zh-CN';
  const isEnglish = language === 'en';
  // Validity dates are calendar dates: show them as they are, not shifted by a time zone.
  const date = (value: string) => formatDate(`${value}T12:00:00+08:00`, language);
  return {
    language,
    isEnglish,
    pick: (zh: string | null, en: string | null) => (isEnglish ? (en ?? zh ?? '') : (zh ?? '')),
    date,
    validity: (validFrom: string, validUntil: string | null) =>
      validUntil
        ? t('certificates.wallet.validRange', { from: date(validFrom), until: date(validUntil) })
        : t('certificates.wallet.longTerm', { from: date(validFrom) }),
    statusBadge: (status: CertificateStatus | 'not_found') =>
      status === 'valid'
        ? 'badge badge--success'
        : status === 'expired'
          ? 'badge badge--warning'
          : 'badge badge--muted',
  };
}
