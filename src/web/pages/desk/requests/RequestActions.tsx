// What the viewer may do with a request: the filer confirms and rates, or reopens; the desk
// accepts, answers or routes to offices; an office answers its own part.
import { useCallback, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../api/client.ts';
import { ChoiceGroup, SelectField, TextAreaField } from '../../../components/ChoiceFields.tsx';
import { useApiResource } from '../../../lib/use-api-resource.ts';
import { deskApi, type RequestDetail } from './desk-api.ts';

interface Props {
  request: RequestDetail;
  onChanged(): void;
}

export function RequestActions({ request, onChanged }: Props) {
  const { t } = useTranslation();
  const has = (action: string) => request.actions.includes(action);
  const myOpenParts =
    request.viewer === 'office' && request.status === 'routed'
      ? request.parts.filter((p) => p.isMine && p.status === 'open')
      : [];
  return (
    <>
      {has('confirm') && <ConfirmForm request={request} onChanged={onChanged} />}
      {has('reopen') && (
        <TextForm
          id="desk-reopen"
          title={t('desk.request.reopenTitle')}
          label={t('desk.request.reason')}
          required={t('desk.request.reasonRequired')}
          submit={t('desk.request.reopen')}
          send={(text) => deskApi.reopen(request.id, text)}
          onChanged={onChanged}
          isSecondary
        />
      )}
      {has('accept') && (
        <TextForm
          id="desk-accept"
          title={t('desk.request.acceptTitle')}
          label={t('desk.request.note')}
          submit={t('desk.request.accept')}
          send={(text) => deskApi.accept(request.id, text)}
          onChanged={onChanged}
        />
      )}
      {has('route') && <RouteForm request={request} onChanged={onChanged} />}
      {has('answer') && (
        <TextForm
          id="desk-answer"
          title={t('desk.request.answerTitle')}
          label={t('desk.request.answer')}
          required={t('desk.request.answerRequired')}
          submit={t('desk.request.sendAnswer')}
          send={(text) => deskApi.answer(request.id, text)}
          onChanged={onChanged}
        />
      )}
      {myOpenParts.map((part) => (
        <TextForm
          key={part.id}
          id={`desk-part-${part.id}`}
          title={t('desk.request.partAnswerTitle')}
          intro={`${t('desk.table.instructions')}: ${part.instructions}`}
          label={t('desk.request.answer')}
          required={t('desk.request.answerRequired')}
          submit={t('desk.request.sendAnswer')}
          send={(text) => deskApi.answerPart(part.id, text)}
          onChanged={onChanged}
        />
      ))}
    </>
  );
}

function useSubmit(onChanged: () => void) {
  const { t } = useTranslation();
  const [isBusy, setIsBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  async function run(action: () => Promise<unknown>): Promise<boolean> {
    setIsBusy(true);
    setError(null);
    try {
      await action();
      onChanged();
      return true;
    } catch (caught) {
      setError(caught instanceof ApiError ? caught.message : t('errors.unexpected'));
      return false;
    } finally {
      setIsBusy(false);
    }
  }
  return { isBusy, error, run };
}

function Panel({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section className="panel" aria-labelledby={`${id}-title`}>
      <h2 className="panel__title" id={`${id}-title`}>
        {title}
      </h2>
      {children}
    </section>
  );
}

function FormError({ error }: { error: string | null }) {
  return <div role="alert">{error && <p className="notice notice--error">{error}</p>}</div>;
}

function TextForm(props: {
  id: string;
  title: string;
  intro?: string;
  label: string;
  required?: string;
  submit: string;
  send(text: string): Promise<unknown>;
  onChanged(): void;
  isSecondary?: boolean;
}) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [fieldError, setFieldError] = useState<string | undefined>();
  const { isBusy, error, run } = useSubmit(props.onChanged);
  async function submit(event: FormEvent) {
    event.preventDefault();
    if (props.required && !text.trim()) {
      setFieldError(props.required);
      return;
    }
    setFieldError(undefined);
    if (await run(() => props.send(text))) setText('');
  }
  return (
    <Panel id={props.id} title={props.title}>
      {props.intro && <p>{props.intro}</p>}
      <form className="form" onSubmit={(event) => void submit(event)} noValidate>
        <TextAreaField
          id={`${props.id}-text`}
          label={props.label}
          value={text}
          onChange={setText}
          error={fieldError}
        />
        <FormError error={error} />
        <button
          type="submit"
          className={props.isSecondary ? 'button button--secondary' : 'button'}
          disabled={isBusy}
        >
          {isBusy ? t('desk.request.working') : props.submit}
        </button>
      </form>
    </Panel>
  );
}

const RATINGS = ['5', '4', '3', '2', '1'] as const;
type Rating = (typeof RATINGS)[number];

function ConfirmForm({ request, onChanged }: Props) {
  const { t } = useTranslation();
  const [rating, setRating] = useState<Rating[]>([]);
  const [comment, setComment] = useState('');
  const [ratingError, setRatingError] = useState<string | undefined>();
  const { isBusy, error, run } = useSubmit(onChanged);
  async function submit(event: FormEvent) {
    event.preventDefault();
    const chosen = rating[0];
    if (!chosen) {
      setRatingError(t('desk.request.ratingRequired'));
      return;
    }
    setRatingError(undefined);
    await run(() => deskApi.confirm(request.id, Number(chosen), comment));
  }
  return (
    <Panel id="desk-confirm" title={t('desk.request.confirmTitle')}>
      <form className="form" onSubmit={(event) => void submit(event)} noValidate>
        <ChoiceGroup
          id="desk-confirm-rating"
          label={t('desk.request.ratingLabel')}
          type="radio"
          options={RATINGS.map((value) => ({ value, label: t(`desk.request.ratingOptions.${value}`) }))}
          selected={rating}
          onChange={setRating}
          error={ratingError}
        />
        <TextAreaField
          id="desk-confirm-comment"
          label={t('desk.request.comment')}
          value={comment}
          onChange={setComment}
        />
        <FormError error={error} />
        <button type="submit" className="button" disabled={isBusy}>
          {isBusy ? t('desk.request.working') : t('desk.request.confirm')}
        </button>
      </form>
    </Panel>
  );
}

interface RouteRow {
  key: number;
  officeId: string;
  instructions: string;
}

function RouteForm({ request, onChanged }: Props) {
  const { t, i18n } = useTranslation();
  const isEnglish = i18n.resolvedLanguage === 'en';
  const load = useCallback(() => deskApi.routeOffices(request.id), [request.id]);
  const [offices] = useApiResource(load);
  const [rows, setRows] = useState<RouteRow[]>([{ key: 1, officeId: '', instructions: '' }]);
  const [rowErrors, setRowErrors] = useState<Record<string, string>>({});
  const { isBusy, error, run } = useSubmit(onChanged);
  const update = (key: number, change: Partial<RouteRow>) =>
    setRows((current) => current.map((row) => (row.key === key ? { ...row, ...change } : row)));

  async function submit(event: FormEvent) {
    event.preventDefault();
    const found: Record<string, string> = {};
    for (const row of rows) {
      if (!row.officeId) found[`office-${row.key}`] = t('desk.request.chooseOffice');
      if (!row.instructions.trim()) found[`instructions-${row.key}`] = t('desk.request.instructionsRequired');
    }
    setRowErrors(found);
    if (Object.keys(found).length) return;
    if (
      await run(() =>
        deskApi.route(
          request.id,
          rows.map(({ officeId, instructions }) => ({ officeId, instructions })),
        ),
      )
    )
      setRows([{ key: 1, officeId: '', instructions: '' }]);
  }

  const options =
    offices.status === 'ready'
      ? [
          { value: '', label: t('desk.request.chooseOffice') },
          ...offices.data.items.map((o) => ({ value: o.id, label: isEnglish ? o.nameEn : o.nameZh })),
        ]
      : [{ value: '', label: t('desk.request.chooseOffice') }];

  return (
    <Panel id="desk-route" title={t('desk.request.routeTitle')}>
      <p>{t('desk.request.routeOfficesHint')}</p>
      <form className="form" onSubmit={(event) => void submit(event)} noValidate>
        {rows.map((row, index) => (
          <div className="desk-route-row" key={row.key}>
            <SelectField
              id={`desk-route-office-${row.key}`}
              label={t('desk.request.routeOffice', { n: index + 1 })}
              value={row.officeId}
              options={options}
              onChange={(officeId) => update(row.key, { officeId })}
              error={rowErrors[`office-${row.key}`]}
            />
            <TextAreaField
              id={`desk-route-instructions-${row.key}`}
              label={t('desk.request.routeInstructions', { n: index + 1 })}
              value={row.instructions}
              onChange={(instructions) => update(row.key, { instructions })}
              error={rowErrors[`instructions-${row.key}`]}
              rows={2}
            />
            {rows.length > 1 && (
              <button
                type="button"
                className="button button--secondary button--small"
                onClick={() => setRows((current) => current.filter((other) => other.key !== row.key))}
              >
                {t('desk.request.removeOffice', { n: index + 1 })}
              </button>
            )}
          </div>
        ))}
        <p>
          <button
            type="button"
            className="button button--secondary"
            disabled={rows.length >= 10}
            onClick={() =>
              setRows((current) => [
                ...current,
                { key: Math.max(...current.map((r) => r.key)) + 1, officeId: '', instructions: '' },
              ])
            }
          >
            {t('desk.request.addOffice')}
          </button>
        </p>
        <FormError error={error} />
        <button type="submit" className="button" disabled={isBusy}>
          {isBusy ? t('desk.request.working') : t('desk.request.route')}
        </button>
      </form>
    </Panel>
  );
}
