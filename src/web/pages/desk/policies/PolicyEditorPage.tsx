import { useCallback, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { ApiError } from '../../../api/client.ts';
import { PageHeading } from '../../../components/PageHeading.tsx';
import { RequireSession } from '../../../components/RequireSession.tsx';
import { TextField } from '../../../components/TextField.tsx';
import { useApiResource } from '../../../lib/use-api-resource.ts';
import { useDocumentTitle } from '../../../lib/use-document-title.ts';
import { DryRunResult } from './DryRunResult.tsx';
import { shanghaiDateTime } from './format.ts';
import {
  createPolicy,
  dryRunRule,
  getPolicy,
  getPolicyFields,
  publishPolicy,
  rematchPolicy,
  retirePolicy,
  updatePolicy,
  type DryRun,
  type Policy,
  type PolicyFieldsInfo,
} from './policies-api.ts';
import { PendingPage } from '../PendingPage.tsx';

/** `/desk/policies/library/:id` (or `new`): edit a policy, test its rule, publish, re-match. */
export function PolicyEditorPage() {
  const { id = 'new' } = useParams();
  const { t } = useTranslation();
  useDocumentTitle(t('deskInvest.editor.title'));
  return <RequireSession>{() => <Loader id={id} />}</RequireSession>;
}

function Loader({ id }: { id: string }) {
  const { t } = useTranslation();
  const load = useCallback(
    async () => ({ fields: await getPolicyFields(), policy: id === 'new' ? null : await getPolicy(id) }),
    [id],
  );
  const [state, , replace] = useApiResource(load);
  if (state.status !== 'ready') return <PendingPage state={state} title={t('deskInvest.editor.title')} />;
  return (
    <Editor
      key={state.data.policy?.id ?? 'new'}
      fields={state.data.fields}
      policy={state.data.policy}
      onSaved={(policy) => replace({ fields: state.data.fields, policy })}
    />
  );
}

/** "5000" or "5000.5" yuan → fen (integer), or null when not an amount. */
function toFen(text: string): number | null {
  const match = /^(\d{1,12})(?:\.(\d{1,2}))?$/.exec(text.trim());
  if (!match) return null;
  return Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
}
const fromFen = (fen: number | null) => (fen === null ? '' : (fen / 100).toFixed(2));

function Editor({
  fields,
  policy,
  onSaved,
}: {
  fields: PolicyFieldsInfo;
  policy: Policy | null;
  onSaved(policy: Policy): void;
}) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const isEn = i18n.resolvedLanguage === 'en';
  const language = i18n.resolvedLanguage ?? 'zh-CN';
  const [code, setCode] = useState('');
  const [office, setOffice] = useState(fields.issuerOffices[0]?.code ?? '');
  const [titleZh, setTitleZh] = useState(policy?.titleZh ?? '');
  const [titleEn, setTitleEn] = useState(policy?.titleEn ?? '');
  const [summaryZh, setSummaryZh] = useState(policy?.summaryZh ?? '');
  const [summaryEn, setSummaryEn] = useState(policy?.summaryEn ?? '');
  const [district, setDistrict] = useState(policy?.districtCode ?? '');
  const [isAutoGrant, setAutoGrant] = useState(policy?.isAutoGrant ?? false);
  const [amount, setAmount] = useState(fromFen(policy?.benefitAmountFen ?? null));
  const [ruleText, setRuleText] = useState(JSON.stringify(policy?.rule ?? { all: [] }, null, 2));
  const [problems, setProblems] = useState<string[]>([]);
  const [notice, setNotice] = useState('');
  const [dryRun, setDryRun] = useState<DryRun | null>(null);
  const [busy, setBusy] = useState(false);
  const readOnly = policy !== null && !policy.canEdit;

  const parsedRule = (): unknown => {
    try {
      return JSON.parse(ruleText) as unknown;
    } catch {
      setProblems([t('deskInvest.editor.ruleNotJson')]);
      return undefined;
    }
  };
  const explain = (error: unknown) => {
    if (error instanceof ApiError) {
      const details = Array.isArray(error.details)
        ? (error.details as { path?: string; message?: string }[]).map((d) =>
            d.path ? `${d.path}: ${d.message ?? ''}` : (d.message ?? ''),
          )
        : [];
      setProblems([error.message, ...details]);
    } else setProblems([String(error)]);
  };
  const run = async (action: () => Promise<void>) => {
    setBusy(true);
    setProblems([]);
    setNotice('');
    try {
      await action();
    } catch (error) {
      explain(error);
    } finally {
      setBusy(false);
    }
  };

  const onDryRun = () =>
    run(async () => {
      const rule = parsedRule();
      if (rule === undefined) return;
      setDryRun(await dryRunRule({ rule, districtCode: district.trim() || null }));
    });

  const onSave = (event: FormEvent) => {
    event.preventDefault();
    void run(async () => {
      const rule = parsedRule();
      if (rule === undefined) return;
      const benefitAmountFen = isAutoGrant ? toFen(amount) : null;
      if (isAutoGrant && benefitAmountFen === null) {
        setProblems([t('deskInvest.editor.amountInvalid')]);
        return;
      }
      const body = {
        titleZh,
        titleEn,
        summaryZh,
        summaryEn,
        districtCode: district.trim() || null,
        isAutoGrant,
        benefitAmountFen,
        rule,
      };
      if (policy === null) {
        const created = await createPolicy({ ...body, code, issuerOfficeCode: office });
        void navigate(`/desk/policies/library/${created.id}`, { replace: true });
        return;
      }
      const saved = await updatePolicy(policy.id, body);
      onSaved(saved);
      setNotice(
        saved.ruleVersion !== policy.ruleVersion && saved.status === 'published'
          ? t('deskInvest.editor.savedRematch', { version: saved.ruleVersion })
          : t('deskInvest.editor.saved'),
      );
    });
  };

  const act = (action: 'publish' | 'rematch' | 'retire') =>
    run(async () => {
      if (!policy) return;
      if (action === 'rematch') {
        await rematchPolicy(policy.id);
        setNotice(t('deskInvest.editor.rematchQueued'));
        return;
      }
      const saved = action === 'publish' ? await publishPolicy(policy.id) : await retirePolicy(policy.id);
      onSaved(saved);
      setNotice(t(action === 'publish' ? 'deskInvest.editor.published' : 'deskInvest.editor.retired'));
    });

  const heading = policy ? (isEn ? policy.titleEn : policy.titleZh) : t('deskInvest.editor.newTitle');
  return (
    <>
      <PageHeading>{heading}</PageHeading>
      <p>
        <Link to="/desk/policies/library">{t('deskInvest.library.back')}</Link>
      </p>
      {policy && (
        <p className="lead" data-testid="policy-state">
          {t('deskInvest.editor.state', {
            code: policy.code,
            status: t(`deskInvest.status.${policy.status}`),
            version: policy.ruleVersion,
            matched: policy.matchedNow,
            benefits: policy.benefitsGranted,
          })}
        </p>
      )}
      {policy?.lastRun && (
        <p data-testid="last-run">
          {t('deskInvest.editor.lastRun', {
            at: shanghaiDateTime(policy.lastRun.finishedAt ?? policy.lastRun.startedAt, language),
            version: policy.lastRun.ruleVersion,
            checked: policy.lastRun.checked,
            matched: policy.lastRun.matched,
            told: policy.lastRun.told,
            granted: policy.lastRun.granted,
          })}
        </p>
      )}
      <div aria-live="polite">
        {notice && (
          <p className="notice notice--success" role="status">
            {notice}
          </p>
        )}
      </div>
      {problems.length > 0 && (
        <div className="notice notice--error" role="alert" data-testid="problems">
          <ul>
            {problems.map((problem) => (
              <li key={problem}>{problem}</li>
            ))}
          </ul>
        </div>
      )}
      <form onSubmit={onSave} noValidate>
        <fieldset disabled={readOnly || busy} className="fieldset">
          <legend className="visually-hidden">{t('deskInvest.editor.title')}</legend>
          {policy === null && (
            <>
              <TextField
                id="code"
                label={t('deskInvest.editor.code')}
                hint={t('deskInvest.editor.codeHint')}
                value={code}
                onChange={setCode}
                isShort
              />
              <div className="field">
                <label className="field__label" htmlFor="office">
                  {t('deskInvest.editor.office')}
                </label>
                <select
                  id="office"
                  className="field__select"
                  value={office}
                  onChange={(e) => setOffice(e.target.value)}
                >
                  {fields.issuerOffices.map((o) => (
                    <option key={o.code} value={o.code}>
                      {isEn ? o.nameEn : o.nameZh}
                    </option>
                  ))}
                </select>
              </div>
            </>
          )}
          <TextField
            id="titleZh"
            label={t('deskInvest.editor.titleZh')}
            value={titleZh}
            onChange={setTitleZh}
          />
          <TextField
            id="titleEn"
            label={t('deskInvest.editor.titleEn')}
            value={titleEn}
            onChange={setTitleEn}
            lang="en"
          />
          <Area
            id="summaryZh"
            label={t('deskInvest.editor.summaryZh')}
            value={summaryZh}
            onChange={setSummaryZh}
            rows={3}
          />
          <Area
            id="summaryEn"
            label={t('deskInvest.editor.summaryEn')}
            value={summaryEn}
            onChange={setSummaryEn}
            rows={3}
          />
          <TextField
            id="district"
            label={t('deskInvest.editor.district')}
            hint={t('deskInvest.editor.districtHint')}
            value={district}
            onChange={setDistrict}
            isShort
          />
          <div className="field">
            <div className="choice">
              <input
                id="autoGrant"
                className="choice__input"
                type="checkbox"
                checked={isAutoGrant}
                onChange={(e) => setAutoGrant(e.target.checked)}
              />
              <label className="choice__label" htmlFor="autoGrant">
                {t('deskInvest.editor.autoGrant')}
              </label>
            </div>
          </div>
          {isAutoGrant && (
            <TextField
              id="amount"
              label={t('deskInvest.editor.amount')}
              value={amount}
              onChange={setAmount}
              isShort
              inputMode="decimal"
            />
          )}
          <Area
            id="rule"
            label={t('deskInvest.editor.rule')}
            hint={t('deskInvest.editor.ruleHint', {
              fields: fields.fields.map((f) => `${f.name}（${isEn ? f.nameEn : f.nameZh}）`).join('，'),
              ops: fields.ops.join(' '),
            })}
            value={ruleText}
            onChange={setRuleText}
            rows={12}
            isCode
          />
          <div className="admin-actions">
            <button type="button" className="button button--secondary" onClick={() => void onDryRun()}>
              {t('deskInvest.editor.dryRun')}
            </button>
            <button type="submit" className="button">
              {t('deskInvest.editor.save')}
            </button>
          </div>
        </fieldset>
      </form>
      <div aria-live="polite">{dryRun && <DryRunResult result={dryRun} />}</div>
      {policy?.canEdit && (
        <div className="admin-actions">
          {policy.status === 'draft' && (
            <button type="button" className="button" disabled={busy} onClick={() => void act('publish')}>
              {t('deskInvest.editor.publish')}
            </button>
          )}
          {policy.status === 'published' && (
            <button
              type="button"
              className="button button--secondary"
              disabled={busy}
              onClick={() => void act('rematch')}
            >
              {t('deskInvest.editor.rematch')}
            </button>
          )}
          <button
            type="button"
            className="button button--danger-outline"
            disabled={busy}
            onClick={() => void act('retire')}
          >
            {t('deskInvest.editor.retire')}
          </button>
        </div>
      )}
    </>
  );
}

function Area({
  id,
  label,
  hint,
  value,
  onChange,
  rows,
  isCode = false,
}: {
  id: string;
  label: string;
  hint?: string;
  value: string;
  onChange(value: string): void;
  rows: number;
  isCode?: boolean;
}) {
  return (
    <div className="field">
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      {hint && (
        <p className="field__hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      <textarea
        id={id}
        name={id}
        className={isCode ? 'field__textarea field__textarea--code' : 'field__textarea'}
        rows={rows}
        value={value}
        spellCheck={!isCode}
        aria-describedby={hint ? `${id}-hint` : undefined}
        onChange={(event) => onChange(event.target.value)}
      />
    </div>
  );
}
