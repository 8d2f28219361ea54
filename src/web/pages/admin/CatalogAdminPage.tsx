import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { listAuthoring } from '../../api/catalog-endpoints.ts';
import type { AuthoringListItem } from '../../api/catalog-types.ts';
import type { Me } from '../../api/types.ts';
import { PageHeading } from '../../components/PageHeading.tsx';
import { RequireAuthor } from '../../components/RequireAuthor.tsx';
import { TextField } from '../../components/TextField.tsx';
import { itemsOf, useDepartments } from '../../lib/catalog-reference.ts';
import { formatDateTime } from '../../lib/format.ts';
import { localName } from '../../lib/local-name.ts';
import { useApiResource } from '../../lib/use-api-resource.ts';
import { useDocumentTitle } from '../../lib/use-document-title.ts';

export function CatalogAdminPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('admin.catalog.title'));
  return <RequireAuthor>{(me) => <CatalogAdminContent me={me} />}</RequireAuthor>;
}

const STATUS_BADGE: Record<string, string> = {
  published: 'badge badge--success',
  draft: 'badge badge--warning',
  retired: 'badge badge--muted',
};

function matches(item: AuthoringListItem, filter: string): boolean {
  const text = filter.trim().toLowerCase();
  return !text || item.code.toLowerCase().includes(text) || item.nameZh.toLowerCase().includes(text);
}

/** `/admin/catalog`: the services (and, for platform admins, bundles) I may author. */
function CatalogAdminContent({ me }: { me: Me }) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'zh-CN';
  const [state] = useApiResource(listAuthoring);
  const departments = itemsOf(useDepartments());
  const [filter, setFilter] = useState('');
  const departmentName = (code: string | null) => {
    const department = departments.find((d) => d.code === code);
    return department ? localName(department, language) : (code ?? t('catalog.multiDepartment'));
  };

  const items = state.status === 'ready' ? state.data.items.filter((item) => matches(item, filter)) : [];

  return (
    <>
      <PageHeading>{t('admin.catalog.title')}</PageHeading>
      <p className="lead">{me.isAdmin ? t('admin.catalog.introAdmin') : t('admin.catalog.introOffice')}</p>
      <div className="admin-actions">
        <Link className="button button--primary" to="/admin/catalog/new">
          {t('admin.catalog.newService')}
        </Link>
        {me.isAdmin && (
          <>
            <Link className="button button--secondary" to="/admin/catalog/new?type=bundle">
              {t('admin.catalog.newBundle')}
            </Link>
            <Link className="button button--secondary" to="/admin/synonyms">
              {t('admin.catalog.synonyms')}
            </Link>
            <Link className="button button--secondary" to="/admin/departments">
              {t('admin.catalog.departments')}
            </Link>
            <Link className="button button--secondary" to="/admin/topics">
              {t('admin.catalog.topics')}
            </Link>
            <Link className="button button--secondary" to="/admin/calendar">
              {t('admin.catalog.calendar')}
            </Link>
            <Link className="button button--secondary" to="/admin/sharing">
              {t('data.admin.title')}
            </Link>
          </>
        )}
      </div>
      {state.status === 'loading' && (
        <p className="status-message" role="status">
          {t('common.loading')}
        </p>
      )}
      {state.status === 'failed' && (
        <p className="notice notice--error" role="alert">
          {state.error.message}
        </p>
      )}
      {state.status === 'ready' && (
        <>
          <div className="admin-filter">
            <TextField
              id="catalog-filter"
              label={t('admin.catalog.filter')}
              value={filter}
              onChange={setFilter}
            />
          </div>
          <p className="result-count" role="status">
            {t('admin.catalog.count', { count: items.length, total: state.data.items.length })}
          </p>
          <div className="table-wrap" role="region" aria-labelledby="catalog-table-caption" tabIndex={0}>
            <table className="data-table">
              <caption id="catalog-table-caption" className="visually-hidden">
                {t('admin.catalog.caption')}
              </caption>
              <thead>
                <tr>
                  <th scope="col">{t('admin.catalog.columns.name')}</th>
                  <th scope="col">{t('admin.catalog.columns.department')}</th>
                  <th scope="col">{t('admin.catalog.columns.status')}</th>
                  <th scope="col">{t('admin.catalog.columns.published')}</th>
                  <th scope="col">{t('admin.catalog.columns.draft')}</th>
                  <th scope="col">{t('admin.catalog.columns.updated')}</th>
                </tr>
              </thead>
              <tbody>
                {items.map((item) => (
                  <tr key={item.id}>
                    <th scope="row">
                      <Link to={`/admin/catalog/${encodeURIComponent(item.id)}`}>{item.nameZh}</Link>
                      <span className="data-table__sub mono">
                        {item.code}
                        {item.entryType === 'bundle' && ` · ${t('catalog.bundleBadge')}`}
                      </span>
                    </th>
                    <td>{departmentName(item.departmentCode)}</td>
                    <td>
                      <span className={STATUS_BADGE[item.status] ?? 'badge'}>
                        {t(`admin.status.${item.status}`)}
                      </span>
                    </td>
                    <td>
                      {item.publishedVersion
                        ? t('admin.catalog.version', { version: item.publishedVersion })
                        : '—'}
                    </td>
                    <td>
                      {item.draftVersion ? t('admin.catalog.version', { version: item.draftVersion }) : '—'}
                    </td>
                    <td>{formatDateTime(item.updatedAt, language)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </>
  );
}
