import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { PageHeading } from '../../../components/PageHeading.tsx';
import { RequireSession } from '../../../components/RequireSession.tsx';
import { ResourceStatus } from '../../../components/ResourceStatus.tsx';
import { useApiResource } from '../../../lib/use-api-resource.ts';
import { useDocumentTitle } from '../../../lib/use-document-title.ts';
import '../requests/desk.css';
import '../rooms/desk-rooms.css';
import { errorText } from '../rooms/desk-rooms-parts.tsx';
import { MilestoneTable } from './MilestoneTable.tsx';
import { ProjectTimeline } from './ProjectTimeline.tsx';
import { projectsApi, type Project } from './projects-api.ts';

/** /desk/projects/:id: a project's milestones, plan against actual, as a chart and as a table. */
export function ProjectPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('deskProjects.projectTitle'));
  const { id = '' } = useParams();
  return <RequireSession>{() => <ProjectView projectId={id} />}</RequireSession>;
}

function ProjectView({ projectId }: { projectId: string }) {
  const { t } = useTranslation();
  const load = useCallback(() => projectsApi.project(projectId), [projectId]);
  const [state, reload, replace] = useApiResource(load);
  return (
    <ResourceStatus
      state={state}
      notFound={
        <>
          <PageHeading>{t('deskProjects.notFound')}</PageHeading>
          <p>
            <Link to="/desk/projects">{t('deskProjects.back')}</Link>
          </p>
        </>
      }
    >
      {(project) => (
        <>
          <PageHeading>{project.name}</PageHeading>
          <p>
            <Link to="/desk/projects">{t('deskProjects.back')}</Link>
          </p>
          <p className="lead">{project.enterpriseName}</p>
          {project.description && <p>{project.description}</p>}
          {project.siteAddress && <p>{t('deskProjects.site', { address: project.siteAddress })}</p>}
          <RoomLink project={project} onOpened={reload} />
          <h2>{t('deskProjects.timeline.title')}</h2>
          <ProjectTimeline project={project} />
          <MilestoneTable project={project} onChange={replace} onReload={reload} />
        </>
      )}
    </ResourceStatus>
  );
}

function RoomLink({ project, onOpened }: { project: Project; onOpened(): void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [failure, setFailure] = useState('');
  if (project.roomId) {
    return (
      <p>
        <Link to={`/desk/rooms/${encodeURIComponent(project.roomId)}`}>{t('deskProjects.toRoom')}</Link>
      </p>
    );
  }
  if (project.myRelation !== 'manager') return null;
  async function open() {
    try {
      const room = await projectsApi.openRoom(project.id);
      onOpened();
      void navigate(`/desk/rooms/${encodeURIComponent(room.id)}`);
    } catch (error) {
      setFailure(errorText(error, t('errors.unexpected')));
    }
  }
  return (
    <>
      <p>
        <button type="button" className="button button--secondary" onClick={() => void open()}>
          {t('deskProjects.openRoom')}
        </button>
      </p>
      {failure && (
        <p className="notice notice--error" role="alert">
          {failure}
        </p>
      )}
    </>
  );
}
