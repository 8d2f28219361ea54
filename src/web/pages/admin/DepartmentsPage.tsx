import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { ApiError } from '../../api/client.ts';
import { listDepartments, setDepartment } from '../../api/catalog-endpoints.ts';
import type { Department } from '../../api/catalog-types.ts';
import { SelectField } from '../../components/ChoiceFields.tsx';
import { AdminListStatus } from '../../components/AdminListStatus.tsx';
import { ErrorSummary } from '../../components/ErrorSummary.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { RequireAuthor } from '../../components/RequireAuthor.tsx';
import { TextField } from '../../components/TextField.tsx';
import { forgetReferenceLists } from '../../lib/catalog-reference.ts';
import { useApiResource } from '../../lib/use-api-resource.ts';
import { useDocumentTitle } from '../../lib/use-document-title.ts';

export function DepartmentsPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('departmentsAdmin.title'));
  return <RequireAuthor platformAdminOnly>{() => <DepartmentsContent />}</RequireAuthor>;
}

type Level = Department['level'];
type Field = 'code' | 'nameZh' | 'nameEn' | 'level';
const LEVELS: Level[] = ['city', 'district', 'street'];
const FIELD_IDS: Record<Field, string> = {
  code: 'department-code',
  nameZh: 'department-nameZh',
  nameEn: 'department-nameEn',
  level: 'department-level',
};
const CODE_PATTERN = /^[a-z][a-z0-9-]{1,40}$/;
const EMPTY = { code: '', nameZh: '', nameEn: '', level: '' as Level | '' };

