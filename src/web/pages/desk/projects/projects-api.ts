// Typed calls of project landing.
import { api, apiRequest } from '../../../api/client.ts';
import type { RoomSummary } from '../rooms/rooms-api.ts';

const id = encodeURIComponent;

export const MILESTONE_KINDS = [
  'land',
  'planning_permit',
  'construction_permit',
  'fire_inspection',
  'completion_acceptance',
  'opening',
] as const;
export type MilestoneKind = (typeof MILESTONE_KINDS)[number];
export type MilestoneState = 'done' | 'done_late' | 'late' | 'pending';

export interface LinkedApplication {
  linkId: string;
  id: string;
  receiptNo: string;
  nameZh: string;
  nameEn: string;
  status: string;
  promisedDate: string;
  finishedAt: string | null;
}

export interface Milestone {
  id: string;
  kind: MilestoneKind;
  plannedDate: string;
  actualDate: string | null;
  note: string;
  state: MilestoneState;
  daysLate: number;
  lateFlagged: boolean;
  applications: LinkedApplication[];
}

export interface Project {
  id: string;
  enterpriseId: string;
  enterpriseName: string;
  name: string;
  description: string;
  siteAddress: string;
  roomId: string | null;
  today: string;
  myRelation: 'member' | 'manager' | 'head';
  milestones: Milestone[];
}

export interface ProjectSummary {
  id: string;
  enterpriseId: string;
  enterpriseName: string;
  name: string;
  siteAddress: string;
  lateCount: number;
  doneCount: number;
  milestoneCount: number;
  nextMilestone: { kind: MilestoneKind; plannedDate: string } | null;
}

const project = (projectId: string) => `/api/v1/desk/projects/${id(projectId)}`;

export const projectsApi = {
  list: () => api.get<{ items: ProjectSummary[] }>('/api/v1/desk/projects'),
  create: (
    enterpriseId: string,
    body: {
      name: string;
      description: string;
      siteAddress: string;
      milestones: { kind: MilestoneKind; plannedDate: string }[];
    },
  ) => api.post<Project>(`/api/v1/desk/enterprises/${id(enterpriseId)}/projects`, body),
  project: (projectId: string) => api.get<Project>(project(projectId)),
  updateMilestone: (
    projectId: string,
    milestoneId: string,
    body: { plannedDate?: string; actualDate?: string | null; note?: string },
  ) => apiRequest<Project>('PATCH', `${project(projectId)}/milestones/${id(milestoneId)}`, body),
  linkApplication: (projectId: string, milestoneId: string, reference: string) =>
    api.post<Project>(`${project(projectId)}/milestones/${id(milestoneId)}/applications`, { reference }),
  unlinkApplication: (projectId: string, milestoneId: string, linkId: string) =>
    api.delete(`${project(projectId)}/milestones/${id(milestoneId)}/applications/${id(linkId)}`),
  openRoom: (projectId: string) => api.post<RoomSummary>(`${project(projectId)}/room`, {}),
};
