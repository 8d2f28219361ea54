import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { searchServices } from '../../api/catalog-endpoints.ts';
import type { ServiceListItem } from '../../api/catalog-types.ts';
import { TextField } from '../../components/TextField.tsx';
import { useWorkbenchWords } from './WorkbenchFrame.tsx';

type Results =
  | { status: 'idle' }
  | { status: 'loading' }
  | { status: 'ready'; items: ServiceListItem[] }
  | {
      status: 'failed';
      message: string;
    };

/** A resident can be helped at the counter with services that take counter filings (not queries, not payments). */
export function isCounterService(item: ServiceListItem): boolean {
  return (
    item.channels.includes('counter') &&
    item.subject !== 'enterprise' &&
    item.kind !== 'query' &&
    item.kind !== 'payment'
  );
}

/** Step 1 of counter filing: find the service by name or words, and choose it. */
export function CounterServicePicker({ onChoose }: { onChoose(item: ServiceListItem): void }) {
  const { t } = useTranslation();
  const words = useWorkbenchWords();
  const [query, setQuery] = useState('');
  const [results, setResults] = useState<Results>({ status: 'idle' });

  async function find(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const q = query.trim();
    if (!q) return;
    setResults({ status: 'loading' });
    try {
      const found = await searchServices({ q, channel: 'counter', limit: 20 });
      setResults({ status: 'ready', items: found.items.filter(isCounterService) });
    } catch (error) {
      setResults({ status: 'failed', message: error instanceof Error ? error.message : String(error) });
    }
  }

  return (
    <>
      <form className="counter-search" role="search" onSubmit={(event) => void find(event)}>
        <TextField
          id="counter-service-q"
          label={t('workbench.counter.serviceSearch')}
          value={query}
          onChange={setQuery}
        />
        <button type="submit" className="button button--secondary">
          {t('workbench.counter.serviceSearchButton')}
        </button>
      </form>
      <div role="status" aria-live="polite">
        {results.status === 'loading' && <p className="status-message">{t('common.loading')}</p>}
        {results.status === 'ready' && results.items.length === 0 && (
          <p className="empty">{t('workbench.counter.serviceNone')}</p>
        )}
      </div>
      {results.status === 'failed' && (
        <p className="notice notice--error" role="alert">
          {results.message}
        </p>
      )}
      {results.status === 'ready' && results.items.length > 0 && (
        <section aria-labelledby="counter-results-title">
          <h3 id="counter-results-title" className="counter-results__title">
            {t('workbench.counter.serviceResults')}
          </h3>
          <ul className="counter-results">
            {results.items.map((item) => (
              <li key={item.id}>
                <button type="button" className="counter-results__choice" onClick={() => onChoose(item)}>
                  <span className="counter-results__name">{words.pick(item)}</span>
                  <span className="data-table__sub">
                    {item.code}
                    {item.departmentName ? ` · ${item.departmentName}` : ''}
                  </span>
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}