/** `/admin/departments`: the city's departments; platform admins add new ones and rename them. */
function DepartmentsContent() {
  const { t, i18n } = useTranslation();
  const [state, reload] = useApiResource(listDepartments);
  const [form, setForm] = useState(EMPTY);
  const [editing, setEditing] = useState<string | null>(null);
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [submitCount, setSubmitCount] = useState(0);
  const [notice, setNotice] = useState<{ kind: 'success' | 'error'; text: string } | null>(null);
  const [isBusy, setIsBusy] = useState(false);
  const items = state.status === 'ready' ? state.data.items : [];
  const change = (field: Field) => (value: string) => setForm((current) => ({ ...current, [field]: value }));

  function check(): Partial<Record<Field, string>> {
    const problems: Partial<Record<Field, string>> = {};
    const code = form.code.trim();
    if (!code) problems.code = t('departmentsAdmin.errors.codeRequired');
    else if (!CODE_PATTERN.test(code)) problems.code = t('departmentsAdmin.errors.codeFormat');
    else if (!editing && items.some((d) => d.code === code))
      problems.code = t('departmentsAdmin.errors.codeTaken', { code });
    const nameZh = form.nameZh.trim();
    if (nameZh.length < 2 || nameZh.length > 60) problems.nameZh = t('departmentsAdmin.errors.nameZh');
    const nameEn = form.nameEn.trim();
    if (nameEn.length < 2 || nameEn.length > 120) problems.nameEn = t('departmentsAdmin.errors.nameEn');
    if (!form.level) problems.level = t('departmentsAdmin.errors.levelRequired');
    return problems;
  }

  function reset() {
    setForm(EMPTY);
    setEditing(null);
    setErrors({});
  }

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setNotice(null);
    const problems = check();
    setErrors(problems);
    setSubmitCount((count) => count + 1);
    if (Object.keys(problems).length > 0 || !form.level) return;
    const code = form.code.trim();
    const nameZh = form.nameZh.trim();
    setIsBusy(true);
    try {
      await setDepartment(code, { nameZh, nameEn: form.nameEn.trim(), level: form.level });
      forgetReferenceLists();
      setNotice({
        kind: 'success',
        text: editing
          ? t('departmentsAdmin.renamed', { name: nameZh })
          : t('departmentsAdmin.added', { name: nameZh }),
      });
      reset();
      reload();
    } catch (error) {
      const fieldErrors = error instanceof ApiError ? error.fieldErrors() : {};
      const known = Object.fromEntries(
        Object.entries(fieldErrors).filter(([field]) => field in FIELD_IDS),
      ) as Partial<Record<Field, string>>;
      if (Object.keys(known).length > 0) {
        setErrors(known);
        setSubmitCount((count) => count + 1);
      } else {
        setNotice({
          kind: 'error',
          text: error instanceof ApiError ? error.message : t('errors.unexpected'),
        });
      }
    } finally {
      setIsBusy(false);
    }
  }

  function edit(department: Department) {
    setEditing(department.code);
    setForm({
      code: department.code,
      nameZh: department.nameZh,
      nameEn: department.nameEn,
      level: department.level,
    });
    setErrors({});
    setNotice(null);
    window.setTimeout(() => document.getElementById(FIELD_IDS.nameZh)?.focus(), 0);
  }

  const editingName = items.find((d) => d.code === editing)?.nameZh ?? editing;

  return (
    <>
      <p className="breadcrumbs-inline">
        <Link to="/admin/catalog">{t('admin.editor.backToList')}</Link>
      </p>
      <PageHeading>{t('departmentsAdmin.title')}</PageHeading>
      <p className="lead">{t('departmentsAdmin.intro')}</p>

      <section className="panel synonym-form" aria-labelledby="department-form-title">
        <h2 className="panel__title" id="department-form-title">
          {editing ? t('departmentsAdmin.editTitle', { name: editingName }) : t('departmentsAdmin.addTitle')}
        </h2>
        <ErrorSummary
          items={(Object.keys(FIELD_IDS) as Field[]).flatMap((field) => {
            const message = errors[field];
            return message ? [{ fieldId: FIELD_IDS[field], message }] : [];
          })}
          focusKey={submitCount}
        />
        <form className="form" noValidate onSubmit={(event) => void submit(event)}>
          <TextField
            id={FIELD_IDS.code}
            label={t('departmentsAdmin.code')}
            hint={t('departmentsAdmin.codeHint')}
            value={form.code}
            onChange={change('code')}
            error={errors.code}
            readOnly={editing !== null}
            maxLength={41}
            spellCheck={false}
            autoCapitalize="none"
            lang="en"
          />
          <TextField
            id={FIELD_IDS.nameZh}
            label={t('departmentsAdmin.nameZh')}
            hint={t('departmentsAdmin.nameZhHint')}
            value={form.nameZh}
            onChange={change('nameZh')}
            error={errors.nameZh}
            maxLength={60}
            lang="zh-CN"
          />
          <TextField
            id={FIELD_IDS.nameEn}
            label={t('departmentsAdmin.nameEn')}
            value={form.nameEn}
            onChange={change('nameEn')}
            error={errors.nameEn}
            maxLength={120}
            lang="en"
          />
          <SelectField<Level | ''>
            id={FIELD_IDS.level}
            label={t('departmentsAdmin.level')}
            hint={t('departmentsAdmin.levelHint')}
            value={form.level}
            options={[
              { value: '', label: t('departmentsAdmin.chooseLevel') },
              ...LEVELS.map((level) => ({ value: level, label: t(`departmentsAdmin.levels.${level}`) })),
            ]}
            onChange={change('level')}
            error={errors.level}
          />
          <div className="admin-actions">
            <button className="button button--primary" type="submit" disabled={isBusy}>
              {editing ? t('departmentsAdmin.saveRename') : t('departmentsAdmin.add')}
            </button>
            {editing && (
              <button className="button button--secondary" type="button" onClick={reset}>
                {t('common.cancel')}
              </button>
            )}
          </div>
        </form>
      </section>

      <AdminListStatus notice={notice} state={state}>
        {() => (
          <div className="table-wrap" role="region" aria-labelledby="departments-caption" tabIndex={0}>
            <table className="data-table">
              <caption id="departments-caption" className="visually-hidden">
                {t('departmentsAdmin.caption')}
              </caption>
              <thead>
                <tr>
                  <th scope="col">{t('departmentsAdmin.nameZh')}</th>
                  <th scope="col">{t('departmentsAdmin.nameEn')}</th>
                  <th scope="col">{t('departmentsAdmin.code')}</th>
                  <th scope="col">{t('departmentsAdmin.level')}</th>
                  <th scope="col">{t('departmentsAdmin.actions')}</th>
                </tr>
              </thead>
              <tbody>
                {items.map((department) => (
                  <tr key={department.code}>
                    <th scope="row" lang="zh-CN">
                      {department.nameZh}
                    </th>
                    <td lang="en">{department.nameEn}</td>
                    <td>
                      <code>{department.code}</code>
                    </td>
                    <td>{t(`departmentsAdmin.levels.${department.level}`)}</td>
                    <td className="data-table__actions">
                      <button
                        type="button"
                        className="button button--secondary button--small"
                        onClick={() => edit(department)}
                        aria-label={t('departmentsAdmin.renameLabel', {
                          name: i18n.resolvedLanguage === 'en' ? department.nameEn : department.nameZh,
                        })}
                      >
                        {t('departmentsAdmin.rename')}
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </AdminListStatus>
    </>
  );
}
