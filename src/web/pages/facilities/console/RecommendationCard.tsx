import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  acceptRecommendation,
  dismissRecommendation,
  type FacilitySide,
  type Recommendation,
} from '../../../api/facilities-endpoints.ts';
import { TextAreaField } from '../../../components/ChoiceFields.tsx';
import { number, percent } from './console-format.ts';

/** One recommendation: what moves where, the figures and the rule; accept or dismiss with a reason. */
export function RecommendationCard({
  recommendation,
  onDecided,
}: {
  recommendation: Recommendation;
  onDecided(message: string): void;
}) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'zh-CN';
  const [isDismissing, setIsDismissing] = useState(false);
  const [reason, setReason] = useState('');
  const [error, setError] = useState('');
  const [isDone, setIsDone] = useState(false);
  const [isBusy, setIsBusy] = useState(false);
  const r = recommendation;
  const unit = t(`facilityConsole.unit.${r.unit}`);
  const headingId = `recommendation-${r.id}`;
  const parameters = r.ruleParameters;

  async function run(action: () => Promise<unknown>, done: string) {
    setIsBusy(true);
    setError('');
    try {
      await action();
      setIsDone(true);
      onDecided(done);
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : String(caught));
    } finally {
      setIsBusy(false);
    }
  }

  function dismiss(event: FormEvent) {
    event.preventDefault();
    if (reason.trim().length < 2) {
      setError(t('facilityConsole.reasonRequired'));
      return;
    }
    void run(() => dismissRecommendation(r.id, reason.trim()), t('facilityConsole.dismissed'));
  }

  const row = (label: string, side: FacilitySide) => (
    <tr>
      <th scope="row">{label}</th>
      <td className="stat-table__number">{number(side.weeklyCapacity, language)}</td>
      <td className="stat-table__number">{number(side.weeklyDemand, language)}</td>
      <td className="stat-table__number">{percent(side.utilisation, language)}</td>
      <td className="stat-table__number">{number(side.weeklyCapacityAfter, language)}</td>
      <td className="stat-table__number">{percent(side.utilisationAfter, language)}</td>
    </tr>
  );

  return (
    <article className="recommendation" aria-labelledby={headingId} data-testid="recommendation">
      <h3 id={headingId}>
        {t('facilityConsole.recommendation', {
          service: r.serviceName,
          amount: r.amount,
          unit,
          from: r.from.name,
          to: r.to.name,
        })}
      </h3>
      <div
        className="table-scroll"
        tabIndex={0}
        role="region"
        aria-label={t('facilityConsole.figuresCaption')}
      >
        <table className="stat-table console-table">
          <caption>{t('facilityConsole.figuresCaption')}</caption>
          <thead>
            <tr>
              <td />
              <th scope="col">{t('facilityConsole.figure.capacity')}</th>
              <th scope="col">{t('facilityConsole.figure.demand')}</th>
              <th scope="col">{t('facilityConsole.figure.utilisation')}</th>
              <th scope="col">{t('facilityConsole.figure.capacityAfter')}</th>
              <th scope="col">{t('facilityConsole.figure.utilisationAfter')}</th>
            </tr>
          </thead>
          <tbody>
            {row(t('facilityConsole.side.from', { name: r.from.name }), r.figures.from)}
            {row(t('facilityConsole.side.to', { name: r.to.name }), r.figures.to)}
          </tbody>
        </table>
      </div>
      {parameters && (
        <p className="field__hint">
          {t('facilityConsole.ruleText', {
            rule: r.rule,
            over: percent(parameters.overUsed, language),
            under: percent(parameters.underUsed, language),
            target: percent(parameters.target, language),
          })}
        </p>
      )}
      {error && (
        <p className="notice notice--error" role="alert">
          {error}
        </p>
      )}
      {!isDone && (
        <div className="recommendation__actions">
          <button
            type="button"
            className="button button--primary"
            disabled={isBusy}
            onClick={() => void run(() => acceptRecommendation(r.id), t('facilityConsole.accepted'))}
          >
            {t('facilityConsole.accept')}
          </button>
          {!isDismissing && (
            <button type="button" className="button button--secondary" onClick={() => setIsDismissing(true)}>
              {t('facilityConsole.dismiss')}
            </button>
          )}
        </div>
      )}
      {!isDone && isDismissing && (
        <form onSubmit={dismiss} noValidate>
          <TextAreaField
            id={`dismiss-${r.id}`}
            label={t('facilityConsole.dismissReason')}
            hint={t('facilityConsole.dismissReasonHint')}
            value={reason}
            onChange={setReason}
            rows={2}
          />
          <button type="submit" className="button button--secondary" disabled={isBusy}>
            {t('facilityConsole.dismissConfirm')}
          </button>
        </form>
      )}
    </article>
  );
}
