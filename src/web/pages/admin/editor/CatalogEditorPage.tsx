import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { getAuthoringEntry } from '../../../api/catalog-endpoints.ts';
import type { AuthoringEntry } from '../../../api/catalog-types.ts';
import type { Me } from '../../../api/types.ts';
import { PageHeading } from '../../../components/PageHeading.tsx';
import { RequireAuthor } from '../../../components/RequireAuthor.tsx';
import { authorDepartments } from '../../../lib/authoring.ts';
import { useDepartments } from '../../../lib/catalog-reference.ts';
import { useApiResource } from '../../../lib/use-api-resource.ts';
import { useDocumentTitle } from '../../../lib/use-document-title.ts';
import { Editor } from './Editor.tsx';
import { fieldsFromDefinition, newBundleFields, newServiceFields } from './editor-fields.ts';

/** `/admin/catalog/new` and `/admin/catalog/:id`: the authoring editor. */
export function CatalogEditorPage() {
  const { t } = useTranslation();
  const { id = 'new' } = useParams();
  useDocumentTitle(id === 'new' ? t('admin.editor.newTitle') : t('admin.editor.editTitle'));
  return <RequireAuthor>{(me) => <EditorLoader key={id} me={me} id={id} />}</RequireAuthor>;
}

function EditorLoader({ me, id }: { me: Me; id: string }) {
  const { t } = useTranslation();
  const [searchParams] = useSearchParams();
  const departments = useDepartments();
  const load = useCallback(
    (): Promise<AuthoringEntry | null> => (id === 'new' ? Promise.resolve(null) : getAuthoringEntry(id)),
    [id],
  );
  const [state] = useApiResource(load);

  if (state.status === 'failed' || departments.status === 'failed') {
    const error =
      state.status === 'failed' ? state.error : departments.status === 'failed' ? departments.error : null;
    return (
      <div className="narrow">
        <PageHeading>
          {error?.status === 404 ? t('admin.editor.notFound') : t('admin.editor.loadFailed')}
        </PageHeading>
        <p className="lead">{error?.message}</p>
        <Link to="/admin/catalog">{t('admin.editor.backToList')}</Link>
      </div>
    );
  }
  if (state.status === 'loading' || departments.status === 'loading') {
    return (
      <p className="status-message" role="status">
        {t('common.loading')}
      </p>
    );
  }

  const mine = authorDepartments(me, departments.items);
  const entry = state.data;
  if (!entry) {
    const isBundle = me.isAdmin && searchParams.get('type') === 'bundle';
    return (
      <Editor
        me={me}
        departments={mine}
        allDepartments={departments.items}
        entry={null}
        initialFields={isBundle ? newBundleFields() : newServiceFields(mine[0]?.code ?? '')}
      />
    );
  }
  const stored = entry.draft?.definition ?? entry.published?.definition ?? {};
  return (
    <Editor
      me={me}
      departments={mine}
      allDepartments={departments.items}
      entry={{
        id: entry.id,
        code: entry.code,
        status: entry.status,
        draftVersion: entry.draft?.version ?? null,
        publishedVersion: entry.published?.version ?? null,
      }}
      initialFields={fieldsFromDefinition(entry.entryType, stored)}
    />
  );
}
