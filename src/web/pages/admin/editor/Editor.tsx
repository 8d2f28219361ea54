import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate } from 'react-router-dom';
import { ApiError } from '../../../api/client.ts';
import { createDraft, publishEntry, retireEntry, saveDraft } from '../../../api/catalog-endpoints.ts';
import type { Department, EntryStatus } from '../../../api/catalog-types.ts';
import type { Me } from '../../../api/types.ts';
import { ConfirmDialog } from '../../../components/ConfirmDialog.tsx';
import { PageHeading } from '../../../components/PageHeading.tsx';
import { BasicsSection } from './BasicsSection.tsx';
import { BundleMembersEditor } from './BundleMembersEditor.tsx';
import { DraftPreview } from './DraftPreview.tsx';
import { FormSchemaEditor } from './FormSchemaEditor.tsx';
import { GuideSection } from './GuideSection.tsx';
import { ChannelsSection, LimitsSection } from './HandlingSections.tsx';
import { MaterialsEditor } from './MaterialsEditor.tsx';
import { WorkflowResultSection } from './WorkflowResultSection.tsx';
import { ProblemsPanel } from './ProblemsPanel.tsx';
import { buildDefinition, parseJsonText } from './editor-fields.ts';
import type { EditorFields } from './editor-fields.ts';
import { messagesByField } from './problems.ts';
import type { Problem } from './problems.ts';
import { useLiveCheck } from './use-live-check.ts';

export interface EntryInfo {
  id: string;
  code: string;
  status: EntryStatus;
  draftVersion: number | null;
  publishedVersion: number | null;
}

interface Props {
  me: Me;
  /** The departments this author may choose for a new service. */
  departments: Department[];
  allDepartments: Department[];
  entry: EntryInfo | null;
  initialFields: EditorFields;
}

type Notice = { kind: 'success' | 'error'; text: string; link?: { to: string; label: string } };
type Busy = 'save' | 'publish' | 'retire' | null;

function lastGoodForm(fields: EditorFields) {
  const schema = parseJsonText(fields.formSchema, 'object');
  const ui = parseJsonText(fields.formUi, 'object');
  const mapping = fields.entryType === 'bundle' ? parseJsonText(fields.mapping, 'array') : null;
  return {
    schema: (schema.ok ? schema.value : { type: 'object', properties: {} }) as Record<string, unknown>,
    ui: (ui.ok ? ui.value : { order: [] }) as Record<string, unknown>,
    mapping: (mapping?.ok ? mapping.value : []) as unknown[],
  };
}

