import { useCallback, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { getService } from '../../api/catalog-endpoints.ts';
import type { ServiceDetail } from '../../api/catalog-types.ts';
import { ApiError } from '../../api/client.ts';
import type { Me } from '../../api/types.ts';
import { getStaffApplication, listTasks, type StaffApplication } from '../../api/workbench-endpoints.ts';
import type { AdminNotice } from '../../components/AdminListStatus.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { ResourceStatus } from '../../components/ResourceStatus.tsx';
import { describeForm } from '../../forms/form-model.ts';
import { useApiResource } from '../../lib/use-api-resource.ts';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { NotFoundPage } from '../NotFoundPage.tsx';
import {
  AttachmentsSection,
  FormDataSection,
  HistorySection,
  SupplementsSection,
} from './ApplicationSections.tsx';
import { TaskPanel, type RunChange, type TaskTime } from './TaskPanel.tsx';
import { RequireCasework, WorkbenchNav, oneOf, useWorkbenchWords } from './WorkbenchFrame.tsx';
import { StaffFeePanel } from '../payments/StaffFeePanel.tsx';

const BRANCH_STATUSES = ['in_progress', 'approved', 'refused', 'withdrawn'] as const;

interface Loaded {
  application: StaffApplication;
  service: ServiceDetail | null;
  times: Map<string, TaskTime>;
}

async function loadApplication(id: string): Promise<Loaded> {
  const application = await getStaffApplication(id);
  // The service's materials (suggestions for a supplement) and the queue's time-left of the open
  // steps are extras: the page works without them if either fails.
  const [service, queue] = await Promise.all([
    getService(application.entry.code).catch(() => null),
    listTasks({ q: application.receiptNo, status: 'open', limit: 100 }).catch(() => null),
  ]);
  const times = new Map<string, TaskTime>(
    (queue?.items ?? [])
      .filter((item) => item.application.id === application.id)
      .map((item) => [
        item.id,
        { timeState: item.timeState, workingDaysLeft: item.workingDaysLeft, escalated: item.escalated },
      ]),
  );
  return { application, service, times };
}

/** `/workbench/applications/:id`: one application of my offices, its history, and my steps' actions. */
export function ApplicationPage() {
  return <RequireCasework>{(me) => <ApplicationLoader me={me} />}</RequireCasework>;
}

function ApplicationLoader({ me }: { me: Me }) {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const load = useCallback(() => loadApplication(id), [id]);
  const [state, reload] = useApiResource(load);
  useDocumentTitle(
    state.status === 'ready'
      ? t('workbench.application.title', { receiptNo: state.data.application.receiptNo })
      : t('workbench.queue.title'),
  );
  return (
    <ResourceStatus state={state} notFound={<NotFoundPage />}>
      {(loaded) => <ApplicationView me={me} loaded={loaded} reload={reload} />}
    </ResourceStatus>
  );
}

function ApplicationView({ me, loaded, reload }: { me: Me; loaded: Loaded; reload(): void }) {
  const { t } = useTranslation();
  const words = useWorkbenchWords();
  const { application, service, times } = loaded;
  const [notice, setNotice] = useState<AdminNotice | null>(null);
  const noticeRef = useRef<HTMLDivElement>(null);

  // Titles come from the form the application was filed under, not today's version.
  const form = application.form;
  const fields = useMemo(() => describeForm(form.schema, form.ui).fields, [form]);
  const fieldTitle = (name: string) => {
    const field = fields.find((f) => f.name === name);
    if (!field) return name;
    return words.isEnglish ? field.titleEn || field.titleZh : field.titleZh;
  };
  const materials =
    service?.type === 'service'
      ? service.definition.materials.map((m) => (words.isEnglish ? m.nameEn || m.nameZh : m.nameZh))
      : [];

  const run: RunChange = async (change, successText) => {
    setNotice(null);
    try {
      await change();
      setNotice({ kind: 'success', text: successText });
      reload();
      return true;
    } catch (error) {
      if (error instanceof ApiError && error.code === 'APPLICATION_CHANGED') {
        setNotice({ kind: 'error', text: t('workbench.tasks.changed') });
        reload();
      } else {
        setNotice({ kind: 'error', text: error instanceof Error ? error.message : String(error) });
        if (error instanceof ApiError && error.status === 409) reload();
      }
      return false;
    } finally {
      noticeRef.current?.scrollIntoView({ block: 'nearest' });
    }
  };

  const statusBadge =
    application.status === 'in_progress'
      ? 'badge'
      : application.status === 'awaiting_supplement'
        ? 'badge badge--warning'
        : application.status === 'approved'
          ? 'badge badge--success'
          : 'badge badge--muted';

  return (
    <article className="workbench-application">
      <WorkbenchNav me={me} />
      <p>
        <Link to="/workbench">{t('workbench.application.back')}</Link>
      </p>
      <PageHeading>{t('workbench.application.title', { receiptNo: application.receiptNo })}</PageHeading>
      <p className="workbench-application__service">
        {words.pick(application.entry)}{' '}
        <span className={statusBadge}>{t(`workbench.status.${application.status}`)}</span>
      </p>
      <p className="data-use-note">
        {t('workbench.application.dataUseNote', { receiptNo: application.receiptNo })}
      </p>
      <div role="status" aria-live="polite" ref={noticeRef}>
        {notice && <p className={`notice notice--${notice.kind}`}>{notice.text}</p>}
      </div>
      <div className="workbench-application__grid">
        <div className="workbench-application__main">
          <FactsSection application={application} />
          <FormDataSection data={application.data} fields={fields} />
          <AttachmentsSection application={application} />
          <SupplementsSection application={application} fieldTitle={fieldTitle} />
        </div>
        <div className="workbench-application__side">
          <StaffFeePanel applicationId={application.id} />
          <TaskPanel
            me={me}
            application={application}
            times={times}
            fields={fields.map((field) => ({ name: field.name, title: fieldTitle(field.name) }))}
            materials={materials}
            run={run}
          />
          <HistorySection application={application} fieldTitle={fieldTitle} />
        </div>
      </div>
    </article>
  );
}

function FactsSection({ application }: { application: StaffApplication }) {
  const { t } = useTranslation();
  const words = useWorkbenchWords();
  const delivery = application.delivery;
  const m = application.metrics;
  return (
    <section className="panel" aria-labelledby="facts-title">
      <h2 className="panel__title" id="facts-title">
        {t('workbench.application.factsTitle')}
      </h2>
      <dl className="facts">
        <Row label={t('workbench.application.receiptNo')}>
          <span className="mono">{application.receiptNo}</span>
        </Row>
        <Row label={t('workbench.application.service')}>
          {words.pick(application.entry)} <span className="mono muted">{application.entry.code}</span>
        </Row>
        <Row label={t('workbench.application.applicant')}>
          {application.applicant.kind === 'enterprise'
            ? t('workbench.application.applicantEnterprise', { name: application.applicant.name })
            : application.applicant.name}
        </Row>
        <Row label={t('workbench.application.channel')}>{words.channel(application.channel)}</Row>
        <Row label={t('workbench.application.receivingOffice')}>
          {words.pick(application.receivingOffice)}
        </Row>
        <Row label={t('workbench.application.submittedAt')}>{words.dateTime(application.submittedAt)}</Row>
        <Row label={t('workbench.application.promisedDate')}>{words.date(application.promisedDate)}</Row>
        {application.finishedAt && (
          <Row label={t('workbench.application.finishedAt')}>{words.dateTime(application.finishedAt)}</Row>
        )}
        <Row label={t('workbench.application.elapsed')}>
          {t('workbench.application.elapsedValue', {
            elapsed: m.elapsedWorkingDays,
            promised: m.promisedWorkingDays,
            paused: m.pausedWorkingDays,
          })}
        </Row>
        <Row label={t('workbench.application.delivery')}>
          {delivery.method === 'mail'
            ? t('workbench.application.deliveryMail', { address: delivery.address ?? '' })
            : delivery.method === 'pickup'
              ? t('workbench.application.deliveryPickup')
              : t('workbench.application.deliveryOnline')}
        </Row>
        {application.branches.length > 1 && (
          <Row label={t('workbench.application.branches')}>
            <ul className="plain-list">
              {application.branches.map((branch) => (
                <li key={branch.serviceCode}>
                  {words.pick(branch)}
                  {t('common.colon')}
                  {oneOf(BRANCH_STATUSES, branch.status)
                    ? t(`workbench.status.${branch.status}`)
                    : branch.status}
                </li>
              ))}
            </ul>
          </Row>
        )}
        {application.certificates.length > 0 && (
          <Row label={t('workbench.application.certificates')}>
            <ul className="plain-list">
              {application.certificates.map((certificate) => (
                <li key={certificate.id}>
                  {words.pick(certificate)} <span className="mono">{certificate.number}</span>
                </li>
              ))}
            </ul>
          </Row>
        )}
      </dl>
    </section>
  );
}

function Row({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="facts__row">
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}
