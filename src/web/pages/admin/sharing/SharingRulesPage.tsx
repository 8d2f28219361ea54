import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { ApiError } from '../../../api/client.ts';
import {
  listRegisters,
  listSharingRules,
  proposeSharingRule,
  reviewSharingRule,
  sharingRuleHistory,
  type RegisterInfo,
  type SharingRule,
} from '../../../api/data-endpoints.ts';
import type { Me } from '../../../api/types.ts';
import { ChoiceGroup, TextAreaField } from '../../../components/ChoiceFields.tsx';
import { PageHeading } from '../../../components/PageHeading.tsx';
import { RequireSession } from '../../../components/RequireSession.tsx';
import { TextField } from '../../../components/TextField.tsx';
import { formatDateTime } from '../../../lib/format.ts';
import { pickName } from '../../../lib/local-name.ts';
import { useDocumentTitle } from '../../../lib/use-document-title.ts';

/** 共享目录: the sharing rules, changes waiting for review, and each rule's history. */
export function SharingRulesPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('data.admin.title'));
  return <RequireSession>{(me) => <SharingRules me={me} />}</RequireSession>;
}

function SharingRules({ me }: { me: Me }) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const [query, setQuery] = useState({ q: '', pending: false, offset: 0 });
  const [page, setPage] = useState<{ items: SharingRule[]; total: number } | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [registers, setRegisters] = useState<RegisterInfo[]>([]);
  const [notice, setNotice] = useState<string | null>(null);

  const load = useCallback(async () => {
    try {
      setPage(await listSharingRules(query));
      setError(null);
    } catch (caught) {
      setError(caught as ApiError);
    }
  }, [query]);
  useEffect(() => {
    void load();
  }, [load]);
  useEffect(() => {
    void listRegisters().then(
      (r) => setRegisters(r.items),
      () => setRegisters([]),
    );
  }, []);

  function search(event: FormEvent) {
    event.preventDefault();
    setQuery({ ...query, q, offset: 0 });
  }

  return (
    <>
      <PageHeading>{t('data.admin.title')}</PageHeading>
      <p className="lead">{t('data.admin.lead')}</p>
      {me.isAdmin && (
        <p>
          <Link to="/admin/sharing/objections">{t('data.admin.objectionsLink')}</Link>
        </p>
      )}
      <form className="panel" onSubmit={search} role="search">
        <TextField id="rules-q" label={t('data.admin.search')} value={q} onChange={setQ} />
        <ChoiceGroup
          id="rules-pending"
          type="checkbox"
          label={t('data.admin.pendingOnly')}
          options={[{ value: 'pending', label: t('data.admin.pendingOnly') }]}
          selected={query.pending ? ['pending'] : []}
          onChange={(selected) => setQuery({ ...query, pending: selected.includes('pending'), offset: 0 })}
        />
        <button type="submit" className="button button--primary">
          {t('data.admin.searchButton')}
        </button>
      </form>
      <div role="status">{notice && <p className="notice notice--success">{notice}</p>}</div>
      {error && (
        <p className="notice notice--error" role="alert">
          {error.message}
        </p>
      )}
      {page && <p>{t('data.admin.count', { count: page.total })}</p>}
      <ul className="item-list">
        {page?.items.map((rule) => (
          <RuleItem
            key={rule.id}
            rule={rule}
            me={me}
            registers={registers}
            onChanged={(message) => {
              setNotice(message);
              void load();
            }}
          />
        ))}
      </ul>
      {page && (
        <div className="data-filters__actions">
          {query.offset > 0 && (
            <button
              type="button"
              className="button button--secondary"
              onClick={() => setQuery({ ...query, offset: Math.max(0, query.offset - 50) })}
            >
              {t('data.admin.previous')}
            </button>
          )}
          {query.offset + 50 < page.total && (
            <button
              type="button"
              className="button button--secondary"
              onClick={() => setQuery({ ...query, offset: query.offset + 50 })}
            >
              {t('data.admin.more')}
            </button>
          )}
        </div>
      )}
    </>
  );
}

