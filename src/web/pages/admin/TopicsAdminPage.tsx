import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { ApiError } from '../../api/client.ts';
import { listTopics, setTopic } from '../../api/catalog-endpoints.ts';
import type { TopicItem } from '../../api/catalog-types.ts';
import { AdminListStatus } from '../../components/AdminListStatus.tsx';
import { ErrorSummary } from '../../components/ErrorSummary.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { RequireAuthor } from '../../components/RequireAuthor.tsx';
import { TextField } from '../../components/TextField.tsx';
import { forgetReferenceLists } from '../../lib/catalog-reference.ts';
import { localName } from '../../lib/local-name.ts';
import { useApiResource } from '../../lib/use-api-resource.ts';
import { useDocumentTitle } from '../../lib/use-document-title.ts';

export function TopicsAdminPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('topicsAdmin.title'));
  return <RequireAuthor platformAdminOnly>{() => <TopicsAdminContent />}</RequireAuthor>;
}

type Field = 'nameZh' | 'nameEn' | 'sortOrder';
const FIELD_IDS: Record<Field, string> = {
  nameZh: 'topic-nameZh',
  nameEn: 'topic-nameEn',
  sortOrder: 'topic-sortOrder',
};

/** `/admin/topics`: the life events and enterprise stages residents browse by; renamed and reordered here. */
function TopicsAdminContent() {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'zh-CN';
  const [state, reload] = useApiResource(listTopics);
  const [editing, setEditing] = useState<TopicItem | null>(null);
  const [form, setForm] = useState({ nameZh: '', nameEn: '', sortOrder: '' });
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [submitCount, setSubmitCount] = useState(0);
  const [notice, setNotice] = useState<{ kind: 'success' | 'error'; text: string } | null>(null);
  const [isBusy, setIsBusy] = useState(false);
  const items = state.status === 'ready' ? state.data.items : [];
  const change = (field: Field) => (value: string) => setForm((current) => ({ ...current, [field]: value }));

  async function save(changes: { topic: TopicItem; nameZh: string; nameEn: string; sortOrder: number }[]) {
    for (const { topic, ...body } of changes) await setTopic(topic.code, body);
    forgetReferenceLists();
    reload();
  }

  function failed(error: unknown) {
    setNotice({ kind: 'error', text: error instanceof ApiError ? error.message : t('errors.unexpected') });
  }

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!editing) return;
    setNotice(null);
    const nameZh = form.nameZh.trim();
    const nameEn = form.nameEn.trim();
    const sortOrder = /^\d{1,4}$/.test(form.sortOrder.trim()) ? Number(form.sortOrder.trim()) : Number.NaN;
    const problems: Partial<Record<Field, string>> = {};
    if (nameZh.length < 1 || nameZh.length > 20) problems.nameZh = t('topicsAdmin.errors.nameZh');
    if (nameEn.length < 1 || nameEn.length > 60) problems.nameEn = t('topicsAdmin.errors.nameEn');
    if (!(sortOrder >= 0 && sortOrder <= 1000)) problems.sortOrder = t('topicsAdmin.errors.sortOrder');
    setErrors(problems);
    setSubmitCount((count) => count + 1);
    if (Object.keys(problems).length > 0) return;
    setIsBusy(true);
    try {
      await save([{ topic: editing, nameZh, nameEn, sortOrder }]);
      setNotice({ kind: 'success', text: t('topicsAdmin.saved', { name: nameZh }) });
      setEditing(null);
    } catch (error) {
      const fieldErrors = error instanceof ApiError ? error.fieldErrors() : {};
      const known = Object.fromEntries(
        Object.entries(fieldErrors).filter(([field]) => field in FIELD_IDS),
      ) as Partial<Record<Field, string>>;
      if (Object.keys(known).length > 0) {
        setErrors(known);
        setSubmitCount((count) => count + 1);
      } else failed(error);
    } finally {
      setIsBusy(false);
    }
  }

  /** Swaps a topic with its neighbour of the same audience (they are listed by audience). */
  async function move(topic: TopicItem, step: -1 | 1) {
    const group = items.filter((item) => item.audience === topic.audience);
    const index = group.findIndex((item) => item.code === topic.code);
    const neighbour = group[index + step];
    if (!neighbour) return;
    // Equal numbers would not change the order: the one moving up gets the smaller number.
    const [upper, lower] = step === -1 ? [topic, neighbour] : [neighbour, topic];
    const first = Math.min(topic.sortOrder, neighbour.sortOrder);
    const second = Math.max(topic.sortOrder, neighbour.sortOrder, first + 1);
    setIsBusy(true);
    setNotice(null);
    try {
      await save([
        { topic: upper, nameZh: upper.nameZh, nameEn: upper.nameEn, sortOrder: first },
        { topic: lower, nameZh: lower.nameZh, nameEn: lower.nameEn, sortOrder: second },
      ]);
      setNotice({
        kind: 'success',
        text: t(step === -1 ? 'topicsAdmin.movedUp' : 'topicsAdmin.movedDown', {
          name: localName(topic, language),
        }),
      });
    } catch (error) {
      failed(error);
    } finally {
      setIsBusy(false);
    }
  }

  function edit(topic: TopicItem) {
    setEditing(topic);
    setForm({ nameZh: topic.nameZh, nameEn: topic.nameEn, sortOrder: String(topic.sortOrder) });
    setErrors({});
    setNotice(null);
    window.setTimeout(() => document.getElementById(FIELD_IDS.nameZh)?.focus(), 0);
  }

  return (
    <>
      <p className="breadcrumbs-inline">
        <Link to="/admin/catalog">{t('admin.editor.backToList')}</Link>
      </p>
      <PageHeading>{t('topicsAdmin.title')}</PageHeading>
      <p className="lead">{t('topicsAdmin.intro')}</p>

      {editing && (
        <section className="panel synonym-form" aria-labelledby="topic-form-title">
          <h2 className="panel__title" id="topic-form-title">
            {t('topicsAdmin.editTitle', { name: localName(editing, language) })}
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
              id={FIELD_IDS.nameZh}
              label={t('topicsAdmin.nameZh')}
              hint={t('topicsAdmin.nameZhHint')}
              value={form.nameZh}
              onChange={change('nameZh')}
              error={errors.nameZh}
              maxLength={20}
              lang="zh-CN"
            />
            <TextField
              id={FIELD_IDS.nameEn}
              label={t('topicsAdmin.nameEn')}
              value={form.nameEn}
              onChange={change('nameEn')}
              error={errors.nameEn}
              maxLength={60}
              lang="en"
            />
            <TextField
              id={FIELD_IDS.sortOrder}
              label={t('topicsAdmin.sortOrder')}
              hint={t('topicsAdmin.sortOrderHint')}
              value={form.sortOrder}
              onChange={change('sortOrder')}
              error={errors.sortOrder}
              inputMode="numeric"
              maxLength={4}
              isShort
            />
            <div className="admin-actions">
              <button className="button button--primary" type="submit" disabled={isBusy}>
                {t('topicsAdmin.save')}
              </button>
              <button
                className="button button--secondary"
                type="button"
                onClick={() => {
                  setEditing(null);
                  setErrors({});
                }}
              >
                {t('common.cancel')}
              </button>
            </div>
          </form>
        </section>
      )}

      <AdminListStatus notice={notice} state={state}>
        {() => (
          <div className="table-wrap" role="region" aria-labelledby="topics-caption" tabIndex={0}>
            <table className="data-table">
              <caption id="topics-caption" className="visually-hidden">
                {t('topicsAdmin.caption')}
              </caption>
              <thead>
                <tr>
                  <th scope="col">{t('topicsAdmin.nameZh')}</th>
                  <th scope="col">{t('topicsAdmin.nameEn')}</th>
                  <th scope="col">{t('topicsAdmin.audience')}</th>
                  <th scope="col">{t('topicsAdmin.sortOrder')}</th>
                  <th scope="col">{t('topicsAdmin.actions')}</th>
                </tr>
              </thead>
              <tbody>
                {items.map((topic) => {
                  const group = items.filter((item) => item.audience === topic.audience);
                  const position = group.findIndex((item) => item.code === topic.code);
                  const name = localName(topic, language);
                  return (
                    <tr key={topic.code}>
                      <th scope="row" lang="zh-CN">
                        {topic.nameZh}
                      </th>
                      <td lang="en">{topic.nameEn}</td>
                      <td>{t(`topicsAdmin.audiences.${topic.audience}`)}</td>
                      <td>{topic.sortOrder}</td>
                      <td className="data-table__actions">
                        <button
                          type="button"
                          className="button button--secondary button--small"
                          onClick={() => edit(topic)}
                          aria-label={t('topicsAdmin.renameLabel', { name })}
                        >
                          {t('topicsAdmin.rename')}
                        </button>
                        <button
                          type="button"
                          className="button button--secondary button--small"
                          disabled={isBusy || position === 0}
                          onClick={() => void move(topic, -1)}
                          aria-label={t('topicsAdmin.moveUpLabel', { name })}
                        >
                          {t('topicsAdmin.moveUp')}
                        </button>
                        <button
                          type="button"
                          className="button button--secondary button--small"
                          disabled={isBusy || position === group.length - 1}
                          onClick={() => void move(topic, 1)}
                          aria-label={t('topicsAdmin.moveDownLabel', { name })}
                        >
                          {t('topicsAdmin.moveDown')}
                        </button>
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        )}
      </AdminListStatus>
    </>
  );
}
