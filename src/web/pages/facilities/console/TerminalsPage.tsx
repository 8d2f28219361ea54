import { useCallback, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import {
  addTerminal,
  getFacilityTerminals,
  retireTerminal,
  rotateFacilityKey,
  type FacilityTerminals,
} from '../../../api/facilities-endpoints.ts';
import { PageHeading } from '../../../components/PageHeading.tsx';
import { RequireSession } from '../../../components/RequireSession.tsx';
import { TextField } from '../../../components/TextField.tsx';
import { useApiResource } from '../../../lib/use-api-resource.ts';
import { useDocumentTitle } from '../../../lib/use-document-title.ts';
import { shanghaiDate, shanghaiToday } from './console-format.ts';
import './console.css';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** `/facilities/console/facilities/:code/terminals`: list, add, retire; the device key. */
export function TerminalsPage() {
  const { code = '' } = useParams();
  return <RequireSession>{() => <Terminals code={code} />}</RequireSession>;
}

function Terminals({ code }: { code: string }) {
  const { t } = useTranslation();
  const load = useCallback(() => getFacilityTerminals(code), [code]);
  const [state, reload] = useApiResource(load);
  useDocumentTitle(
    state.status === 'ready'
      ? t('facilityConsole.terminalsTitle', { facility: state.data.facilityName })
      : t('facilityConsole.title'),
  );
  if (state.status === 'loading')
    return (
      <p className="status-message" role="status">
        {t('facilityConsole.loading')}
      </p>
    );
  if (state.status === 'failed')
    return (
      <>
        <PageHeading>{t('facilityConsole.title')}</PageHeading>
        <p className="notice notice--error" role="alert">
          {state.error.message}
        </p>
      </>
    );
  return <TerminalsBody data={state.data} reload={reload} />;
}

function TerminalsBody({ data, reload }: { data: FacilityTerminals; reload(): void }) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'zh-CN';
  const [model, setModel] = useState('');
  const [installedOn, setInstalledOn] = useState(shanghaiToday());
  const [errors, setErrors] = useState<{ model?: string; installedOn?: string }>({});
  const [status, setStatus] = useState('');
  const [failure, setFailure] = useState('');
  const [newKey, setNewKey] = useState('');

  async function act(action: () => Promise<string>) {
    setFailure('');
    try {
      setStatus(await action());
      reload();
    } catch (caught) {
      setFailure(caught instanceof Error ? caught.message : String(caught));
    }
  }

  function add(event: FormEvent) {
    event.preventDefault();
    const found = {
      model: model.trim() ? undefined : t('facilityConsole.modelRequired'),
      installedOn: DATE.test(installedOn) ? undefined : t('facilityConsole.dateRequired'),
    };
    setErrors(found);
    if (found.model || found.installedOn) return;
    void act(async () => {
      const terminal = await addTerminal(data.facilityCode, { model: model.trim(), installedOn });
      setModel('');
      return t('facilityConsole.added', { id: terminal.id });
    });
  }

  return (
    <>
      <PageHeading>{t('facilityConsole.terminalsTitle', { facility: data.facilityName })}</PageHeading>
      <p>
        <Link to="/facilities/console">{t('facilityConsole.backToConsole')}</Link>
      </p>
      <p role="status" className="status-message">
        {status}
      </p>
      {failure && (
        <p className="notice notice--error" role="alert">
          {failure}
        </p>
      )}
      <div
        className="table-scroll"
        tabIndex={0}
        role="region"
        aria-label={t('facilityConsole.terminalsCaption')}
      >
        <table className="stat-table console-table" data-testid="terminals">
          <caption className="visually-hidden">{t('facilityConsole.terminalsCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('facilityConsole.terminalId')}</th>
              <th scope="col">{t('facilityConsole.model')}</th>
              <th scope="col">{t('facilityConsole.installedOn')}</th>
              <th scope="col">{t('facilityConsole.terminalStatus')}</th>
              <td />
            </tr>
          </thead>
          <tbody>
            {data.terminals.map((terminal) => (
              <tr key={terminal.id}>
                <th scope="row">{terminal.id}</th>
                <td>{terminal.model}</td>
                <td>{terminal.installedOn}</td>
                <td>
                  {terminal.status === 'active'
                    ? t('facilityConsole.terminalActive')
                    : t('facilityConsole.terminalRetired', { date: terminal.retiredOn })}
                </td>
                <td>
                  {terminal.status === 'active' && (
                    <button
                      type="button"
                      className="button button--secondary"
                      aria-label={t('facilityConsole.retireLabel', { id: terminal.id })}
                      onClick={() =>
                        void act(async () => {
                          await retireTerminal(data.facilityCode, terminal.id, shanghaiToday());
                          return t('facilityConsole.retired', { id: terminal.id });
                        })
                      }
                    >
                      {t('facilityConsole.retire')}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <section aria-labelledby="add-terminal">
        <h2 id="add-terminal">{t('facilityConsole.addTerminal')}</h2>
        <form onSubmit={add} noValidate>
          <TextField
            id="terminal-model"
            label={t('facilityConsole.model')}
            value={model}
            onChange={setModel}
            error={errors.model}
            maxLength={100}
          />
          <TextField
            id="terminal-installed-on"
            label={t('facilityConsole.installedOn')}
            hint="YYYY-MM-DD"
            value={installedOn}
            onChange={setInstalledOn}
            error={errors.installedOn}
            isShort
          />
          <button type="submit" className="button button--primary">
            {t('facilityConsole.add')}
          </button>
        </form>
      </section>

      <section aria-labelledby="device-key">
        <h2 id="device-key">{t('facilityConsole.deviceKeyTitle')}</h2>
        <p>
          {data.deviceKey
            ? t('facilityConsole.deviceKeyIssued', { date: shanghaiDate(data.deviceKey.createdAt, language) })
            : t('facilityConsole.deviceKeyNone')}
        </p>
        <button
          type="button"
          className="button button--secondary"
          onClick={() =>
            void act(async () => {
              const rotated = await rotateFacilityKey(data.facilityCode);
              setNewKey(rotated.key);
              return t('facilityConsole.newKey');
            })
          }
        >
          {t('facilityConsole.rotateKey')}
        </button>
        {newKey && (
          <p>
            {t('facilityConsole.newKey')} <code className="new-key">{newKey}</code>
          </p>
        )}
      </section>
    </>
  );
}
