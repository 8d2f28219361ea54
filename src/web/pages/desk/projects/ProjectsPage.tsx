import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import type { Me } from '../../../api/types.ts';
import { SelectField, TextAreaField } from '../../../components/ChoiceFields.tsx';
import { PageHeading } from '../../../components/PageHeading.tsx';
import { RequireSession } from '../../../components/RequireSession.tsx';
import { ResourceStatus } from '../../../components/ResourceStatus.tsx';
import { TextField } from '../../../components/TextField.tsx';
import { useApiResource } from '../../../lib/use-api-resource.ts';
import { useDocumentTitle } from '../../../lib/use-document-title.ts';
import { deskApi } from '../requests/desk-api.ts';
import '../requests/desk.css';
import '../rooms/desk-rooms.css';
import { DeskRoomsNav, InputField, errorText } from '../rooms/desk-rooms-parts.tsx';
import { MILESTONE_KINDS, projectsApi, type MilestoneKind } from './projects-api.ts';

/** /desk/projects: projects of my enterprises (or those I look after); managers open new ones. */
export function ProjectsPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('deskProjects.title'));
  return <RequireSession>{(me) => <Projects me={me} />}</RequireSession>;
}

function Projects({ me }: { me: Me }) {
  const { t } = useTranslation();
  const [state] = useApiResource(projectsApi.list);
  const isManager = me.staff.some((post) => post.role === 'service_manager');
  return (
    <>
      <PageHeading>{t('deskProjects.title')}</PageHeading>
      <DeskRoomsNav />
      <p className="lead">{t('deskProjects.intro')}</p>
      <ResourceStatus state={state}>
        {({ items }) =>
          items.length === 0 ? (
            <p className="empty">{t('deskProjects.none')}</p>
          ) : (
            <div className="desk-table__scroll">
              <table className="desk-table">
                <caption className="visually-hidden">{t('deskProjects.title')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('deskProjects.name')}</th>
                    <th scope="col">{t('deskProjects.enterprise')}</th>
                    <th scope="col">{t('deskProjects.progress')}</th>
                    <th scope="col">{t('deskProjects.next')}</th>
                  </tr>
                </thead>
                <tbody>
                  {items.map((project) => (
                    <tr key={project.id}>
                      <td>
                        <Link to={`/desk/projects/${encodeURIComponent(project.id)}`}>{project.name}</Link>
                      </td>
                      <td>{project.enterpriseName}</td>
                      <td>
                        {t('deskProjects.doneOf', { done: project.doneCount, total: project.milestoneCount })}
                        {project.lateCount > 0 && (
                          <>
                            {' '}
                            <span className="desk-late">
                              {t('deskProjects.lateCount', { n: project.lateCount })}
                            </span>
                          </>
                        )}
                      </td>
                      <td>
                        {project.nextMilestone
                          ? `${t(`deskProjects.kinds.${project.nextMilestone.kind}`)} · ${project.nextMilestone.plannedDate}`
                          : '—'}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )
        }
      </ResourceStatus>
      {isManager && <NewProjectForm />}
    </>
  );
}

function NewProjectForm() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [workspace] = useApiResource(deskApi.managerWorkspace);
  const [enterpriseId, setEnterpriseId] = useState('');
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const [siteAddress, setSiteAddress] = useState('');
  const [dates, setDates] = useState<Partial<Record<MilestoneKind, string>>>({});
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState('');

  async function create(event: FormEvent, fallbackEnterprise: string) {
    event.preventDefault();
    setFailure('');
    const milestones = MILESTONE_KINDS.flatMap((kind) =>
      dates[kind] ? [{ kind, plannedDate: dates[kind] }] : [],
    );
    const found: Record<string, string> = {};
    if (!name.trim()) found.name = t('deskProjects.create.nameRequired');
    if (milestones.length === 0) found.milestones = t('deskProjects.create.milestonesRequired');
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    try {
      const project = await projectsApi.create(enterpriseId || fallbackEnterprise, {
        name,
        description,
        siteAddress,
        milestones,
      });
      void navigate(`/desk/projects/${encodeURIComponent(project.id)}`);
    } catch (error) {
      setFailure(errorText(error, t('errors.unexpected')));
    }
  }

  return (
    <section aria-labelledby="new-project-heading">
      <h2 id="new-project-heading">{t('deskProjects.create.title')}</h2>
      <ResourceStatus state={workspace}>
        {({ enterprises }) => {
          const mine = enterprises.filter((e) => e.relation === 'manager');
          if (mine.length === 0) return <p className="empty">{t('deskVisits.noEnterprises')}</p>;
          const fallback = mine[0]!.enterpriseId;
          return (
            <form className="form" onSubmit={(event) => void create(event, fallback)} noValidate>
              <SelectField
                id="project-enterprise"
                label={t('deskProjects.enterprise')}
                value={enterpriseId || fallback}
                options={mine.map((e) => ({ value: e.enterpriseId, label: e.enterpriseName }))}
                onChange={setEnterpriseId}
              />
              <TextField
                id="project-name"
                label={t('deskProjects.name')}
                value={name}
                onChange={setName}
                error={errors.name}
              />
              <TextAreaField
                id="project-description"
                label={t('deskProjects.create.description')}
                value={description}
                onChange={setDescription}
              />
              <TextField
                id="project-site"
                label={t('deskProjects.create.site')}
                value={siteAddress}
                onChange={setSiteAddress}
              />
              <fieldset
                className={errors.milestones ? 'field field--error' : 'field'}
                id="project-milestones"
              >
                <legend className="field__label">{t('deskProjects.create.milestones')}</legend>
                <p className="field__hint">{t('deskProjects.create.milestonesHint')}</p>
                {errors.milestones && <p className="field__error">{errors.milestones}</p>}
                {MILESTONE_KINDS.map((kind) => (
                  <InputField
                    key={kind}
                    id={`project-planned-${kind}`}
                    type="date"
                    label={t(`deskProjects.kinds.${kind}`)}
                    value={dates[kind] ?? ''}
                    onChange={(event) => setDates({ ...dates, [kind]: event.target.value })}
                  />
                ))}
              </fieldset>
              {failure && (
                <p className="notice notice--error" role="alert">
                  {failure}
                </p>
              )}
              <button type="submit" className="button">
                {t('deskProjects.create.submit')}
              </button>
            </form>
          );
        }}
      </ResourceStatus>
    </section>
  );
}