export function Editor({ me, departments, allDepartments, entry: initialEntry, initialFields }: Props) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const location = useLocation();
  const [fields, setFields] = useState(initialFields);
  const [entry, setEntry] = useState(initialEntry);
  const [lastGood, setLastGood] = useState(() => lastGoodForm(initialFields));
  const built = useMemo(() => buildDefinition(fields, lastGood), [fields, lastGood]);
  const json = JSON.stringify(built.definition);
  const [savedJson, setSavedJson] = useState(() =>
    initialEntry
      ? JSON.stringify(buildDefinition(initialFields, lastGoodForm(initialFields)).definition)
      : null,
  );
  const check = useLiveCheck(fields.entryType, built.definition);
  const [mode, setMode] = useState<'edit' | 'preview'>('edit');
  const [dialog, setDialog] = useState<'publish' | 'retire' | null>(null);
  const [busy, setBusy] = useState<Busy>(null);
  const created = (location.state as { created?: number } | null)?.created;
  const [notice, setNotice] = useState<Notice | null>(
    created ? { kind: 'success', text: t('admin.editor.created', { version: created }) } : null,
  );
  const isDirty = savedJson !== json;
  // A new entry starts empty: its fields say what is wrong once touched, or after a save.
  const [touched, setTouched] = useState<ReadonlySet<string>>(new Set());
  const [hasTriedSaving, setHasTriedSaving] = useState(initialEntry !== null);

  // Keep the live preview on the last JSON that parsed while the author is mid-edit.
  useEffect(() => {
    setLastGood((current) => {
      const next = lastGoodForm(fields);
      return {
        schema: parseJsonText(fields.formSchema, 'object').ok ? next.schema : current.schema,
        ui: parseJsonText(fields.formUi, 'object').ok ? next.ui : current.ui,
        mapping:
          fields.entryType === 'bundle' && parseJsonText(fields.mapping, 'array').ok
            ? next.mapping
            : current.mapping,
      };
    });
  }, [fields]);

  // Leaving with unsaved changes asks first (closing the tab, reloading).
  useEffect(() => {
    if (!isDirty) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [isDirty]);

  const localProblems: Problem[] = built.local.map((local) => ({
    path: local.path,
    message: t(`admin.editor.local.${local.problem}`, { detail: local.detail ?? '' }),
  }));
  const localPaths = new Set(localProblems.map((p) => p.path));
  const problems = [...localProblems, ...check.problems.filter((p) => !localPaths.has(p.path))];
  const messages = messagesByField(problems);
  const errorOf = (fieldId: string) => {
    const key = fieldId.startsWith('material') ? 'materials' : fieldId;
    return hasTriedSaving || touched.has(key) ? messages.get(fieldId) : undefined;
  };
  const update = (patch: Partial<EditorFields>) => {
    setFields((current) => ({ ...current, ...patch }) as EditorFields);
    setTouched((current) => new Set([...current, ...Object.keys(patch)]));
  };

  function describeFailure(error: unknown): string {
    return error instanceof ApiError ? error.message : t('errors.unexpected');
  }

  async function save() {
    setHasTriedSaving(true);
    if (built.local.length > 0) {
      setNotice({ kind: 'error', text: t('admin.editor.fixFirst') });
      return;
    }
    setBusy('save');
    setNotice(null);
    try {
      if (!entry) {
        const saved = await createDraft(fields.entryType, built.definition);
        setSavedJson(json);
        await navigate(`/admin/catalog/${encodeURIComponent(saved.entryId)}`, {
          replace: true,
          state: { created: saved.version },
        });
        return;
      }
      const saved = await saveDraft(entry.id, built.definition);
      setEntry({ ...entry, draftVersion: saved.version });
      setSavedJson(json);
      setNotice({ kind: 'success', text: t('admin.editor.saved', { version: saved.version }) });
    } catch (error) {
      if (error instanceof ApiError && error.code === 'VALIDATION_FAILED' && Array.isArray(error.details)) {
        check.accept(error.details as Problem[]);
        setNotice({ kind: 'error', text: t('admin.editor.saveRefused') });
      } else {
        setNotice({ kind: 'error', text: describeFailure(error) });
      }
    } finally {
      setBusy(null);
    }
  }

  async function publish() {
    if (!entry) return;
    setDialog(null);
    setBusy('publish');
    setNotice(null);
    try {
      const result = await publishEntry(entry.id);
      setEntry({ ...entry, status: 'published', publishedVersion: result.version, draftVersion: null });
      setNotice({
        kind: 'success',
        text: t('admin.editor.published', { version: result.version }),
        link: { to: `/services/${encodeURIComponent(entry.code)}`, label: t('admin.editor.viewPublished') },
      });
    } catch (error) {
      setNotice({ kind: 'error', text: describeFailure(error) });
    } finally {
      setBusy(null);
    }
  }

  async function retire() {
    if (!entry) return;
    setDialog(null);
    setBusy('retire');
    setNotice(null);
    try {
      await retireEntry(entry.id);
      setEntry({ ...entry, status: 'retired' });
      setNotice({ kind: 'success', text: t('admin.editor.retired') });
    } catch (error) {
      setNotice({ kind: 'error', text: describeFailure(error) });
    } finally {
      setBusy(null);
    }
  }

  if (mode === 'preview') {
    return (
      <DraftPreview
        entryType={fields.entryType}
        definition={built.definition}
        departments={allDepartments}
        onBack={() => setMode('edit')}
      />
    );
  }

  const canPublish = entry !== null && entry.draftVersion !== null && !isDirty;
  const publishHint = !entry
    ? null
    : isDirty
      ? t('admin.editor.publishNeedsSave')
      : entry.draftVersion === null
        ? t('admin.editor.publishNoDraft')
        : null;
  const name = fields.nameZh || fields.code;

  return (
    <div className="editor">
      <p className="breadcrumbs-inline">
        <Link to="/admin/catalog">{t('admin.editor.backToList')}</Link>
      </p>
      <PageHeading>
        {entry
          ? t('admin.editor.editHeading', { name })
          : fields.entryType === 'bundle'
            ? t('admin.editor.newBundleHeading')
            : t('admin.editor.newHeading')}
      </PageHeading>
      <p className="editor__status">
        {entry ? (
          <>
            <span className="badge">{t(`admin.status.${entry.status}`)}</span>{' '}
            {entry.publishedVersion !== null &&
              t('admin.editor.publishedVersion', { version: entry.publishedVersion })}
            {entry.draftVersion !== null &&
              ` ${t('admin.editor.draftVersion', { version: entry.draftVersion })}`}
          </>
        ) : (
          t(me.isAdmin ? 'admin.editor.newIntroAdmin' : 'admin.editor.newIntro')
        )}
        {isDirty && <span className="badge badge--warning editor__dirty">{t('admin.editor.unsaved')}</span>}
      </p>

      <div className="editor-toolbar" role="group" aria-label={t('admin.editor.actions')}>
        <button
          type="button"
          className="button button--primary"
          onClick={() => void save()}
          disabled={busy !== null}
        >
          {busy === 'save' ? t('admin.editor.saving') : t('admin.editor.save')}
        </button>
        <button type="button" className="button button--secondary" onClick={() => setMode('preview')}>
          {t('admin.editor.previewAsResident')}
        </button>
        {entry && (
          <button
            type="button"
            className="button button--secondary"
            onClick={() => setDialog('publish')}
            disabled={!canPublish || busy !== null}
            aria-describedby={publishHint ? 'publish-hint' : undefined}
          >
            {busy === 'publish' ? t('admin.editor.publishing') : t('admin.editor.publish')}
          </button>
        )}
        {entry?.status === 'published' && (
          <button
            type="button"
            className="button button--danger-outline"
            onClick={() => setDialog('retire')}
            disabled={busy !== null}
          >
            {t('admin.editor.retire')}
          </button>
        )}
      </div>
      {publishHint && (
        <p className="editor-hint" id="publish-hint">
          {publishHint}
        </p>
      )}

      <div role="status" aria-live="polite">
        {notice && (
          <p className={`notice notice--${notice.kind}`}>
            {notice.text}
            {notice.link && (
              <>
                {' '}
                <Link to={notice.link.to}>{notice.link.label}</Link>
              </>
            )}
          </p>
        )}
      </div>

      <ProblemsPanel problems={problems} isChecking={check.isChecking} failure={check.failure} />

      <form className="editor-form" noValidate onSubmit={(event) => event.preventDefault()}>
        <BasicsSection
          fields={fields}
          update={update}
          errorOf={errorOf}
          isExisting={entry !== null}
          departments={entry ? allDepartments : departments}
        />
        <GuideSection fields={fields} update={update} errorOf={errorOf} />
        {fields.entryType === 'service' ? (
          <>
            <MaterialsEditor fields={fields} update={update} errorOf={errorOf} />
            <LimitsSection fields={fields} update={update} errorOf={errorOf} />
            <ChannelsSection fields={fields} update={update} errorOf={errorOf} />
            <WorkflowResultSection fields={fields} update={update} errorOf={errorOf} />
          </>
        ) : (
          <BundleMembersEditor fields={fields} update={update} errorOf={errorOf} />
        )}
        <FormSchemaEditor fields={fields} update={update} errorOf={errorOf} preview={lastGood} />
      </form>

      <ConfirmDialog
        isOpen={dialog !== null}
        title={t(
          dialog === 'retire' ? 'admin.editor.confirmRetire.title' : 'admin.editor.confirmPublish.title',
        )}
        body={t(
          dialog === 'retire' ? 'admin.editor.confirmRetire.body' : 'admin.editor.confirmPublish.body',
          {
            name,
          },
        )}
        confirmLabel={t(
          dialog === 'retire' ? 'admin.editor.confirmRetire.confirm' : 'admin.editor.confirmPublish.confirm',
        )}
        isDanger={dialog === 'retire'}
        onConfirm={() => void (dialog === 'retire' ? retire() : publish())}
        onCancel={() => setDialog(null)}
      />
    </div>
  );
}
