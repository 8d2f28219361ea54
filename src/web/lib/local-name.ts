// The server gives many names in both languages (nameZh/nameEn, officeName/officeNameEn).
// Show the one of the UI language, and the Chinese one when no English name exists.

export function localName(named: { nameZh: string; nameEn: string }, language: string): string {
  return pickName(language, named.nameZh, named.nameEn);
}

export function pickName(language: string, chinese: string, english: string | null | undefined): string;
export function pickName(
  language: string,
  chinese: string | null | undefined,
  english: string | null | undefined,
): string | null;
export function pickName(
  language: string,
  chinese: string | null | undefined,
  english: string | null | undefined,
): string | null {
  if (language === 'en' && english) return english;
  return chinese ?? english ?? null;
}
