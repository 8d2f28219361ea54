import { useTranslation } from 'react-i18next';
import type { DryRun, DryRunExample } from './policies-api.ts';

/** What a rule would match, with examples of enterprises in and out and the facts used. */
export function DryRunResult({ result }: { result: DryRun }) {
  const { t } = useTranslation();
  return (
    <section className="panel" aria-labelledby="dry-run-title" data-testid="dry-run">
      <h2 id="dry-run-title">{t('deskInvest.dryRun.title')}</h2>
      <p role="status" data-testid="dry-run-summary">
        {t('deskInvest.dryRun.summary', { matched: result.matched, checked: result.checked })}
        {result.unreadable > 0 && ` ${t('deskInvest.dryRun.unreadable', { count: result.unreadable })}`}
      </p>
      <Examples id="dry-run-in" caption={t('deskInvest.dryRun.examples')} rows={result.examples} />
      <Examples id="dry-run-out" caption={t('deskInvest.dryRun.nonMatching')} rows={result.nonMatching} />
    </section>
  );
}

function Examples({ id, caption, rows }: { id: string; caption: string; rows: DryRunExample[] }) {
  const { t } = useTranslation();
  if (rows.length === 0) return null;
  return (
    <div className="table-scroll" tabIndex={0} role="region" aria-labelledby={`${id}-caption`}>
      <table className="stat-table" data-testid={id}>
        <caption id={`${id}-caption`}>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('deskInvest.col.enterprise')}</th>
            <th scope="col">{t('deskInvest.col.facts')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.enterpriseId}>
              <th scope="row">{row.name}</th>
              <td>
                {Object.entries(row.facts)
                  .map(([name, value]) => `${name} = ${value}`)
                  .join('；')}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
