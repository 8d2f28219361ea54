// Formatting shared by the console's pages: percentages, weekly figures, Shanghai dates.
export const percent = (value: number | null, language: string): string =>
  value === null
    ? '—'
    : new Intl.NumberFormat(language, { style: 'percent', maximumFractionDigits: 0 }).format(value);

export const number = (value: number, language: string, digits = 1): string =>
  new Intl.NumberFormat(language, { maximumFractionDigits: digits }).format(value);

export const shanghaiDate = (iso: string, language: string): string =>
  new Intl.DateTimeFormat(language, { timeZone: 'Asia/Shanghai', dateStyle: 'medium' }).format(new Date(iso));

export const shanghaiDateTime = (iso: string, language: string): string =>
  new Intl.DateTimeFormat(language, {
    timeZone: 'Asia/Shanghai',
    dateStyle: 'medium',
    timeStyle: 'short',
  }).format(new Date(iso));

/** Today in Shanghai as YYYY-MM-DD. */
export const shanghaiToday = (): string =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
