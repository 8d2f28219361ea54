import { useCallback, useState, type FormEvent } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { MeEnterprise } from '../../../api/types.ts';
import { ChoiceGroup, SelectField } from '../../../components/ChoiceFields.tsx';
import { ResourceStatus } from '../../../components/ResourceStatus.tsx';
import { TextField } from '../../../components/TextField.tsx';
import { formatDateTime } from '../../../lib/format.ts';
import { useApiResource } from '../../../lib/use-api-resource.ts';
import { InputField, errorText } from '../rooms/desk-rooms-parts.tsx';
import { visitsApi, type QuietPeriod } from './visits-api.ts';

/** The enterprise's side: its visits, the cap that applies, its quiet periods. */
export function EnterpriseVisits({ enterprises }: { enterprises: MeEnterprise[] }) {
  const { t } = useTranslation();
  const [enterpriseId, setEnterpriseId] = useState(enterprises[0]!.id);
  return (
    <section aria-labelledby="enterprise-visits-heading" className="desk-sections">
      <h2 id="enterprise-visits-heading">{t('deskVisits.enterpriseTitle')}</h2>
      {enterprises.length > 1 && (
        <SelectField
          id="visits-enterprise"
          label={t('deskVisits.plan.enterprise')}
          value={enterpriseId}
          options={enterprises.map((e) => ({ value: e.id, label: e.name }))}
          onChange={setEnterpriseId}
        />
      )}
      <VisitList key={`v-${enterpriseId}`} enterpriseId={enterpriseId} />
      <QuietPeriods key={`q-${enterpriseId}`} enterpriseId={enterpriseId} />
    </section>
  );
}

