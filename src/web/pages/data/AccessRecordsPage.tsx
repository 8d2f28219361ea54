import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { ApiError } from '../../api/client.ts';
import {
  accessRecordsCsvUrl,
  fileObjection,
  listAccessRecords,
  listMyObjections,
  listRegisters,
  listSharingApps,
  type AccessFilter,
  type AccessRecord,
  type RegisterInfo,
  type SharingApp,
} from '../../api/data-endpoints.ts';
import type { Me } from '../../api/types.ts';
import { SelectField, TextAreaField } from '../../components/ChoiceFields.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { RequireSession } from '../../components/RequireSession.tsx';
import { TextField } from '../../components/TextField.tsx';
import { formatDateTime } from '../../lib/format.ts';
import { pickName } from '../../lib/local-name.ts';
import { useApiResource } from '../../lib/use-api-resource.ts';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import './data.css';

const PAGE = 20;

/** 用数记录: every access to my data (or an enterprise's I belong to), filters, CSV, objections. */
export function AccessRecordsPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('data.access.title'));
  return <RequireSession>{(me) => <AccessRecords me={me} />}</RequireSession>;
}

function AccessRecords({ me }: { me: Me }) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'zh-CN';
  const [enterpriseId, setEnterpriseId] = useState('');
  const [draft, setDraft] = useState<AccessFilter>({});
  const [filter, setFilter] = useState<AccessFilter>({});
  const [items, setItems] = useState<AccessRecord[]>([]);
  const [total, setTotal] = useState<number | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [apps, setApps] = useState<SharingApp[]>([]);
  const [registers, setRegisters] = useState<RegisterInfo[]>([]);
  const effective = { ...filter, ...(enterpriseId ? { enterpriseId } : {}) };
  const effectiveKey = JSON.stringify(effective);

  useEffect(() => {
    void listSharingApps().then((r) => setApps(r.items), () => setApps([]));
    void listRegisters().then((r) => setRegisters(r.items), () => setRegisters([]));
  }, []);

  const load = useCallback(
    async (offset: number) => {
      try {
        const page = await listAccessRecords(JSON.parse(effectiveKey) as AccessFilter, { limit: PAGE, offset });
        setItems((previous) => (offset === 0 ? page.items : [...previous, ...page.items]));
        setTotal(page.total);
        setError(null);
      } catch (caught) {
        setError(caught as ApiError);
      }
    },
    [effectiveKey],
  );

  useEffect(() => {
    void load(0);
  }, [load, language]);

  function fieldName(qualified: string): string {
    const [register, field] = qualified.split('.');
    const info = registers.find((r) => r.code === register)?.fields.find((f) => f.name === field);
    return info ? pickName(language, info.nameZh, info.nameEn) : qualified;
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    setFilter({ ...draft });
  }

  const offices = [...new Map(items.filter((i) => i.officeId).map((i) => [i.officeId!, i])).values()];
  const consumerOptions = [
    { value: '', label: t('data.access.consumerAll') },
    { value: 'self', label: t('data.access.consumerSelf') },
    ...apps.map((app) => ({ value: `app:${app.id}`, label: pickName(language, app.nameZh, app.nameEn) })),
    ...offices.map((item) => ({
      value: `office:${item.officeId}`,
      label: pickName(language, item.officeName ?? '', item.officeNameEn),
    })),
  ];
  const enterprise = me.enterprises.find((e) => e.id === enterpriseId);

  return (
    <>
      <p>
        <Link to="/data">{t('data.query.back')}</Link>
      </p>
      <PageHeading>{t('data.access.title')}</PageHeading>
      <p className="lead">{t('data.access.lead')}</p>
      <form className="panel" onSubmit={submit} aria-labelledby="access-filter-title">
        <h2 className="panel__title" id="access-filter-title">
          {t('data.access.filters')}
        </h2>
        <div className="data-filters">
          {me.enterprises.length > 0 && (
            <SelectField
              id="access-whose"
              label={t('data.access.whose')}
              value={enterpriseId}
              options={[
                { value: '', label: t('data.access.mine') },
                ...me.enterprises.map((e) => ({ value: e.id, label: e.name })),
              ]}
              onChange={setEnterpriseId}
            />
          )}
          <TextField
            id="access-from"
            label={t('data.access.from')}
            hint="2026-01-31"
            value={draft.from ?? ''}
            onChange={(from) => setDraft({ ...draft, from })}
            isShort
          />
          <TextField
            id="access-to"
            label={t('data.access.to')}
            hint="2026-12-31"
            value={draft.to ?? ''}
            onChange={(to) => setDraft({ ...draft, to })}
            isShort
          />
          <SelectField
            id="access-consumer"
            label={t('data.access.consumer')}
            value={draft.consumer ?? ''}
            options={consumerOptions}
            onChange={(consumer) => setDraft({ ...draft, consumer })}
          />
          <TextField
            id="access-purpose"
            label={t('data.access.purpose')}
            value={draft.purpose ?? ''}
            onChange={(purpose) => setDraft({ ...draft, purpose })}
          />
        </div>
        <div className="data-filters__actions">
          <button type="submit" className="button button--primary">
            {t('data.access.apply')}
          </button>
          <button
            type="button"
            className="button button--secondary"
            onClick={() => {
              setDraft({});
              setFilter({});
            }}
          >
            {t('data.access.clear')}
          </button>
          <a className="button button--secondary" href={accessRecordsCsvUrl(effective)} download>
            {t('data.access.export')}
          </a>
        </div>
      </form>
      <section aria-labelledby="access-list-title">
        <h2 id="access-list-title">
          {enterprise ? t('data.access.enterpriseLead', { name: enterprise.name }) : t('data.access.title')}
        </h2>
        {error && (
          <p className="notice notice--error" role="alert">
            {error.message}
          </p>
        )}
        <p role="status">{total === null ? t('common.loading') : t('data.access.count', { count: total })}</p>
        {total === 0 && <p className="empty">{t('data.access.empty')}</p>}
        <ul className="item-list">
          {items.map((item) => (
            <AccessItem key={item.id} item={item} fieldName={fieldName} enterpriseId={enterpriseId || undefined} />
          ))}
        </ul>
        {total !== null && items.length < total && (
          <button type="button" className="button button--secondary" onClick={() => void load(items.length)}>
            {t('data.access.more')}
          </button>
        )}
      </section>
      <MyObjections />
    </>
  );
}

