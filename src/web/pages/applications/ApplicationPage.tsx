import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import type { ServiceDefinition } from '../../../contracts/catalog.ts';
import {
  applicationAttachmentUrl,
  getApplication,
  type ApplicationDetail,
} from '../../api/applications-endpoints.ts';
import { formatFileSize } from '../../components/attachments/attachment-format.ts';
import { getService } from '../../api/catalog-endpoints.ts';
import type { ServiceDetail } from '../../api/catalog-types.ts';
import { PageHeading } from '../../components/PageHeading.tsx';
import { RequireSession } from '../../components/RequireSession.tsx';
import { LoadingStatus } from '../../components/LoadingStatus.tsx';
import { describeForm } from '../../forms/form-model.ts';
import { fieldTitle as titleOfField } from '../../forms/form-ui.ts';
import { LazyServiceForm } from '../../forms/LazyServiceForm.tsx';
import { formatDateTime } from '../../lib/format.ts';
import { useApiResource } from '../../lib/use-api-resource.ts';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { ApplicationFigures } from './ApplicationFigures.tsx';
import { ApplicationTimeline } from './ApplicationTimeline.tsx';
import { formatPlainDate, isFinished, isLate, materialKeyOf, type Language } from './application-view.ts';
import { ReceiptPanel } from './ReceiptPanel.tsx';
import { StatusBadge } from './StatusBadge.tsx';
import { SupplementPanel } from './SupplementPanel.tsx';
import { WithdrawPanel } from './WithdrawPanel.tsx';
import { ApplicationFeePanel } from '../payments/ApplicationFeePanel.tsx';
import './applications.css';

const NO_PREFILL = {};

/** `/applications/:id`: one of my applications, where it stands and what I need to do. */
export function ApplicationPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('applications.detail.documentTitle'));
  return <RequireSession>{() => <ApplicationView />}</RequireSession>;
}

interface Loaded {
  detail: ApplicationDetail;
  service: ServiceDetail | null;
}

async function loadApplication(id: string): Promise<Loaded> {
  const detail = await getApplication(id);
  // The service, for its materials (the supplement's uploads); retired services have none.
  const service = await getService(detail.entry.id).catch(() => null);
  return { detail, service };
}

