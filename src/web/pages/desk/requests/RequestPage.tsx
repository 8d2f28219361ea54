import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router-dom';
import { PageHeading } from '../../../components/PageHeading.tsx';
import { RequireSession } from '../../../components/RequireSession.tsx';
import { ResourceStatus } from '../../../components/ResourceStatus.tsx';
import { formatDateTime } from '../../../lib/format.ts';
import { useApiResource } from '../../../lib/use-api-resource.ts';
import { useDocumentTitle } from '../../../lib/use-document-title.ts';
import { deskApi, requestAttachmentUrl, type RequestDetail } from './desk-api.ts';
import { DueTime, StatusBadge } from './desk-parts.tsx';
import { RequestActions } from './RequestActions.tsx';

/** /desk/requests/:id: one request for its filer, its desk, or an office it was routed to. */
export function RequestPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('desk.request.facts'));
  const { id = '' } = useParams();
  return <RequireSession>{() => <RequestView id={id} />}</RequireSession>;
}

function RequestView({ id }: { id: string }) {
  const { t } = useTranslation();
  const location = useLocation();
  const notice = (location.state as { notice?: string } | null)?.notice ?? null;
  const load = useCallback(() => deskApi.request(id), [id]);
  const [state, reload] = useApiResource(load);
  return (
    <ResourceStatus
      state={state}
      notFound={<p className="notice notice--error">{t('desk.request.notFound')}</p>}
    >
      {(request) => (
        <>
          <PageHeading>{t('desk.request.title', { referenceNo: request.referenceNo })}</PageHeading>
          <div role="status" aria-live="polite">
            {notice && <p className="notice notice--success">{notice}</p>}
          </div>
          <div className="desk-sections">
            <RequestFacts request={request} />
            <RequestActions request={request} onChanged={reload} />
            <Parts request={request} />
            <Timeline request={request} />
          </div>
        </>
      )}
    </ResourceStatus>
  );
}

function RequestFacts({ request }: { request: RequestDetail }) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'zh-CN';
  return (
    <section className="panel" aria-labelledby="desk-request-facts">
      <h2 className="panel__title" id="desk-request-facts">
        {request.title}
      </h2>
      <dl className="facts">
        <div className="facts__row">
          <dt>{t('desk.table.status')}</dt>
          <dd>
            <StatusBadge status={request.status} />
          </dd>
        </div>
        <div className="facts__row">
          <dt>{t('desk.table.category')}</dt>
          <dd>{t(`desk.categories.${request.category}`)}</dd>
        </div>
        <div className="facts__row">
          <dt>{t('desk.table.filer')}</dt>
          <dd>{request.filerName}</dd>
        </div>
        <div className="facts__row">
          <dt>{t('desk.table.filedAt')}</dt>
          <dd>{formatDateTime(request.filedAt, language)}</dd>
        </div>
        <div className="facts__row">
          <dt>{t('desk.request.manager')}</dt>
          <dd>{request.managerName ?? t('desk.request.unassigned')}</dd>
        </div>
        <div className="facts__row">
          <dt>{t('desk.request.firstResponse')}</dt>
          <dd>
            {request.firstRespondedAt ? (
              t('desk.request.respondedAt', { at: formatDateTime(request.firstRespondedAt, language) })
            ) : (
              <DueTime at={request.firstResponseDueAt} isLate={request.isFirstResponseLate} />
            )}
          </dd>
        </div>
        <div className="facts__row">
          <dt>{t('desk.request.resolution')}</dt>
          <dd>
            {request.answeredAt ? (
              t('desk.request.answeredAt', { at: formatDateTime(request.answeredAt, language) })
            ) : (
              <DueTime at={request.resolutionDueAt} isLate={request.isResolutionLate} />
            )}
          </dd>
        </div>
        {request.rating !== null && (
          <div className="facts__row">
            <dt>{t('desk.request.events.rated')}</dt>
            <dd>
              {t('desk.request.rating', { rating: request.rating })}
              {request.ratingComment && ` · ${request.ratingComment}`}
            </dd>
          </div>
        )}
      </dl>
      <h3>{t('desk.request.description')}</h3>
      <p className="desk-timeline__body">{request.description}</p>
      {request.attachments.length > 0 && (
        <>
          <h3>{t('desk.request.attachments')}</h3>
          <ul className="link-list">
            {request.attachments.map((attachment) => (
              <li key={attachment.id}>
                <a href={requestAttachmentUrl(request.id, attachment.id)}>{attachment.fileName}</a>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

function Parts({ request }: { request: RequestDetail }) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'zh-CN';
  if (request.parts.length === 0) return null;
  return (
    <section className="panel" aria-labelledby="desk-request-parts">
      <h2 className="panel__title" id="desk-request-parts">
        {t('desk.request.partsTitle')}
      </h2>
      <ul className="item-list">
        {request.parts.map((part) => (
          <li className="item" key={part.id}>
            <h3 className="item__title">
              {(language === 'en' ? part.officeNameEn : part.officeNameZh) ?? ''}{' '}
              <span className={part.status === 'open' ? 'badge badge--warning' : 'badge badge--success'}>
                {part.status === 'open' ? t('desk.request.partOpen') : t('desk.request.partAnswered')}
              </span>{' '}
              {request.reopenCount > 0 && (
                <span className="badge badge--info">
                  {t('desk.request.partRound', { round: part.round + 1 })}
                </span>
              )}{' '}
              {part.isMine && <span className="badge badge--info">{t('desk.request.myPart')}</span>}
            </h3>
            <p>
              {t('desk.table.instructions')}: {part.instructions}
            </p>
            {part.answer && (
              <p className="desk-timeline__body">
                {part.answer}
                {part.answeredAt &&
                  ` — ${part.answeredByName ?? ''} ${formatDateTime(part.answeredAt, language)}`}
              </p>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}

function Timeline({ request }: { request: RequestDetail }) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'zh-CN';
  return (
    <section className="panel" aria-labelledby="desk-request-timeline">
      <h2 className="panel__title" id="desk-request-timeline">
        {t('desk.request.timelineTitle')}
      </h2>
      <ol className="desk-timeline">
        {request.events.map((event) => {
          const office = language === 'en' ? event.officeNameEn : event.officeNameZh;
          return (
            <li className="desk-timeline__item" key={event.id}>
              <p className="desk-timeline__when">
                {formatDateTime(event.at, language)}
                {event.actorName && ` · ${event.actorName}`}
                {office && ` · ${office}`}
              </p>
              <p>
                <strong>{t(`desk.request.events.${event.kind}`)}</strong>
                {event.target && ` · ${t(`desk.request.targets.${event.target}`)}`}
                {event.rating !== null && ` · ${t('desk.request.rating', { rating: event.rating })}`}
                {event.kind === 'answered' && !event.body && ` · ${t('desk.request.allPartsAnswered')}`}
              </p>
              {event.body && <p className="desk-timeline__body">{event.body}</p>}
            </li>
          );
        })}
      </ol>
      <p>
        <Link
          to={
            request.viewer === 'filer'
              ? '/desk'
              : request.viewer === 'manager'
                ? '/desk/manager'
                : '/desk/office'
          }
        >
          {t('desk.requests.backToDesk')}
        </Link>
      </p>
    </section>
  );
}
