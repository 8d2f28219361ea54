// i18next set-up: zh-CN by default, English on request; the choice sticks in
// localStorage and is mirrored into <html lang>.
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en, zhCN } from './catalogues.ts';

export const LANGUAGES = ['zh-CN', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
export const DEFAULT_LANGUAGE: Language = 'zh-CN';
export const LANGUAGE_STORAGE_KEY = 'tongban.lang';

// Both catalogues must have exactly the same keys: each assignment fails to compile
// when the other side lacks one.
const enHasEveryKey: typeof zhCN = en;
const zhHasEveryKey: typeof en = zhCN;
void enHasEveryKey;
void zhHasEveryKey;

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof zhCN };
  }
}

export function isLanguage(value: unknown): value is Language {
  return value === 'zh-CN' || value === 'en';
}

function storedLanguage(): Language {
  try {
    const value = window.localStorage.getItem(LANGUAGE_STORAGE_KEY);
    if (isLanguage(value)) return value;
  } catch {
    // Storage can be unavailable (privacy mode); the default language is fine then.
  }
  return DEFAULT_LANGUAGE;
}

function applyLanguage(language: string): void {
  document.documentElement.lang = isLanguage(language) ? language : DEFAULT_LANGUAGE;
}

i18n.on('languageChanged', applyLanguage);

void i18n.use(initReactI18next).init({
  resources: { 'zh-CN': { translation: zhCN }, en: { translation: en } },
  lng: storedLanguage(),
  fallbackLng: DEFAULT_LANGUAGE,
  supportedLngs: LANGUAGES,
  load: 'currentOnly',
  initAsync: false,
  interpolation: { escapeValue: false },
});
applyLanguage(i18n.language);

/** Switches the UI language and remembers the choice for the next visit. */
export async function changeLanguage(language: Language): Promise<void> {
  try {
    window.localStorage.setItem(LANGUAGE_STORAGE_KEY, language);
  } catch {
    // Not remembered, but the switch still applies to this visit.
  }
  await i18n.changeLanguage(language);
}

export default i18n;
