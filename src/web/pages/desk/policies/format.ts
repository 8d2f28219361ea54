// Money and dates as the desk's pages show them: yuan from integer fen, Shanghai dates.
import { formatYuan } from '../../../../contracts/money.ts';

export const yuan = (fen: number): string => `¥${formatYuan(fen)}`;

export const shanghaiDate = (iso: string, language: string): string =>
  new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : 'zh-CN', {
    timeZone: 'Asia/Shanghai',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(new Date(iso));

export const shanghaiDateTime = (iso: string, language: string): string =>
  new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : 'zh-CN', {
    timeZone: 'Asia/Shanghai',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  }).format(new Date(iso));

export const percent = (value: number | null, language: string, signed = false): string =>
  value === null
    ? '—'
    : new Intl.NumberFormat(language === 'en' ? 'en-GB' : 'zh-CN', {
        style: 'percent',
        maximumFractionDigits: 1,
        ...(signed ? { signDisplay: 'exceptZero' as const } : {}),
      }).format(value);

export const decimal = (value: number | null, language: string): string =>
  value === null
    ? '—'
    : new Intl.NumberFormat(language === 'en' ? 'en-GB' : 'zh-CN', { maximumFractionDigits: 1 }).format(
        value,
      );
