import { useTranslation } from 'react-i18next';
import { changeLanguage } from '../i18n/index.ts';

/** One button that offers the other language, written in that language. */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const target = i18n.resolvedLanguage === 'en' ? 'zh-CN' : 'en';
  return (
    <button
      type="button"
      className="header-button language-switch"
      lang={target}
      title={t('layout.languageSwitchTitle')}
      onClick={() => void changeLanguage(target)}
    >
      {t('layout.languageSwitch')}
    </button>
  );
}
