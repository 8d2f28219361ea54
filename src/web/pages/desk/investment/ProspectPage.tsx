import { useCallback, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { ApiError } from '../../../api/client.ts';
import { PageHeading } from '../../../components/PageHeading.tsx';
import { RequireSession } from '../../../components/RequireSession.tsx';
import { TextField } from '../../../components/TextField.tsx';
import { useApiResource } from '../../../lib/use-api-resource.ts';
import { useDocumentTitle } from '../../../lib/use-document-title.ts';
import { yuan } from '../policies/format.ts';
import {
  getProspect,
  moveProspect,
  STAGES,
  type FitOut,
  type LandUse,
  type MatchReason,
  type Parcel,
  type ProspectDetail,
  type Stage,
} from './investment-api.ts';
import { PendingPage } from '../PendingPage.tsx';

/** `/desk/investment/prospects/:id`: requirements, stage history, scored parcels, moving on. */
export function ProspectPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  useDocumentTitle(t('deskInvest.prospect.title'));
  return <RequireSession>{() => <Loader id={id} />}</RequireSession>;
}

function Loader({ id }: { id: string }) {
  const { t } = useTranslation();
  const load = useCallback(() => getProspect(id), [id]);
  const [state, , replace] = useApiResource(load);
  if (state.status !== 'ready') return <PendingPage state={state} title={t('deskInvest.prospect.title')} />;
  return <Prospect detail={state.data} onChanged={replace} />;
}

function Prospect({
  detail,
  onChanged,
}: {
  detail: ProspectDetail;
  onChanged(detail: ProspectDetail): void;
}) {
  const { t, i18n } = useTranslation();
  const isEn = i18n.resolvedLanguage === 'en';
  const { prospect, history, matches } = detail;
  const dash = (value: number | string | null, unit = '') => (value === null ? '—' : `${value}${unit}`);
  return (
    <>
      <PageHeading>{prospect.name}</PageHeading>
      <p>
        <Link to="/desk/investment">{t('deskInvest.prospect.back')}</Link>
      </p>
      <dl className="facts">
        <dt>{t('deskInvest.col.stage')}</dt>
        <dd data-testid="prospect-stage">{t(`deskInvest.stage.${prospect.stage}`)}</dd>
        <dt>{t('deskInvest.col.industry')}</dt>
        <dd>{prospect.industry}</dd>
        <dt>{t('deskInvest.col.origin')}</dt>
        <dd>{prospect.originCountry}</dd>
        <dt>{t('deskInvest.newProspect.floor')}</dt>
        <dd>{dash(prospect.needFloorAreaSqm)}</dd>
        <dt>{t('deskInvest.newProspect.power')}</dt>
        <dd>{dash(prospect.needPowerKva)}</dd>
        <dt>{t('deskInvest.newProspect.landUse')}</dt>
        <dd>{prospect.needLandUse ? t(`deskInvest.landUse.${prospect.needLandUse}`) : '—'}</dd>
        <dt>{t('deskInvest.newProspect.fitOut')}</dt>
        <dd>{prospect.needFitOut ? t(`deskInvest.fitOut.${prospect.needFitOut}`) : '—'}</dd>
        <dt>{t('deskInvest.newProspect.special')}</dt>
        <dd>{dash(prospect.specialNeeds)}</dd>
        <dt>{t('deskInvest.col.contract')}</dt>
        <dd>
          {prospect.contractAmountFen === null
            ? '—'
            : `${yuan(prospect.contractAmountFen)}（${prospect.signedOn ?? ''}）`}
        </dd>
      </dl>

      <h2>{t('deskInvest.prospect.historyTitle')}</h2>
      <ol data-testid="stage-history">
        {history.map((h) => (
          <li key={h.changedAt + h.toStage}>
            {h.changedOn} {t(`deskInvest.stage.${h.toStage}`)}
            {h.note ? ` — ${h.note}` : ''}
          </li>
        ))}
      </ol>
      <MoveForm detail={detail} onChanged={onChanged} />

      <h2>{t('deskInvest.prospect.matchesTitle')}</h2>
      <p className="muted">{t('deskInvest.prospect.matchesNote')}</p>
      {matches.map((match) => (
        <section
          key={match.parcelId}
          className="panel"
          aria-labelledby={`match-${match.parcelId}`}
          data-testid="parcel-match"
        >
          <h3 id={`match-${match.parcelId}`}>
            {t('deskInvest.prospect.matchHeading', {
              zone: isEn ? match.zoneNameEn : match.zoneNameZh,
              parcel: match.parcelCode,
              mu: match.areaMu,
              score: match.score,
            })}
          </h3>
          <ul>
            {match.reasons.map((reason) => (
              <ReasonLine key={reason.criterion} reason={reason} />
            ))}
          </ul>
        </section>
      ))}
    </>
  );
}