function AccessItem({
  item,
  fieldName,
  enterpriseId,
}: {
  item: AccessRecord;
  fieldName(qualified: string): string;
  enterpriseId: string | undefined;
}) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'zh-CN';
  const [isObjecting, setIsObjecting] = useState(false);
  const [note, setNote] = useState('');
  const [noteError, setNoteError] = useState<string | undefined>();
  const [isFiled, setIsFiled] = useState(false);
  const place =
    (item.officeName ? pickName(language, item.officeName, item.officeNameEn) : null) ??
    (item.appName ? pickName(language, item.appName, item.appNameEn) : null);
  const titleId = `access-${item.id}`;
  const kindLabel =
    item.consumerKind === 'other'
      ? t(`data.access.actionNames.${item.action.replace(/\./g, '_')}`, {
          defaultValue: `${t('data.access.kinds.other')} (${item.action})`,
        })
      : t(`data.access.kinds.${item.consumerKind}`, { defaultValue: item.consumerKind });

  async function submit(event: FormEvent) {
    event.preventDefault();
    try {
      await fileObjection(item.id, note, enterpriseId);
      setIsFiled(true);
      setIsObjecting(false);
    } catch (caught) {
      const apiError = caught as ApiError;
      setNoteError(apiError.fieldErrors().note ?? apiError.message);
    }
  }

  return (
    <li className="item" aria-labelledby={titleId}>
      <h3 className="item__title" id={titleId}>
        {formatDateTime(item.at, language)} · {kindLabel}
      </h3>
      <dl className="facts facts--compact">
        <div className="facts__row">
          <dt>{t('data.access.who')}</dt>
          <dd>{[item.actorName, place].filter(Boolean).join(' · ') || t('common.none')}</dd>
        </div>
        {item.register && (
          <div className="facts__row">
            <dt>{t('data.access.source')}</dt>
            <dd>{pickName(language, item.registerNameZh ?? item.register, item.registerNameEn)}</dd>
          </div>
        )}
        <div className="facts__row">
          <dt>{t('data.access.fields')}</dt>
          <dd>{item.fields.length ? item.fields.map(fieldName).join('、') : t('common.none')}</dd>
        </div>
        <div className="facts__row">
          <dt>{t('data.access.purposeLabel')}</dt>
          <dd>{item.purpose ?? t('common.none')}</dd>
        </div>
        {item.serviceCode && (
          <div className="facts__row">
            <dt>{t('data.access.service')}</dt>
            <dd>
              <Link to={`/services/${item.serviceCode}`}>{item.serviceCode}</Link>
            </dd>
          </div>
        )}
        {item.applicationId && (
          <div className="facts__row">
            <dt>{t('data.access.application')}</dt>
            <dd className="mono">{item.applicationId}</dd>
          </div>
        )}
      </dl>
      <div className="access-item__actions">
        {isFiled && (
          <p className="notice notice--success" role="status">
            {t('data.access.objectFiled')}
          </p>
        )}
        {!isFiled && !isObjecting && (
          <button type="button" className="button button--secondary button--small" onClick={() => setIsObjecting(true)}>
            {t('data.access.object')}
          </button>
        )}
        {isObjecting && (
          <form onSubmit={(event) => void submit(event)} aria-label={t('data.access.objectTitle')}>
            <TextAreaField
              id={`objection-${item.id}`}
              label={t('data.access.objectNote')}
              value={note}
              onChange={setNote}
              error={noteError}
              rows={3}
            />
            <div className="data-filters__actions">
              <button type="submit" className="button button--primary">
                {t('data.access.objectSubmit')}
              </button>
              <button type="button" className="button button--secondary" onClick={() => setIsObjecting(false)}>
                {t('data.access.objectCancel')}
              </button>
            </div>
          </form>
        )}
      </div>
    </li>
  );
}

function MyObjections() {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'zh-CN';
  const [state] = useApiResource(listMyObjections);
  if (state.status !== 'ready' || state.data.items.length === 0) return null;
  return (
    <section className="panel" aria-labelledby="my-objections-title">
      <h2 className="panel__title" id="my-objections-title">
        {t('data.access.myObjections')}
      </h2>
      <ul className="item-list">
        {state.data.items.map((objection) => (
          <li className="item" key={objection.id}>
            <p>
              <span className={objection.status === 'open' ? 'badge badge--warning' : 'badge badge--success'}>
                {t(`data.access.objectionStatus.${objection.status}`)}
              </span>{' '}
              {formatDateTime(objection.createdAt, language)}: {objection.note}
            </p>
            {objection.answer && (
              <p>
                <strong>{t('data.access.answer')}:</strong> {objection.answer}
              </p>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
