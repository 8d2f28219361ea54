import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { TextAreaField } from '../../../components/ChoiceFields.tsx';
import { errorText } from '../rooms/desk-rooms-parts.tsx';
import { visitsApi, type Visit } from './visits-api.ts';

/** Records the outcome of a planned visit, or cancels it. */
export function CloseVisitForm({ visit, onDone }: { visit: Visit; onDone(): void }) {
  const { t } = useTranslation();
  const [outcome, setOutcome] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [failure, setFailure] = useState('');

  async function close(status: 'done' | 'cancelled', event?: FormEvent) {
    event?.preventDefault();
    if (status === 'done' && !outcome.trim()) {
      setError(t('deskVisits.plan.outcomeRequired'));
      return;
    }
    try {
      await visitsApi.close(visit.id, status === 'done' ? { status, outcome } : { status });
      onDone();
    } catch (caught) {
      setFailure(errorText(caught, t('errors.unexpected')));
    }
  }

  return (
    <form className="form" onSubmit={(event) => void close('done', event)} noValidate>
      <TextAreaField
        id={`visit-outcome-${visit.id}`}
        label={t('deskVisits.close.outcome')}
        value={outcome}
        onChange={setOutcome}
        error={error}
        rows={2}
      />
      {failure && (
        <p className="notice notice--error" role="alert">
          {failure}
        </p>
      )}
      <div className="button-row">
        <button type="submit" className="button">
          {t('deskVisits.close.done')}
        </button>
        <button type="button" className="button button--secondary" onClick={() => void close('cancelled')}>
          {t('deskVisits.close.cancel')}
        </button>
      </div>
    </form>
  );
}
