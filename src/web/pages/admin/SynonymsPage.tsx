import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { ApiError } from '../../api/client.ts';
import { listSynonyms, setSynonym } from '../../api/catalog-endpoints.ts';
import type { Synonym } from '../../api/catalog-types.ts';
import { AdminListStatus } from '../../components/AdminListStatus.tsx';
import { ErrorSummary } from '../../components/ErrorSummary.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { RequireAuthor } from '../../components/RequireAuthor.tsx';
import { TextField } from '../../components/TextField.tsx';
import { useApiResource } from '../../lib/use-api-resource.ts';
import { useDocumentTitle } from '../../lib/use-document-title.ts';

export function SynonymsPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('synonyms.title'));
  return <RequireAuthor platformAdminOnly>{() => <SynonymsContent />}</RequireAuthor>;
}

/** "医保, 医疗保险" → ["医保", "医疗保险"]: commas (either width), 、 or new lines separate. */
function splitTerms(text: string): string[] {
  return [
    ...new Set(
      text
        .split(/[,，、\n]/)
        .map((term) => term.trim())
        .filter(Boolean),
    ),
  ];
}

/** `/admin/synonyms`: what colloquial words search expands to; built-in ones can be changed or switched off. */
function SynonymsContent() {
  const { t } = useTranslation();
  const [state, reload] = useApiResource(listSynonyms);
  const [term, setTerm] = useState('');
  const [expandsTo, setExpandsTo] = useState('');
  const [editing, setEditing] = useState<string | null>(null);
  const [errors, setErrors] = useState<{ term?: string; expandsTo?: string }>({});
  const [submitCount, setSubmitCount] = useState(0);
  const [notice, setNotice] = useState<{ kind: 'success' | 'error'; text: string } | null>(null);
  const [busyTerm, setBusyTerm] = useState<string | null>(null);

  async function store(target: string, list: string[], done: string) {
    setBusyTerm(target);
    setNotice(null);
    try {
      await setSynonym(target, list);
      setNotice({ kind: 'success', text: done });
      reload();
      return true;
    } catch (error) {
      setNotice({ kind: 'error', text: error instanceof ApiError ? error.message : t('errors.unexpected') });
      return false;
    } finally {
      setBusyTerm(null);
    }
  }

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const problems: typeof errors = {};
    const cleanTerm = term.trim();
    const list = splitTerms(expandsTo);
    if (!cleanTerm) problems.term = t('synonyms.errors.termRequired');
    else if (cleanTerm.length > 30) problems.term = t('synonyms.errors.termTooLong');
    if (list.length === 0) problems.expandsTo = t('synonyms.errors.expandsToRequired');
    else if (list.length > 20 || list.some((w) => w.length > 50))
      problems.expandsTo = t('synonyms.errors.expandsToTooMany');
    setErrors(problems);
    setSubmitCount((count) => count + 1);
    if (Object.keys(problems).length > 0) return;
    if (await store(cleanTerm, list, t('synonyms.saved', { term: cleanTerm }))) {
      setTerm('');
      setExpandsTo('');
      setEditing(null);
    }
  }

  function edit(item: Synonym) {
    setEditing(item.term);
    setTerm(item.term);
    setExpandsTo(item.expandsTo.join('，'));
    setErrors({});
    window.setTimeout(() => document.getElementById('synonym-expandsTo')?.focus(), 0);
  }

  return (
    <>
      <p className="breadcrumbs-inline">
        <Link to="/admin/catalog">{t('admin.editor.backToList')}</Link>
      </p>
      <PageHeading>{t('synonyms.title')}</PageHeading>
      <p className="lead">{t('synonyms.intro')}</p>

      <section className="panel synonym-form" aria-labelledby="synonym-form-title">
        <h2 className="panel__title" id="synonym-form-title">
          {editing ? t('synonyms.editTitle', { term: editing }) : t('synonyms.addTitle')}
        </h2>
        <ErrorSummary
          items={[
            ...(errors.term ? [{ fieldId: 'synonym-term', message: errors.term }] : []),
            ...(errors.expandsTo ? [{ fieldId: 'synonym-expandsTo', message: errors.expandsTo }] : []),
          ]}
          focusKey={submitCount}
        />
        <form className="form" noValidate onSubmit={(event) => void submit(event)}>
          <TextField
            id="synonym-term"
            label={t('synonyms.term')}
            hint={t('synonyms.termHint')}
            value={term}
            onChange={setTerm}
            error={errors.term}
            readOnly={editing !== null}
            maxLength={30}
          />
          <TextField
            id="synonym-expandsTo"
            label={t('synonyms.expandsTo')}
            hint={t('synonyms.expandsToHint')}
            value={expandsTo}
            onChange={setExpandsTo}
            error={errors.expandsTo}
          />
          <div className="admin-actions">
            <button className="button button--primary" type="submit" disabled={busyTerm !== null}>
              {t('synonyms.save')}
            </button>
            {editing && (
              <button
                className="button button--secondary"
                type="button"
                onClick={() => {
                  setEditing(null);
                  setTerm('');
                  setExpandsTo('');
                  setErrors({});
                }}
              >
                {t('common.cancel')}
              </button>
            )}
          </div>
        </form>
      </section>

      <AdminListStatus notice={notice} state={state}>
        {(data) => (
          <div className="table-wrap" role="region" aria-labelledby="synonyms-caption" tabIndex={0}>
            <table className="data-table">
              <caption id="synonyms-caption" className="visually-hidden">
                {t('synonyms.caption')}
              </caption>
              <thead>
                <tr>
                  <th scope="col">{t('synonyms.term')}</th>
                  <th scope="col">{t('synonyms.expandsTo')}</th>
                  <th scope="col">{t('synonyms.origin')}</th>
                  <th scope="col">{t('synonyms.actions')}</th>
                </tr>
              </thead>
              <tbody>
                {data.items.map((item) => {
                  const isOff = item.expandsTo.length === 0;
                  return (
                    <tr key={item.term} className={isOff ? 'data-table__row--off' : undefined}>
                      <th scope="row">{item.term}</th>
                      <td>
                        {isOff ? (
                          <span className="badge badge--muted">{t('synonyms.off')}</span>
                        ) : (
                          item.expandsTo.join('、')
                        )}
                      </td>
                      <td>
                        {item.isBuiltIn ? (
                          <span className="badge">{t('synonyms.builtIn')}</span>
                        ) : (
                          <span className="badge badge--plain">{t('synonyms.added')}</span>
                        )}
                      </td>
                      <td className="data-table__actions">
                        <button
                          type="button"
                          className="button button--secondary button--small"
                          onClick={() => edit(item)}
                          aria-label={t('synonyms.editLabel', { term: item.term })}
                        >
                          {t('synonyms.edit')}
                        </button>
                        {!isOff && (
                          <button
                            type="button"
                            className="button button--secondary button--small"
                            disabled={busyTerm !== null}
                            onClick={() =>
                              void store(item.term, [], t('synonyms.switchedOff', { term: item.term }))
                            }
                            aria-label={t('synonyms.switchOffLabel', { term: item.term })}
                          >
                            {t('synonyms.switchOff')}
                          </button>
                        )}
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