function ApplicationView() {
  const { t, i18n } = useTranslation();
  const language: Language = i18n.resolvedLanguage === 'en' ? 'en' : 'zh-CN';
  const { id = '' } = useParams();
  const [searchParams, setSearchParams] = useSearchParams();
  const load = useCallback(() => loadApplication(id), [id]);
  const [state, reload] = useApiResource(load);
  const [notice, setNotice] = useState<string | null>(null);
  const name =
    state.status === 'ready'
      ? language === 'en'
        ? state.data.detail.entry.nameEn
        : state.data.detail.entry.nameZh
      : '';
  useDocumentTitle(name || t('applications.detail.documentTitle'));

  if (state.status === 'failed') {
    return (
      <div className="narrow">
        <PageHeading>
          {state.error.status === 404
            ? t('applications.detail.notFound')
            : t('applications.detail.loadFailed')}
        </PageHeading>
        <p className="lead">{state.error.message}</p>
        <p>
          <Link to="/applications">{t('applications.list.title')}</Link>
        </p>
      </div>
    );
  }
  if (state.status === 'loading') return <LoadingStatus />;

  const { detail, service } = state.data;
  // The form as filed (a later version of the service may have changed it).
  const form = detail.form;
  const model = form ? describeForm(form.schema, form.ui) : null;
  const fieldTitle = (field: string) => {
    const found = model?.fields.find((item) => item.name === field);
    return found ? titleOfField(found, language) : field;
  };
  // Member services are named on the timeline of a bundle only.
  const serviceName = (code: string) => {
    if (detail.entry.type !== 'bundle') return null;
    const branch = detail.branches.find((item) => item.serviceCode === code);
    return branch ? (language === 'en' ? branch.nameEn : branch.nameZh) : code;
  };
  const memberMaterials =
    service?.type === 'service' ? (service.definition as ServiceDefinition).materials : [];
  const materialKey = (materialName: string, index: number) => {
    const at = memberMaterials.findIndex((m) => m.nameZh === materialName || m.nameEn === materialName);
    return at >= 0 ? materialKeyOf(detail.entry.code, at) : `supplement.${index}`;
  };
  const openSupplements = detail.supplements.filter((supplement) => supplement.status === 'open');
  const isSubmitted = searchParams.get('submitted') === '1';
  const late = isLate(detail, new Date());
  const openTasks = detail.tasks.filter((task) => task.status === 'open');
  const pick = (named: { nameZh: string; nameEn: string }) =>
    language === 'en' ? named.nameEn : named.nameZh;

  const refresh = (message: string) => {
    setNotice(message);
    reload();
  };

  return (
    <article className="application-page">
      <nav className="breadcrumbs" aria-label={t('service.breadcrumbs')}>
        <ol>
          <li>
            <Link to="/me">{t('layout.nav.me')}</Link>
          </li>
          <li>
            <Link to="/applications">{t('applications.list.title')}</Link>
          </li>
        </ol>
      </nav>
      <header className="application-header">
        <p className="application-header__receipt">
          {t('applications.detail.receiptLine', { number: detail.receiptNo })}
        </p>
        <PageHeading>{pick(detail.entry)}</PageHeading>
        <p className="application-header__badges">
          <StatusBadge status={detail.status} />
          {late && <span className="badge badge--error">{t('applications.detail.late')}</span>}
        </p>
      </header>
      <div role="status" aria-live="polite" className="application-page__notice">
        {notice && <p className="notice notice--success">{notice}</p>}
      </div>

      {isSubmitted && (
        <ReceiptPanel
          detail={detail}
          onDismiss={() => {
            setSearchParams({}, { replace: true });
            document.querySelector<HTMLElement>('main h1')?.focus();
          }}
        />
      )}

      {detail.status !== 'withdrawn' && detail.status !== 'refused' && (
        <ApplicationFeePanel
          applicationId={detail.id}
          enterpriseId={detail.applicant.kind === 'enterprise' ? detail.applicant.id : undefined}
        />
      )}

      <section className="panel expected" aria-labelledby="expected-title">
        <h2 className="panel__title" id="expected-title">
          {t('applications.detail.expectedTitle')}
        </h2>
        <p>
          {openSupplements.length > 0
            ? t('applications.detail.expected.supplement')
            : t(`applications.detail.expected.${detail.status}`)}
        </p>
        {openSupplements.length > 0 && (
          <p>
            <a href="#supplement-title">{t('applications.detail.goToSupplement')}</a>
          </p>
        )}
      </section>

      <dl className="facts application-facts" aria-label={t('applications.detail.factsLabel')}>
        <div className="facts__row">
          <dt>{t('applications.detail.receiptNo')}</dt>
          <dd className="mono">{detail.receiptNo}</dd>
        </div>
        <div className="facts__row">
          <dt>{t('applications.detail.service')}</dt>
          <dd>
            <Link to={`/services/${detail.entry.code}`}>{pick(detail.entry)}</Link>{' '}
            <span className="service-header__code">{detail.entry.code}</span>
          </dd>
        </div>
        <div className="facts__row">
          <dt>{t('applications.detail.applicant')}</dt>
          <dd>{detail.applicant.name}</dd>
        </div>
        <div className="facts__row">
          <dt>{t('applications.detail.submittedAt')}</dt>
          <dd>{formatDateTime(detail.submittedAt, language)}</dd>
        </div>
        <div className="facts__row">
          <dt>{t('applications.detail.promisedDate')}</dt>
          <dd>
            {formatPlainDate(detail.promisedDate, language)}{' '}
            {late ? (
              <span className="badge badge--error">{t('applications.detail.late')}</span>
            ) : isFinished(detail.status) ? null : (
              <span className="badge badge--success">{t('applications.detail.onTime')}</span>
            )}
          </dd>
        </div>
        {detail.finishedAt && (
          <div className="facts__row">
            <dt>{t('applications.detail.finishedAt')}</dt>
            <dd>{formatDateTime(detail.finishedAt, language)}</dd>
          </div>
        )}
        <div className="facts__row">
          <dt>{t('applications.detail.receivingOffice')}</dt>
          <dd>{pick(detail.receivingOffice)}</dd>
        </div>
        <div className="facts__row">
          <dt>{t('applications.detail.delivery')}</dt>
          <dd>{t(`applications.delivery.methods.${detail.delivery.method}`)}</dd>
        </div>
      </dl>

      {openSupplements.length > 0 && form && (
        <SupplementPanel
          detail={detail}
          supplements={openSupplements}
          form={form}
          fieldTitle={fieldTitle}
          materialKey={materialKey}
          onAnswered={() => refresh(t('applications.supplement.answered'))}
        />
      )}

      {openTasks.length > 0 && (
        <section className="service-section" aria-labelledby="tasks-title">
          <h2 id="tasks-title">{t('applications.detail.tasksTitle')}</h2>
          <ul className="item-list">
            {openTasks.map((task) => (
              <li key={task.id} className="item">
                <h3 className="item__title">{pick(task)}</h3>
                <dl className="facts facts--compact">
                  <div className="facts__row">
                    <dt>{t('applications.detail.taskOffice')}</dt>
                    <dd>{pick(task.office)}</dd>
                  </div>
                  <div className="facts__row">
                    <dt>{t('applications.detail.taskDue')}</dt>
                    <dd>
                      {task.awaitingSupplement
                        ? t('applications.detail.taskPaused')
                        : formatPlainDate(task.dueDate, language)}
                    </dd>
                  </div>
                </dl>
              </li>
            ))}
          </ul>
        </section>
      )}

      {detail.entry.type === 'bundle' && detail.branches.length > 0 && (
        <section className="service-section" aria-labelledby="branches-title">
          <h2 id="branches-title">{t('applications.detail.branchesTitle')}</h2>
          <ul className="branch-list">
            {detail.branches.map((branch) => (
              <li key={branch.serviceCode} className="branch-list__item">
                <span>{pick(branch)}</span>
                <span className="badge">
                  {t(`applications.branchStatus.${branch.status}`, branch.status)}
                </span>
              </li>
            ))}
          </ul>
        </section>
      )}

      <section className="service-section" aria-labelledby="timeline-title">
        <h2 id="timeline-title">{t('applications.timeline.title')}</h2>
        <ApplicationTimeline events={detail.timeline} fieldTitle={fieldTitle} serviceName={serviceName} />
      </section>

      {detail.certificates.length > 0 && (
        <section className="service-section" aria-labelledby="certificates-title">
          <h2 id="certificates-title">{t('applications.detail.certificatesTitle')}</h2>
          <ul className="link-list">
            {detail.certificates.map((certificate) => (
              <li key={certificate.id}>
                <Link to={`/me/certificates/${certificate.id}`}>{pick(certificate)}</Link>{' '}
                <span className="mono">{certificate.number}</span>
              </li>
            ))}
          </ul>
        </section>
      )}

      <section className="service-section" aria-labelledby="attachments-title">
        <h2 id="attachments-title">{t('applications.detail.attachmentsTitle')}</h2>
        {detail.attachments.length === 0 ? (
          <p className="empty">{t('applications.detail.noAttachments')}</p>
        ) : (
          <ul className="link-list">
            {detail.attachments.map((attachment) => (
              <li key={attachment.id}>
                <a href={applicationAttachmentUrl(detail.id, attachment.id)} download={attachment.fileName}>
                  {attachment.fileName}
                </a>{' '}
                <span className="field__hint">{formatFileSize(attachment.sizeBytes, t)}</span>
              </li>
            ))}
          </ul>
        )}
      </section>

      <ApplicationFigures metrics={detail.metrics} />

      {form && openSupplements.length === 0 && (
        <details className="service-section application-answers">
          <summary>
            <h2 className="application-answers__title">{t('applications.detail.answersTitle')}</h2>
          </summary>
          <LazyServiceForm
            form={form}
            language={language}
            formData={detail.data}
            onChange={() => undefined}
            prefill={NO_PREFILL}
            readOnly
            idPrefix="answers"
          />
        </details>
      )}

      {detail.canWithdraw && (
        <WithdrawPanel
          applicationId={detail.id}
          onWithdrawn={() => refresh(t('applications.withdraw.done'))}
        />
      )}
    </article>
  );
}
