import { useEffect, useState } from 'react';
import { ApiError } from '../../api/client.ts';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { getOwnRecord, REGISTER_SLUGS, type OwnRecord, type RegisterSlug } from '../../api/data-endpoints.ts';
import { PageHeading } from '../../components/PageHeading.tsx';
import { RequireSession } from '../../components/RequireSession.tsx';
import { pickName } from '../../lib/local-name.ts';
import type { ResourceState } from '../../lib/use-api-resource.ts';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { NotFoundPage } from '../NotFoundPage.tsx';
import { RegisterView } from './register-views.tsx';
import './data.css';

/** One self-service query (社保, 公积金, 医保, 机动车, 水电燃气), read through the sharing gateway. */
export function RegisterQueryPage() {
  const { slug } = useParams();
  if (!REGISTER_SLUGS.includes(slug as RegisterSlug)) return <NotFoundPage />;
  return <RequireSession>{() => <RegisterQuery slug={slug as RegisterSlug} />}</RequireSession>;
}

function RegisterQuery({ slug }: { slug: RegisterSlug }) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'zh-CN';
  const title = t(`data.registers.${slug}.title`);
  useDocumentTitle(title);
  // Each load is a read of the person's record and so an access record: load once per visit
  // (and on "try again"), not again when the language changes.
  const [state, setState] = useState<ResourceState<OwnRecord<Record<string, unknown>>>>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    let isCurrent = true;
    setState({ status: 'loading' });
    getOwnRecord<Record<string, unknown>>(slug).then(
      (data) => isCurrent && setState({ status: 'ready', data }),
      (error: unknown) =>
        isCurrent &&
        setState({
          status: 'failed',
          error: error instanceof ApiError ? error : new ApiError(0, 'UNEXPECTED_RESPONSE', String(error), null),
        }),
    );
    return () => {
      isCurrent = false;
    };
  }, [slug, attempt]);
  const reload = () => setAttempt((value) => value + 1);
  return (
    <>
      <p>
        <Link to="/data">{t('data.query.back')}</Link>
      </p>
      <PageHeading>{title}</PageHeading>
      {state.status === 'loading' && (
        <p className="status-message" role="status">
          {t('common.loading')}
        </p>
      )}
      {state.status === 'failed' && (
        <div className="notice notice--error" role="alert">
          <p>{state.error.code === 'REGISTER_UNAVAILABLE' ? t('data.query.unavailable') : state.error.message}</p>
          <button type="button" className="button button--secondary" onClick={reload}>
            {t('data.query.retry')}
          </button>
        </div>
      )}
      {state.status === 'ready' && (
        <>
          <p className="data-source">{t('data.query.source', { name: pickName(language, state.data.nameZh, state.data.nameEn) })}</p>
          <p className="data-source" role="status">
            {t('data.query.recorded')} <Link to="/data/access">{t('data.hub.accessTitle')}</Link>
          </p>
          <RegisterView slug={slug} data={state.data.data} />
        </>
      )}
    </>
  );
}