function ReasonLine({ reason }: { reason: MatchReason }) {
  const { t } = useTranslation();
  const label = (value: string | number | null) => {
    if (value === null) return '—';
    if (reason.criterion === 'land_use') return t(`deskInvest.landUse.${value as LandUse}`);
    if (reason.criterion === 'fit_out') return t(`deskInvest.fitOut.${value as FitOut}`);
    if (reason.criterion === 'availability') return t(`deskInvest.parcelStatus.${value as Parcel['status']}`);
    return String(value);
  };
  const criterion = reason.criterion as
    'land_use' | 'floor_area' | 'power' | 'fit_out' | 'availability' | 'special_needs';
  return (
    <li>
      {t('deskInvest.reason.line', {
        criterion: t(`deskInvest.reason.${criterion}`),
        outcome: t(`deskInvest.reason.outcome.${reason.outcome}`),
        needed: label(reason.needed),
        offered: label(reason.offered),
        points: reason.points,
        max: reason.maxPoints,
      })}
    </li>
  );
}

function MoveForm({
  detail,
  onChanged,
}: {
  detail: ProspectDetail;
  onChanged(detail: ProspectDetail): void;
}) {
  const { t } = useTranslation();
  const next = STAGES.slice(STAGES.indexOf(detail.prospect.stage) + 1);
  const [to, setTo] = useState<Stage | ''>(next[0] ?? '');
  const [on, setOn] = useState(new Date().toISOString().slice(0, 10));
  const [amount, setAmount] = useState('');
  const [parcelId, setParcelId] = useState('');
  const [note, setNote] = useState('');
  const [error, setError] = useState('');
  if (next.length === 0) return null;
  const signing =
    to === 'signed' ||
    (detail.prospect.signedOn === null && to !== '' && STAGES.indexOf(to) > STAGES.indexOf('signed'));
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError('');
    if (!to) return;
    const match = /^(\d{1,13})(?:\.(\d{1,2}))?$/.exec(amount.trim());
    try {
      onChanged(
        await moveProspect(detail.prospect.id, {
          to,
          on,
          note: note.trim() || null,
          contractAmountFen:
            signing && match ? Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0')) : null,
          parcelId: signing && parcelId ? parcelId : null,
        }),
      );
    } catch (caught) {
      setError(caught instanceof ApiError ? caught.message : String(caught));
    }
  };
  return (
    <form onSubmit={(event) => void submit(event)} className="panel" noValidate>
      <h3>{t('deskInvest.prospect.moveTitle')}</h3>
      <div className="field">
        <label className="field__label" htmlFor="move-to">
          {t('deskInvest.prospect.moveTo')}
        </label>
        <select
          id="move-to"
          className="field__select"
          value={to}
          onChange={(e) => setTo(e.target.value as Stage)}
        >
          {next.map((stage) => (
            <option key={stage} value={stage}>
              {t(`deskInvest.stage.${stage}`)}
            </option>
          ))}
        </select>
      </div>
      <TextField id="move-on" label={t('deskInvest.prospect.on')} value={on} onChange={setOn} isShort />
      {signing && (
        <>
          <TextField
            id="move-amount"
            label={t('deskInvest.prospect.amount')}
            value={amount}
            onChange={setAmount}
            isShort
            inputMode="decimal"
          />
          <div className="field">
            <label className="field__label" htmlFor="move-parcel">
              {t('deskInvest.prospect.parcel')}
            </label>
            <select
              id="move-parcel"
              className="field__select"
              value={parcelId}
              onChange={(e) => setParcelId(e.target.value)}
            >
              <option value="">{t('deskInvest.prospect.noParcel')}</option>
              {detail.matches.map((m) => (
                <option key={m.parcelId} value={m.parcelId}>
                  {m.zoneCode} {m.parcelCode}
                </option>
              ))}
            </select>
          </div>
        </>
      )}
      <TextField id="move-note" label={t('deskInvest.prospect.note')} value={note} onChange={setNote} />
      {error && (
        <p className="notice notice--error" role="alert">
          {error}
        </p>
      )}
      <button type="submit" className="button">
        {t('deskInvest.prospect.move')}
      </button>
    </form>
  );
}