function RuleItem({
  rule,
  me,
  registers,
  onChanged,
}: {
  rule: SharingRule;
  me: Me;
  registers: RegisterInfo[];
  onChanged(message: string): void;
}) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'zh-CN';
  const [history, setHistory] = useState<SharingRule[] | null>(null);
  const [isChanging, setIsChanging] = useState(false);
  const [reviewNote, setReviewNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const register = registers.find((r) => r.code === rule.register);
  const fieldName = (name: string) => {
    const field = register?.fields.find((f) => f.name === name);
    return field ? pickName(language, field.nameZh, field.nameEn) : name;
  };
  const titleId = `rule-${rule.id}`;

  async function review(approve: boolean) {
    try {
      await reviewSharingRule(rule.id, approve, reviewNote || undefined);
      onChanged(t('data.admin.reviewed'));
    } catch (caught) {
      setError((caught as ApiError).message);
    }
  }

  return (
    <li className="item" aria-labelledby={titleId}>
      <h2 className="item__title" id={titleId}>
        <span className="mono">{rule.ruleKey}</span> · {t('data.admin.version', { version: rule.version })}{' '}
        <span className={rule.status === 'active' ? 'badge badge--success' : 'badge badge--warning'}>
          {t(`data.admin.status.${rule.status}`)}
        </span>
      </h2>
      <dl className="facts facts--compact">
        <div className="facts__row">
          <dt>{t('data.admin.consumer')}</dt>
          <dd>
            {t(`data.admin.consumerKinds.${rule.consumerKind}`)}: {rule.consumerRef}
          </dd>
        </div>
        <div className="facts__row">
          <dt>{t('data.admin.register')}</dt>
          <dd>{register ? pickName(language, register.nameZh, register.nameEn) : rule.register}</dd>
        </div>
        <div className="facts__row">
          <dt>{t('data.admin.fields')}</dt>
          <dd>{rule.fields.map(fieldName).join('、')}</dd>
        </div>
        <div className="facts__row">
          <dt>{t('data.admin.purpose')}</dt>
          <dd>{pickName(language, rule.purposeZh, rule.purposeEn)}</dd>
        </div>
        <div className="facts__row">
          <dt>{t('data.admin.basis')}</dt>
          <dd>{rule.legalBasisZh}</dd>
        </div>
        {rule.changeNote && (
          <div className="facts__row">
            <dt>{t('data.admin.note')}</dt>
            <dd>
              {rule.changeNote} (
              {t('data.admin.proposedBy', {
                name: rule.proposedByName,
                at: formatDateTime(rule.proposedAt, language),
              })}
              )
            </dd>
          </div>
        )}
      </dl>
      {error && (
        <p className="notice notice--error" role="alert">
          {error}
        </p>
      )}
      {rule.status === 'proposed' && (
        <div>
          <TextField
            id={`${titleId}-note`}
            label={t('data.admin.reviewNote')}
            value={reviewNote}
            onChange={setReviewNote}
          />
          <div className="data-filters__actions">
            <button type="button" className="button button--primary" onClick={() => void review(true)}>
              {t('data.admin.approve')}
            </button>
            <button
              type="button"
              className="button button--danger-outline"
              onClick={() => void review(false)}
            >
              {t('data.admin.reject')}
            </button>
          </div>
        </div>
      )}
      <div className="data-filters__actions">
        <button
          type="button"
          className="button button--secondary button--small"
          aria-expanded={history !== null}
          onClick={() => {
            if (history) setHistory(null);
            else void sharingRuleHistory(rule.ruleKey).then((r) => setHistory(r.items));
          }}
        >
          {history ? t('data.admin.hideHistory') : t('data.admin.history')}
        </button>
        {me.isAdmin && rule.status === 'active' && !isChanging && (
          <button
            type="button"
            className="button button--secondary button--small"
            onClick={() => setIsChanging(true)}
          >
            {t('data.admin.change')}
          </button>
        )}
      </div>
      {history && (
        <ol className="item-list">
          {history.map((version) => (
            <li key={version.id}>
              {t('data.admin.version', { version: version.version })} ·{' '}
              {t(`data.admin.status.${version.status}`)} · {version.fields.map(fieldName).join('、')} ·{' '}
              {t('data.admin.proposedBy', {
                name: version.proposedByName,
                at: formatDateTime(version.proposedAt, language),
              })}
              {version.reviewedByName &&
                ` · ${t('data.admin.reviewedBy', { name: version.reviewedByName, at: formatDateTime(version.reviewedAt!, language) })}`}
            </li>
          ))}
        </ol>
      )}
      {isChanging && register && (
        <ChangeForm
          rule={rule}
          register={register}
          onCancel={() => setIsChanging(false)}
          onProposed={() => {
            setIsChanging(false);
            onChanged(t('data.admin.proposed'));
          }}
        />
      )}
    </li>
  );
}

