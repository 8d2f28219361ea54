// The manager plans a visit (or logs one that took place). The server computes what it would
// break (the district's cap, the enterprise's quiet periods): "Check" asks first; planning
// anyway is refused with the warnings until the manager gives a reason, which is recorded.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../api/client.ts';
import { SelectField, TextAreaField } from '../../../components/ChoiceFields.tsx';
import { TextField } from '../../../components/TextField.tsx';
import { InputField, errorText } from '../rooms/desk-rooms-parts.tsx';
import { WarningList } from './visit-warnings.tsx';
import { shanghaiLocalToIso, visitsApi, type VisitWarning } from './visits-api.ts';

export function PlanVisitForm(props: {
  enterprises: { enterpriseId: string; enterpriseName: string }[];
  onPlanned(): void;
}) {
  const { t } = useTranslation();
  const [enterpriseId, setEnterpriseId] = useState(props.enterprises[0]?.enterpriseId ?? '');
  const [when, setWhen] = useState('');
  const [purpose, setPurpose] = useState('');
  const [participants, setParticipants] = useState('');
  const [tookPlace, setTookPlace] = useState(false);
  const [outcome, setOutcome] = useState('');
  const [reason, setReason] = useState('');
  const [warnings, setWarnings] = useState<VisitWarning[] | null>(null);
  const [needsReason, setNeedsReason] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [status, setStatus] = useState('');
  const [failure, setFailure] = useState('');
  const [isBusy, setIsBusy] = useState(false);

  function resetWarnings() {
    setWarnings(null);
    setNeedsReason(false);
  }

  function validate(forSubmit: boolean): boolean {
    const found: Record<string, string> = {};
    if (!when) found.when = t('deskVisits.plan.whenRequired');
    if (forSubmit && !purpose.trim()) found.purpose = t('deskVisits.plan.purposeRequired');
    if (forSubmit && !participants.trim()) found.participants = t('deskVisits.plan.participantsRequired');
    if (forSubmit && tookPlace && !outcome.trim()) found.outcome = t('deskVisits.plan.outcomeRequired');
    if (forSubmit && needsReason && !reason.trim()) found.reason = t('deskVisits.plan.reasonRequired');
    setErrors(found);
    return Object.keys(found).length === 0;
  }

  async function check() {
    setStatus('');
    setFailure('');
    if (!validate(false)) return;
    setIsBusy(true);
    try {
      const answer = await visitsApi.check(enterpriseId, shanghaiLocalToIso(when));
      setWarnings(answer.warnings);
      setStatus(answer.warnings.length === 0 ? t('deskVisits.plan.noWarnings') : '');
    } catch (error) {
      setFailure(errorText(error, t('errors.unexpected')));
    } finally {
      setIsBusy(false);
    }
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    setStatus('');
    setFailure('');
    if (!validate(true)) return;
    setIsBusy(true);
    try {
      await visitsApi.create(enterpriseId, {
        scheduledAt: shanghaiLocalToIso(when),
        purpose,
        participants,
        ...(tookPlace ? { outcome } : {}),
        ...(needsReason ? { overrideReason: reason } : {}),
      });
      setStatus(tookPlace ? t('deskVisits.plan.logged') : t('deskVisits.plan.planned'));
      setWhen('');
      setPurpose('');
      setParticipants('');
      setOutcome('');
      setReason('');
      setTookPlace(false);
      resetWarnings();
      props.onPlanned();
    } catch (error) {
      if (error instanceof ApiError && error.code === 'DESK_VISIT_NEEDS_REASON') {
        setWarnings((error.details as { warnings: VisitWarning[] }).warnings);
        setNeedsReason(true);
        setFailure(error.message);
      } else {
        setFailure(errorText(error, t('errors.unexpected')));
      }
    } finally {
      setIsBusy(false);
    }
  }

  return (
    <form
      className="form"
      onSubmit={(event) => void submit(event)}
      noValidate
      aria-labelledby="plan-visit-heading"
    >
      <h2 id="plan-visit-heading">{t('deskVisits.plan.title')}</h2>
      <SelectField
        id="visit-enterprise"
        label={t('deskVisits.plan.enterprise')}
        value={enterpriseId}
        options={props.enterprises.map((e) => ({ value: e.enterpriseId, label: e.enterpriseName }))}
        onChange={(value) => {
          setEnterpriseId(value);
          resetWarnings();
        }}
      />
      <InputField
        id="visit-when"
        type="datetime-local"
        label={t('deskVisits.plan.when')}
        hint={t('deskVisits.plan.whenHint')}
        value={when}
        error={errors.when}
        onChange={(event) => {
          setWhen(event.target.value);
          resetWarnings();
        }}
      />
      <TextField
        id="visit-purpose"
        label={t('deskVisits.plan.purpose')}
        value={purpose}
        onChange={setPurpose}
        error={errors.purpose}
      />
      <TextField
        id="visit-participants"
        label={t('deskVisits.plan.participants')}
        hint={t('deskVisits.plan.participantsHint')}
        value={participants}
        onChange={setParticipants}
        error={errors.participants}
      />
      <div className="choice">
        <input
          className="choice__input"
          type="checkbox"
          id="visit-took-place"
          checked={tookPlace}
          onChange={(event) => setTookPlace(event.target.checked)}
        />
        <label className="choice__label" htmlFor="visit-took-place">
          {t('deskVisits.plan.tookPlace')}
        </label>
      </div>
      {tookPlace && (
        <TextAreaField
          id="visit-outcome"
          label={t('deskVisits.plan.outcome')}
          value={outcome}
          onChange={setOutcome}
          error={errors.outcome}
        />
      )}
      <div role="status" aria-live="polite">
        {warnings && warnings.length > 0 && (
          <div className="notice notice--warning desk-visit-warning">
            <p>
              <strong>{t('deskVisits.plan.warningsTitle')}</strong>
            </p>
            <WarningList warnings={warnings} />
            <p>{t('deskVisits.plan.warningsAdvice')}</p>
          </div>
        )}
        {status && <p className="notice notice--success">{status}</p>}
      </div>
      {failure && (
        <p className="notice notice--error" role="alert">
          {failure}
        </p>
      )}
      {needsReason && (
        <TextAreaField
          id="visit-reason"
          label={t('deskVisits.plan.reason')}
          hint={t('deskVisits.plan.reasonHint')}
          value={reason}
          onChange={setReason}
          error={errors.reason}
        />
      )}
      <div className="button-row">
        <button
          type="button"
          className="button button--secondary"
          disabled={isBusy}
          onClick={() => void check()}
        >
          {t('deskVisits.plan.check')}
        </button>
        <button type="submit" className="button" disabled={isBusy}>
          {needsReason ? t('deskVisits.plan.submitAnyway') : t('deskVisits.plan.submit')}
        </button>
      </div>
    </form>
  );
}