function VisitList({ enterpriseId }: { enterpriseId: string }) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'zh-CN';
  const load = useCallback(() => visitsApi.enterpriseVisits(enterpriseId), [enterpriseId]);
  const [state] = useApiResource(load);
  return (
    <ResourceStatus state={state}>
      {({ cap, items }) => (
        <>
          <p>
            {cap
              ? t('deskVisits.capApplies', {
                  max: cap.maxVisits,
                  period: t(`deskVisits.period.${cap.period}`),
                })
              : t('deskVisits.noCap')}
          </p>
          {items.length === 0 ? (
            <p className="empty">{t('deskVisits.noVisits')}</p>
          ) : (
            <div className="desk-table__scroll">
              <table className="desk-table">
                <caption>{t('deskVisits.enterpriseVisits')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('deskVisits.when')}</th>
                    <th scope="col">{t('deskVisits.manager')}</th>
                    <th scope="col">{t('deskVisits.purpose')}</th>
                    <th scope="col">{t('deskVisits.status')}</th>
                    <th scope="col">{t('deskVisits.notes')}</th>
                  </tr>
                </thead>
                <tbody>
                  {items.map((visit) => (
                    <tr key={visit.id}>
                      <td>{formatDateTime(visit.scheduledAt, language)}</td>
                      <td>{visit.managerName}</td>
                      <td>{visit.purpose}</td>
                      <td>{t(`deskVisits.statuses.${visit.status}`)}</td>
                      <td>
                        {visit.outcome}
                        {visit.overrideReason && (
                          <p>{t('deskVisits.overrideReason', { reason: visit.overrideReason })}</p>
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </>
      )}
    </ResourceStatus>
  );
}

function describeQuiet(quiet: QuietPeriod, t: TFunction) {
  return quiet.kind === 'monthly'
    ? t('deskVisits.quiet.monthlyText', { from: quiet.dayFrom, to: quiet.dayTo })
    : t('deskVisits.quiet.rangeText', { start: quiet.startDate, end: quiet.endDate });
}

function QuietPeriods({ enterpriseId }: { enterpriseId: string }) {
  const { t } = useTranslation();
  const load = useCallback(() => visitsApi.quietPeriods(enterpriseId), [enterpriseId]);
  const [state, reload] = useApiResource(load);
  const [kind, setKind] = useState<'monthly' | 'range'>('monthly');
  const [label, setLabel] = useState('');
  const [dayFrom, setDayFrom] = useState('1');
  const [dayTo, setDayTo] = useState('5');
  const [startDate, setStartDate] = useState('');
  const [endDate, setEndDate] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [status, setStatus] = useState('');
  const [failure, setFailure] = useState('');

  async function add(event: FormEvent) {
    event.preventDefault();
    setStatus('');
    setFailure('');
    const found: Record<string, string> = {};
    if (!label.trim()) found.label = t('deskVisits.quiet.labelRequired');
    if (kind === 'range' && (!startDate || !endDate)) found.dates = t('deskVisits.quiet.datesRequired');
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    try {
      await visitsApi.addQuietPeriod(
        enterpriseId,
        kind === 'monthly'
          ? { kind, dayFrom: Number(dayFrom), dayTo: Number(dayTo), label }
          : { kind, startDate, endDate, label },
      );
      setLabel('');
      setStatus(t('deskVisits.quiet.added'));
      reload();
    } catch (error) {
      setFailure(errorText(error, t('errors.unexpected')));
    }
  }

  async function remove(quiet: QuietPeriod) {
    try {
      await visitsApi.removeQuietPeriod(enterpriseId, quiet.id);
      setStatus(t('deskVisits.quiet.removed', { label: quiet.label }));
      reload();
    } catch (error) {
      setFailure(errorText(error, t('errors.unexpected')));
    }
  }

  return (
    <section aria-labelledby="quiet-heading">
      <h3 id="quiet-heading">{t('deskVisits.quiet.title')}</h3>
      <p>{t('deskVisits.quiet.intro')}</p>
      <ResourceStatus state={state}>
        {({ items }) =>
          items.length === 0 ? (
            <p className="empty">{t('deskVisits.quiet.none')}</p>
          ) : (
            <ul className="desk-list">
              {items.map((quiet) => (
                <li key={quiet.id}>
                  <strong>{quiet.label}</strong> · {describeQuiet(quiet, t)}{' '}
                  <button
                    type="button"
                    className="button button--secondary"
                    onClick={() => void remove(quiet)}
                  >
                    {t('deskVisits.quiet.remove', { label: quiet.label })}
                  </button>
                </li>
              ))}
            </ul>
          )
        }
      </ResourceStatus>
      <form className="form" onSubmit={(event) => void add(event)} noValidate>
        <ChoiceGroup
          id="quiet-kind"
          type="radio"
          label={t('deskVisits.quiet.kind')}
          options={[
            { value: 'monthly', label: t('deskVisits.quiet.monthly') },
            { value: 'range', label: t('deskVisits.quiet.range') },
          ]}
          selected={[kind]}
          onChange={(selected) => setKind(selected[0] ?? 'monthly')}
          isInline
        />
        <TextField
          id="quiet-label"
          label={t('deskVisits.quiet.label')}
          hint={t('deskVisits.quiet.labelHint')}
          value={label}
          onChange={setLabel}
          error={errors.label}
        />
        {kind === 'monthly' ? (
          <div className="desk-inline-fields">
            <InputField
              id="quiet-day-from"
              type="number"
              min={1}
              max={31}
              className="field__input field__input--short"
              label={t('deskVisits.quiet.dayFrom')}
              value={dayFrom}
              onChange={(event) => setDayFrom(event.target.value)}
            />
            <InputField
              id="quiet-day-to"
              type="number"
              min={1}
              max={31}
              className="field__input field__input--short"
              label={t('deskVisits.quiet.dayTo')}
              value={dayTo}
              onChange={(event) => setDayTo(event.target.value)}
            />
          </div>
        ) : (
          <div className="desk-inline-fields">
            <InputField
              id="quiet-start"
              type="date"
              label={t('deskVisits.quiet.startDate')}
              value={startDate}
              error={errors.dates}
              onChange={(event) => setStartDate(event.target.value)}
            />
            <InputField
              id="quiet-end"
              type="date"
              label={t('deskVisits.quiet.endDate')}
              value={endDate}
              onChange={(event) => setEndDate(event.target.value)}
            />
          </div>
        )}
        <div role="status" aria-live="polite">
          {status && <p className="notice notice--success">{status}</p>}
        </div>
        {failure && (
          <p className="notice notice--error" role="alert">
            {failure}
          </p>
        )}
        <button type="submit" className="button">
          {t('deskVisits.quiet.add')}
        </button>
      </form>
    </section>
  );
}
