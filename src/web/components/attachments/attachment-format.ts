import type { TFunction } from 'i18next';

/** 532 → "532 bytes", 23552 → "23 KB", 10485760 → "10 MB" (binary units, as file managers show). */
export function formatFileSize(bytes: number, t: TFunction): string {
  if (bytes < 1024) return t('attachments.size.bytes', { value: bytes });
  if (bytes < 1024 * 1024) return t('attachments.size.kb', { value: Math.max(1, Math.round(bytes / 1024)) });
  return t('attachments.size.mb', { value: Number((bytes / (1024 * 1024)).toFixed(1)) });
}
