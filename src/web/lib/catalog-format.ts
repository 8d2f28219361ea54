// How the catalogue's numbers read: money in yuan from integer fen, working days, trips.
import type { TFunction } from 'i18next';

/** "¥1,234.50" from 123450 fen, or "免费"/"Free" for 0. */
export function formatFee(fen: number, language: string, t: TFunction): string {
  if (fen === 0) return t('catalog.fee.free');
  const yuan = new Intl.NumberFormat(language, { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(
    fen / 100,
  );
  return t('catalog.fee.amount', { amount: yuan });
}

/** "5 个工作日", or "即办" when it is done on the spot. */
export function formatWorkingDays(days: number, t: TFunction): string {
  return days === 0 ? t('catalog.days.onTheSpot') : t('catalog.days.count', { count: days });
}

/** "零跑动" for no visit, "最多跑一次" for one. */
export function formatTrips(trips: number, t: TFunction): string {
  return trips === 0 ? t('catalog.trips.zero') : t('catalog.trips.count', { count: trips });
}

/** Yuan as typed ("12.5", "1,200") → fen, or null when it is not an amount with at most 2 decimals. */
export function yuanToFen(text: string): number | null {
  const cleaned = text
    .trim()
    .replace(/[,，\s]/g, '')
    .replace(/^[¥￥]/, '');
  const match = /^(\d{1,9})(?:\.(\d{1,2}))?$/.exec(cleaned);
  if (!match) return null;
  return Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
}

/** Fen → the yuan text the editor shows ("12.50"). */
export function fenToYuan(fen: number): string {
  return (fen / 100).toFixed(2);
}
