import { useTranslation } from 'react-i18next';
import type { ManagerContact } from '../requests/desk-api.ts';

/** The enterprise's service manager (店小二) and how to reach them. */
export function ManagerCard({ manager }: { manager: ManagerContact | null }) {
  const { t, i18n } = useTranslation();
  const isEnglish = i18n.resolvedLanguage === 'en';
  return (
    <section className="panel" aria-labelledby="desk-manager-title">
      <h2 className="panel__title" id="desk-manager-title">
        {t('desk.workspace.managerTitle')}
      </h2>
      {manager ? (
        <dl className="facts">
          <div className="facts__row">
            <dt>{t('desk.workspace.managerName')}</dt>
            <dd>{manager.managerName}</dd>
          </div>
          <div className="facts__row">
            <dt>{t('desk.workspace.managerOffice')}</dt>
            <dd>{isEnglish ? manager.officeNameEn : manager.officeNameZh}</dd>
          </div>
          <div className="facts__row">
            <dt>{t('desk.workspace.phone')}</dt>
            <dd>
              <a href={`tel:${manager.phone.replace(/[^0-9+]/g, '')}`}>{manager.phone}</a>
            </dd>
          </div>
          {manager.email && (
            <div className="facts__row">
              <dt>{t('desk.workspace.email')}</dt>
              <dd>
                <a href={`mailto:${manager.email}`}>{manager.email}</a>
              </dd>
            </div>
          )}
          {manager.officeAddress && (
            <div className="facts__row">
              <dt>{t('desk.workspace.officeAddress')}</dt>
              <dd>{manager.officeAddress}</dd>
            </div>
          )}
          {manager.headName && (
            <div className="facts__row">
              <dt>{t('desk.workspace.head')}</dt>
              <dd>{manager.headName}</dd>
            </div>
          )}
        </dl>
      ) : (
        <p className="empty">{t('desk.workspace.noManager')}</p>
      )}
    </section>
  );
}