function ChangeForm({
  rule,
  register,
  onCancel,
  onProposed,
}: {
  rule: SharingRule;
  register: RegisterInfo;
  onCancel(): void;
  onProposed(): void;
}) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'zh-CN';
  const [changeKind, setChangeKind] = useState<'upsert' | 'retire'>('upsert');
  const [fields, setFields] = useState<string[]>(rule.fields);
  const [purposeZh, setPurposeZh] = useState(rule.purposeZh);
  const [changeNote, setChangeNote] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const id = `change-${rule.id}`;

  async function submit(event: FormEvent) {
    event.preventDefault();
    try {
      await proposeSharingRule({
        ruleKey: rule.ruleKey,
        changeKind,
        consumerKind: rule.consumerKind,
        consumerRef: rule.consumerRef,
        register: rule.register,
        fields,
        purposeZh,
        purposeEn: rule.purposeEn,
        legalBasisZh: rule.legalBasisZh,
        validFrom: rule.validFrom,
        validTo: rule.validTo,
        changeNote,
      });
      onProposed();
    } catch (caught) {
      const apiError = caught as ApiError;
      const fieldErrors = apiError.fieldErrors();
      setErrors(Object.keys(fieldErrors).length ? fieldErrors : { form: apiError.message });
    }
  }

  return (
    <form className="panel" onSubmit={(event) => void submit(event)} aria-label={t('data.admin.change')}>
      {errors.form && (
        <p className="notice notice--error" role="alert">
          {errors.form}
        </p>
      )}
      <ChoiceGroup
        id={`${id}-kind`}
        type="radio"
        label={t('data.admin.changeKind')}
        options={(['upsert', 'retire'] as const).map((value) => ({
          value,
          label: t(`data.admin.changeKinds.${value}`),
        }))}
        selected={[changeKind]}
        onChange={(selected) => setChangeKind(selected[0] ?? 'upsert')}
      />
      {changeKind === 'upsert' && (
        <>
          <ChoiceGroup
            id={`${id}-fields`}
            type="checkbox"
            label={t('data.admin.fields')}
            options={register.fields.map((f) => ({
              value: f.name,
              label: pickName(language, f.nameZh, f.nameEn),
            }))}
            selected={fields}
            onChange={setFields}
            error={errors.fields}
          />
          <TextField
            id={`${id}-purpose`}
            label={t('data.admin.purpose')}
            value={purposeZh}
            onChange={setPurposeZh}
            error={errors.purposeZh}
          />
        </>
      )}
      <TextAreaField
        id={`${id}-note`}
        label={t('data.admin.changeNote')}
        value={changeNote}
        onChange={setChangeNote}
        error={errors.changeNote}
        rows={2}
      />
      <div className="data-filters__actions">
        <button type="submit" className="button button--primary">
          {t('data.admin.submit')}
        </button>
        <button type="button" className="button button--secondary" onClick={onCancel}>
          {t('data.admin.cancel')}
        </button>
      </div>
    </form>
  );
}
