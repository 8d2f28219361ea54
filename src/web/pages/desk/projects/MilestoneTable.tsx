import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { TextField } from '../../../components/TextField.tsx';
import { InputField, errorText } from '../rooms/desk-rooms-parts.tsx';
import { projectsApi, type Milestone, type Project } from './projects-api.ts';

/**
 * The milestones as a table (the text alternative of the timeline chart): planned and actual
 * dates, where each stands, the applications it waits on with their live status; members and the
 * manager record dates and link applications.
 */
export function MilestoneTable(props: {
  project: Project;
  onChange(project: Project): void;
  onReload(): void;
}) {
  const { t, i18n } = useTranslation();
  const { project } = props;
  const isEnglish = i18n.resolvedLanguage === 'en';
  const mayEdit = project.myRelation !== 'head';
  const [status, setStatus] = useState('');
  return (
    <>
      <div className="desk-table__scroll">
        <table className="desk-table">
          <caption>{t('deskProjects.table.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('deskProjects.table.milestone')}</th>
              <th scope="col">{t('deskProjects.table.planned')}</th>
              <th scope="col">{t('deskProjects.table.actual')}</th>
              <th scope="col">{t('deskProjects.table.state')}</th>
              <th scope="col">{t('deskProjects.table.applications')}</th>
            </tr>
          </thead>
          <tbody>
            {project.milestones.map((milestone) => (
              <tr key={milestone.id}>
                <th scope="row">
                  {t(`deskProjects.kinds.${milestone.kind}`)}
                  {milestone.note && <p className="desk-muted">{milestone.note}</p>}
                </th>
                <td>{milestone.plannedDate}</td>
                <td>{milestone.actualDate ?? '—'}</td>
                <td
                  className={
                    milestone.state === 'late' || milestone.state === 'done_late' ? 'desk-late' : undefined
                  }
                >
                  {t(`deskProjects.states.${milestone.state}`, { days: milestone.daysLate })}
                </td>
                <td>
                  {milestone.applications.length === 0 ? (
                    '—'
                  ) : (
                    <ul className="desk-list">
                      {milestone.applications.map((application) => (
                        <li key={application.linkId}>
                          {application.receiptNo} · {isEnglish ? application.nameEn : application.nameZh} ·{' '}
                          <strong>
                            {t(`deskProjects.applicationStatus.${application.status}`, application.status)}
                          </strong>
                          {mayEdit && (
                            <>
                              {' '}
                              <button
                                type="button"
                                className="button button--secondary"
                                onClick={() =>
                                  void projectsApi
                                    .unlinkApplication(project.id, milestone.id, application.linkId)
                                    .then(() => {
                                      setStatus(
                                        t('deskProjects.link.removed', { receiptNo: application.receiptNo }),
                                      );
                                      props.onReload();
                                    })
                                }
                              >
                                {t('deskProjects.link.remove', { receiptNo: application.receiptNo })}
                              </button>
                            </>
                          )}
                        </li>
                      ))}
                    </ul>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div role="status" aria-live="polite">
        {status && <p className="notice notice--success">{status}</p>}
      </div>
      {mayEdit && (
        <section aria-labelledby="milestone-edit-heading">
          <h2 id="milestone-edit-heading">{t('deskProjects.edit.title')}</h2>
          {project.milestones.map((milestone) => (
            <details key={milestone.id} className="desk-details">
              <summary>{t(`deskProjects.kinds.${milestone.kind}`)}</summary>
              <MilestoneForm
                project={project}
                milestone={milestone}
                onSaved={props.onChange}
                onStatus={setStatus}
              />
            </details>
          ))}
        </section>
      )}
    </>
  );
}

function MilestoneForm(props: {
  project: Project;
  milestone: Milestone;
  onSaved(project: Project): void;
  onStatus(text: string): void;
}) {
  const { t } = useTranslation();
  const { project, milestone } = props;
  const label = t(`deskProjects.kinds.${milestone.kind}`);
  const [plannedDate, setPlannedDate] = useState(milestone.plannedDate);
  const [actualDate, setActualDate] = useState(milestone.actualDate ?? '');
  const [reference, setReference] = useState('');
  const [failure, setFailure] = useState('');
  const [referenceError, setReferenceError] = useState<string | undefined>();

  async function save(event: FormEvent) {
    event.preventDefault();
    setFailure('');
    try {
      const updated = await projectsApi.updateMilestone(project.id, milestone.id, {
        plannedDate,
        actualDate: actualDate || null,
      });
      props.onSaved(updated);
      props.onStatus(t('deskProjects.edit.saved', { milestone: label }));
    } catch (error) {
      setFailure(errorText(error, t('errors.unexpected')));
    }
  }

  async function link(event: FormEvent) {
    event.preventDefault();
    if (!reference.trim()) {
      setReferenceError(t('deskProjects.link.required'));
      return;
    }
    setReferenceError(undefined);
    try {
      const updated = await projectsApi.linkApplication(project.id, milestone.id, reference);
      setReference('');
      props.onSaved(updated);
      props.onStatus(t('deskProjects.link.added', { milestone: label }));
    } catch (error) {
      setReferenceError(errorText(error, t('errors.unexpected')));
    }
  }

  return (
    <div className="desk-sections">
      <form className="form" onSubmit={(event) => void save(event)} noValidate>
        <InputField
          id={`planned-${milestone.id}`}
          type="date"
          label={t('deskProjects.table.planned')}
          value={plannedDate}
          onChange={(event) => setPlannedDate(event.target.value)}
        />
        <InputField
          id={`actual-${milestone.id}`}
          type="date"
          label={t('deskProjects.table.actual')}
          hint={t('deskProjects.edit.actualHint')}
          value={actualDate}
          max={project.today}
          onChange={(event) => setActualDate(event.target.value)}
        />
        {failure && (
          <p className="notice notice--error" role="alert">
            {failure}
          </p>
        )}
        <button type="submit" className="button">
          {t('deskProjects.edit.save', { milestone: label })}
        </button>
      </form>
      <form className="form" onSubmit={(event) => void link(event)} noValidate>
        <TextField
          id={`link-${milestone.id}`}
          label={t('deskProjects.link.label')}
          hint={t('deskProjects.link.hint')}
          value={reference}
          onChange={setReference}
          error={referenceError}
        />
        <button type="submit" className="button button--secondary">
          {t('deskProjects.link.submit', { milestone: label })}
        </button>
      </form>
    </div>
  );
}
