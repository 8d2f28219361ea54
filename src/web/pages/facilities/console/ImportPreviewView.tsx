import { useTranslation } from 'react-i18next';
import type { FacilityImport, ImportCounts } from '../../../api/facilities-endpoints.ts';

const COUNTS: (keyof ImportCounts)[] = ['rows', 'new', 'updated', 'unchanged', 'bad'];
const LIST_LIMIT = 50;

function Counts({ counts, testId }: { counts: ImportCounts; testId: string }) {
  const { t } = useTranslation();
  return (
    <dl className="stat-cards" data-testid={testId}>
      {COUNTS.map((key) => (
        <div className="stat-card" key={key}>
          <dt>{t(`facilityConsole.counts.${key}`)}</dt>
          <dd data-testid={`${testId}-${key}`}>{counts[key]}</dd>
        </div>
      ))}
    </dl>
  );
}

/** The preview of an upload: counts, bad rows, changes, new rows; then the import button. */
export function ImportPreviewView({ current, onApply }: { current: FacilityImport; onApply(): void }) {
  const { t } = useTranslation();
  const { preview } = current;
  return (
    <section aria-labelledby="import-preview">
      <h2 id="import-preview">{t('facilityConsole.previewTitle', { file: current.fileName })}</h2>
      <Counts counts={preview} testId="preview-counts" />
      {preview.badRows.length > 0 && (
        <>
          <h3>{t('facilityConsole.badRowsTitle')}</h3>
          <div
            className="table-scroll"
            tabIndex={0}
            role="region"
            aria-label={t('facilityConsole.badRowsCaption')}
          >
            <table className="stat-table" data-testid="bad-rows">
              <caption className="visually-hidden">{t('facilityConsole.badRowsCaption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('facilityConsole.line')}</th>
                  <th scope="col">{t('facilityConsole.code')}</th>
                  <th scope="col">{t('facilityConsole.reason')}</th>
                </tr>
              </thead>
              <tbody>
                {preview.badRows.map((row) => (
                  <tr key={row.line}>
                    <td>{row.line}</td>
                    <td>{row.code}</td>
                    <td>{row.reason}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {preview.bad > LIST_LIMIT && <p>{t('facilityConsole.listedFirst', { count: LIST_LIMIT })}</p>}
        </>
      )}
      {preview.changes.length > 0 && (
        <>
          <h3>{t('facilityConsole.changesTitle')}</h3>
          <div
            className="table-scroll"
            tabIndex={0}
            role="region"
            aria-label={t('facilityConsole.changesCaption')}
          >
            <table className="stat-table">
              <caption className="visually-hidden">{t('facilityConsole.changesCaption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('facilityConsole.line')}</th>
                  <th scope="col">{t('facilityConsole.code')}</th>
                  <th scope="col">{t('facilityConsole.field')}</th>
                  <th scope="col">{t('facilityConsole.from')}</th>
                  <th scope="col">{t('facilityConsole.to')}</th>
                </tr>
              </thead>
              <tbody>
                {preview.changes.flatMap((change) =>
                  change.diffs.map((diff) => (
                    <tr key={`${change.line}-${diff.field}`}>
                      <td>{change.line}</td>
                      <td>{change.code}</td>
                      <td>{t(`facilityConsole.fields.${diff.field}`, { defaultValue: diff.field })}</td>
                      <td>{String(diff.from ?? '')}</td>
                      <td>{String(diff.to ?? '')}</td>
                    </tr>
                  )),
                )}
              </tbody>
            </table>
          </div>
        </>
      )}
      {preview.newRows.length > 0 && (
        <>
          <h3>{t('facilityConsole.newRowsTitle')}</h3>
          <ul>
            {preview.newRows.map((row) => (
              <li key={row.line}>
                {row.code} {row.name}
              </li>
            ))}
          </ul>
        </>
      )}
      {current.status === 'previewed' && preview.new + preview.updated > 0 && (
        <button type="button" className="button button--primary" onClick={onApply}>
          {t('facilityConsole.apply')}
        </button>
      )}
      {current.result && (
        <>
          <h3>{t('facilityConsole.resultTitle')}</h3>
          <Counts counts={current.result} testId="result-counts" />
        </>
      )}
    </section>
  );
}
