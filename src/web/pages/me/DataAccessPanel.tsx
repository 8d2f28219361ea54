import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { listDataAccess } from '../../api/endpoints.ts';
import type { DataAccessItem } from '../../api/types.ts';
import { formatDateTime } from '../../lib/format.ts';
import { pickName } from '../../lib/local-name.ts';
import { useApiResource } from '../../lib/use-api-resource.ts';

/** "谁用了我的数据": every recorded read of this person's data. */
export function DataAccessPanel() {
  const { t, i18n } = useTranslation();
  const [state] = useApiResource(listDataAccess);
  const language = i18n.resolvedLanguage ?? 'zh-CN';
  const actionNames = t('me.dataAccess.actions', { returnObjects: true }) as Record<string, string>;
  const fieldNames = t('me.dataAccess.fieldNames', { returnObjects: true }) as Record<string, string>;

  function describeActor(item: DataAccessItem): string {
    const actor = item.actorName ?? t('me.dataAccess.systemActor');
    const office = pickName(language, item.officeName, item.officeNameEn);
    return office ? t('me.dataAccess.who', { actor, office }) : actor;
  }

  return (
    <section className="panel panel--wide" aria-labelledby="data-access-title">
      <h2 className="panel__title" id="data-access-title">
        {t('me.dataAccess.title')}
      </h2>
      <p className="panel__intro">{t('me.dataAccess.intro')}</p>
      <p>
        <Link to="/data/access">{t('data.hub.accessText')}</Link>
      </p>
      {state.status === 'loading' && <p className="status-message">{t('common.loading')}</p>}
      {state.status === 'failed' && (
        <p className="notice notice--error" role="alert">
          {state.error.message}
        </p>
      )}
      {state.status === 'ready' && state.data.items.length === 0 && (
        <p className="empty">{t('me.dataAccess.empty')}</p>
      )}
      {state.status === 'ready' && state.data.items.length > 0 && (
        <>
          <p className="panel__count">
            {state.data.total > state.data.items.length
              ? t('me.dataAccess.showingOf', { shown: state.data.items.length, count: state.data.total })
              : t('me.dataAccess.total', { count: state.data.total })}
          </p>
          <ul className="item-list">
            {state.data.items.map((item) => (
              <li className="item" key={item.id}>
                <h3 className="item__title">{describeActor(item)}</h3>
                <dl className="facts facts--compact">
                  <div className="facts__row">
                    <dt>{t('me.dataAccess.at')}</dt>
                    <dd>{formatDateTime(item.at, language)}</dd>
                  </div>
                  <div className="facts__row">
                    <dt>{t('me.dataAccess.action')}</dt>
                    <dd>{actionNames[item.action] ?? item.action}</dd>
                  </div>
                  <div className="facts__row">
                    <dt>{t('me.dataAccess.purpose')}</dt>
                    <dd>{item.purpose ?? t('common.none')}</dd>
                  </div>
                  <div className="facts__row">
                    <dt>{t('me.dataAccess.fields')}</dt>
                    <dd>
                      {item.fields.length > 0
                        ? item.fields
                            .map((field) => fieldNames[field] ?? field)
                            .join(t('me.dataAccess.fieldSeparator'))
                        : t('common.none')}
                    </dd>
                  </div>
                </dl>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
