import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import {
  applyFacilityImport,
  FACILITY_IMPORT_MAX_BYTES,
  getFacilityImport,
  uploadFacilityCsv,
  type FacilityImport,
} from '../../../api/facilities-endpoints.ts';
import { PageHeading } from '../../../components/PageHeading.tsx';
import { RequireSession } from '../../../components/RequireSession.tsx';
import { useDocumentTitle } from '../../../lib/use-document-title.ts';
import { ImportPreviewView } from './ImportPreviewView.tsx';
import './console.css';

const FINAL = new Set(['applied', 'stale', 'failed']);

/** `/facilities/console/import`: upload a CSV, look at the preview, import it, watch it go. */
export function FacilityImportPage() {
  return <RequireSession>{() => <ImportFlow />}</RequireSession>;
}

function ImportFlow() {
  const { t } = useTranslation();
  useDocumentTitle(t('facilityConsole.importTitle'));
  const [file, setFile] = useState<File | null>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const [error, setError] = useState('');
  const [current, setCurrent] = useState<FacilityImport | null>(null);

  // While the import is applied, ask for its progress every second.
  useEffect(() => {
    if (!current || current.status !== 'applying') return;
    const timer = window.setTimeout(() => {
      getFacilityImport(current.id).then(setCurrent, (caught: unknown) =>
        setError(caught instanceof Error ? caught.message : String(caught)),
      );
    }, 1000);
    return () => window.clearTimeout(timer);
  }, [current]);

  async function upload(event: FormEvent) {
    event.preventDefault();
    setError('');
    if (!file) return setError(t('facilityConsole.noFile'));
    if (file.size > FACILITY_IMPORT_MAX_BYTES) return setError(t('facilityConsole.fileTooLarge'));
    setCurrent(null);
    setProgress(0);
    try {
      setCurrent(await uploadFacilityCsv(file, setProgress));
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : String(caught));
    } finally {
      setProgress(null);
    }
  }

  async function apply() {
    if (!current) return;
    setError('');
    try {
      setCurrent(await applyFacilityImport(current.id));
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : String(caught));
    }
  }

  return (
    <>
      <PageHeading>{t('facilityConsole.importTitle')}</PageHeading>
      <p className="lead">{t('facilityConsole.importLead')}</p>
      <p>
        <Link to="/facilities/console">{t('facilityConsole.backToConsole')}</Link>
      </p>
      <form onSubmit={(event) => void upload(event)} noValidate>
        <div className="field">
          <label className="field__label" htmlFor="import-file">
            {t('facilityConsole.chooseFile')}
          </label>
          <input
            id="import-file"
            name="import-file"
            type="file"
            accept=".csv,text/csv"
            className="field__input"
            onChange={(event) => setFile(event.target.files?.[0] ?? null)}
          />
        </div>
        <button type="submit" className="button button--primary" disabled={progress !== null}>
          {t('facilityConsole.upload')}
        </button>
      </form>
      <div role="status" className="status-message">
        {progress !== null && (
          <>
            <progress className="import-progress" max={1} value={progress} />{' '}
            {t('facilityConsole.uploading', { percent: Math.round(progress * 100) })}
          </>
        )}
        {current?.status === 'applying' && (
          <>
            <progress
              className="import-progress"
              max={Math.max(1, current.progress.toApply)}
              value={current.progress.appliedRows}
            />{' '}
            {t('facilityConsole.applying', {
              done: current.progress.appliedRows,
              total: current.progress.toApply,
            })}
          </>
        )}
        {current && FINAL.has(current.status) && (
          <strong>{t(`facilityConsole.status.${current.status}`)}</strong>
        )}
      </div>
      {error && (
        <p className="notice notice--error" role="alert">
          {error}
        </p>
      )}
      {current && <ImportPreviewView current={current} onApply={() => void apply()} />}
    </>
  );
}
