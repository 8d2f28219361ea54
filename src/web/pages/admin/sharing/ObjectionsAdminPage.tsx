import { useCallback, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { ApiError } from '../../../api/client.ts';
import { answerObjection, listObjections, type Objection } from '../../../api/data-endpoints.ts';
import { SelectField, TextAreaField } from '../../../components/ChoiceFields.tsx';
import { PageHeading } from '../../../components/PageHeading.tsx';
import { RequireSession } from '../../../components/RequireSession.tsx';
import { ResourceStatus } from '../../../components/ResourceStatus.tsx';
import { formatDateTime } from '../../../lib/format.ts';
import { pickName } from '../../../lib/local-name.ts';
import { useApiResource } from '../../../lib/use-api-resource.ts';
import { useDocumentTitle } from '../../../lib/use-document-title.ts';

/** 用数异议: objections to access records, open ones first; admins answer each once. */
export function ObjectionsAdminPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('data.objections.title'));
  return <RequireSession>{() => <Objections />}</RequireSession>;
}

function Objections() {
  const { t } = useTranslation();
  const [status, setStatus] = useState<'' | 'open' | 'answered'>('open');
  const load = useCallback(() => listObjections(status || undefined), [status]);
  const [state, reload] = useApiResource(load);
  return (
    <>
      <p>
        <Link to="/admin/sharing">{t('data.admin.title')}</Link>
      </p>
      <PageHeading>{t('data.objections.title')}</PageHeading>
      <p className="lead">{t('data.objections.lead')}</p>
      <SelectField
        id="objections-status"
        label={t('data.objections.filter')}
        value={status}
        options={[
          { value: '', label: t('data.objections.all') },
          { value: 'open', label: t('data.access.objectionStatus.open') },
          { value: 'answered', label: t('data.access.objectionStatus.answered') },
        ]}
        onChange={(value) => setStatus(value as '' | 'open' | 'answered')}
      />
      <ResourceStatus state={state}>
        {({ items }) => (
          <>
            {items.length === 0 && <p className="empty">{t('data.objections.empty')}</p>}
            <ul className="item-list">
              {items.map((objection) => (
                <ObjectionItem key={objection.id} objection={objection} onAnswered={reload} />
              ))}
            </ul>
          </>
        )}
      </ResourceStatus>
    </>
  );
}

function ObjectionItem({ objection, onAnswered }: { objection: Objection; onAnswered(): void }) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'zh-CN';
  const [answer, setAnswer] = useState('');
  const [error, setError] = useState<string | undefined>();
  const record = objection.record;
  const titleId = `objection-${objection.id}`;

  async function submit(event: FormEvent) {
    event.preventDefault();
    try {
      await answerObjection(objection.id, answer);
      onAnswered();
    } catch (caught) {
      const apiError = caught as ApiError;
      setError(apiError.fieldErrors().answer ?? apiError.message);
    }
  }

  return (
    <li className="item" aria-labelledby={titleId}>
      <h2 className="item__title" id={titleId}>
        <span className={objection.status === 'open' ? 'badge badge--warning' : 'badge badge--success'}>
          {t(`data.access.objectionStatus.${objection.status}`)}
        </span>{' '}
        {t('data.objections.filedBy', {
          name: objection.filedByName,
          at: formatDateTime(objection.createdAt, language),
        })}
      </h2>
      <p>{objection.note}</p>
      {record && (
        <dl className="facts facts--compact">
          <div className="facts__row">
            <dt>{t('data.objections.record')}</dt>
            <dd>
              {formatDateTime(record.at, language)} · {record.actorName ?? ''}{' '}
              {record.officeName
                ? pickName(language, record.officeName, record.officeNameEn)
                : (record.appName ?? '')}{' '}
              ·{' '}
              {record.registerNameZh
                ? pickName(language, record.registerNameZh, record.registerNameEn)
                : record.action}{' '}
              · {record.purpose ?? ''}
            </dd>
          </div>
          <div className="facts__row">
            <dt>{t('data.access.fields')}</dt>
            <dd>{record.fields.join('、')}</dd>
          </div>
        </dl>
      )}
      {objection.answer ? (
        <p>
          <strong>{t('data.objections.answer')}:</strong> {objection.answer} ({objection.answeredByName})
        </p>
      ) : (
        <form onSubmit={(event) => void submit(event)} aria-label={t('data.objections.answer')}>
          <TextAreaField
            id={`${titleId}-answer`}
            label={t('data.objections.answer')}
            value={answer}
            onChange={setAnswer}
            error={error}
            rows={3}
          />
          <button type="submit" className="button button--primary">
            {t('data.objections.answerSubmit')}
          </button>
        </form>
      )}
    </li>
  );
}
