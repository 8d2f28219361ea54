// The workspace's projects and policies: a summary from the desk's project and policy APIs, with
// links to their own pages (/desk/projects, /desk/policies).
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { api } from '../../../api/client.ts';
import { useApiResource } from '../../../lib/use-api-resource.ts';

interface ProjectSummary {
  id: string;
  enterpriseId: string;
  name: string;
  lateCount: number;
  doneCount: number;
  milestoneCount: number;
}

interface EnterprisePolicies {
  policies: { id: string; titleZh: string; titleEn: string; isAutoGrant: boolean }[];
  benefits: { id: string }[];
}

export function ProjectsSummary({ enterpriseId }: { enterpriseId: string }) {
  const { t } = useTranslation();
  const load = useCallback(() => api.get<{ items: ProjectSummary[] }>('/api/v1/desk/projects'), []);
  const [state] = useApiResource(load);
  const projects =
    state.status === 'ready' ? state.data.items.filter((p) => p.enterpriseId === enterpriseId) : [];
  return (
    <section className="panel" aria-labelledby="desk-projects-title">
      <h2 className="panel__title" id="desk-projects-title">
        {t('desk.workspace.projectsTitle')}
      </h2>
      <p>{t('desk.workspace.projectsText')}</p>
      {state.status === 'ready' &&
        (projects.length === 0 ? (
          <p className="empty">{t('desk.workspace.noProjects')}</p>
        ) : (
          <ul className="item-list">
            {projects.map((project) => (
              <li className="item" key={project.id}>
                <Link to={`/desk/projects/${encodeURIComponent(project.id)}`}>{project.name}</Link>{' '}
                {t('desk.workspace.projectProgress', {
                  done: project.doneCount,
                  total: project.milestoneCount,
                })}
                {project.lateCount > 0 && (
                  <>
                    {' '}
                    <span className="badge badge--warning">
                      {t('desk.workspace.projectLate', { count: project.lateCount })}
                    </span>
                  </>
                )}
              </li>
            ))}
          </ul>
        ))}
      <p>
        <Link to="/desk/projects">{t('desk.workspace.projectsLink')}</Link>
      </p>
    </section>
  );
}

export function PoliciesSummary({ enterpriseId }: { enterpriseId: string }) {
  const { t, i18n } = useTranslation();
  const isEnglish = i18n.resolvedLanguage === 'en';
  const load = useCallback(
    () =>
      api.get<EnterprisePolicies>(`/api/v1/desk/enterprises/${encodeURIComponent(enterpriseId)}/policies`),
    [enterpriseId],
  );
  const [state] = useApiResource(load);
  return (
    <section className="panel" aria-labelledby="desk-policies-title">
      <h2 className="panel__title" id="desk-policies-title">
        {t('desk.workspace.policiesTitle')}
      </h2>
      <p>{t('desk.workspace.policiesText')}</p>
      {state.status === 'ready' && (
        <>
          <p>
            {t('desk.workspace.policiesCounts', {
              policies: state.data.policies.length,
              benefits: state.data.benefits.length,
            })}
          </p>
          {state.data.policies.length > 0 && (
            <ul className="item-list">
              {state.data.policies.slice(0, 5).map((policy) => (
                <li className="item" key={policy.id}>
                  {isEnglish ? policy.titleEn : policy.titleZh}
                  {policy.isAutoGrant && (
                    <>
                      {' '}
                      <span className="badge badge--success">{t('desk.workspace.autoGrant')}</span>
                    </>
                  )}
                </li>
              ))}
            </ul>
          )}
        </>
      )}
      <p>
        <Link to={`/desk/policies?enterprise=${encodeURIComponent(enterpriseId)}`}>
          {t('desk.workspace.policiesLink')}
        </Link>
      </p>
    </section>
  );
}
