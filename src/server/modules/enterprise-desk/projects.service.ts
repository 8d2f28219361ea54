// Project landing: an enterprise's project with milestones (land, planning permit, construction
// permit, fire inspection, completion acceptance, opening), planned and actual dates, and the
// enterprise's applications each milestone waits on, shown with their live status from the
// applications module. Seen by the enterprise's members, its manager and the manager's head;
// the manager opens projects; members and the manager keep the dates and links up to date.
import { uuidv7 } from 'uuidv7';
import type { Principal } from '../../platform/auth/access.ts';
import { appendAudit } from '../../platform/audit/audit.ts';
import { shanghaiDate } from '../../platform/calendar/working-days.ts';
import { nowIso, type Db } from '../../platform/db/database.ts';
import { AppError } from '../../platform/errors.ts';
import {
  findEnterpriseApplication,
  listEnterpriseApplications,
  type ApplicationSummary,
} from '../applications/application-summaries.ts';
import { applicantNames } from '../identity/applicants.service.ts';
import { activeEnterpriseLinks } from '../identity/me.service.ts';
import { enterprisesOverseenBy } from './assignments.service.ts';
import {
  findMilestone,
  findProject,
  listMilestoneLinks,
  listMilestones,
  listProjectsOfEnterprises,
} from './projects.repository.ts';
import {
  MILESTONE_KINDS,
  type DeskProjectMilestoneTable,
  type DeskProjectTable,
  type MilestoneKind,
} from './projects.tables.ts';
import { findRoomOfProject } from './rooms.repository.ts';
import { openRoom, type RoomSummary } from './rooms.service.ts';
import { assertDeskManager, assertDeskViewer, type DeskRelation } from './visits.access.ts';
import type { DeskContext } from './visits.service.ts';

export type MilestoneState = 'done' | 'done_late' | 'late' | 'pending';

/** Where a milestone stands on `today`: reached (on time or late), late, or still ahead. */
export function milestoneState(
  milestone: Pick<DeskProjectMilestoneTable, 'plannedDate' | 'actualDate'>,
  today: string,
): { state: MilestoneState; daysLate: number } {
  const days = (from: string, to: string) => Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000);
  if (milestone.actualDate) {
    const late = days(milestone.plannedDate, milestone.actualDate);
    return late > 0 ? { state: 'done_late', daysLate: late } : { state: 'done', daysLate: 0 };
  }
  const late = days(milestone.plannedDate, today);
  return late > 0 ? { state: 'late', daysLate: late } : { state: 'pending', daysLate: 0 };
}

export interface LinkedApplicationView extends ApplicationSummary {
  linkId: string;
}

export interface MilestoneView {
  id: string;
  kind: MilestoneKind;
  plannedDate: string;
  actualDate: string | null;
  note: string;
  state: MilestoneState;
  daysLate: number;
  lateFlagged: boolean;
  applications: LinkedApplicationView[];
}

export interface ProjectView {
  id: string;
  enterpriseId: string;
  enterpriseName: string;
  name: string;
  description: string;
  siteAddress: string;
  roomId: string | null;
  createdAt: string;
  updatedAt: string;
  today: string;
  myRelation: DeskRelation;
  milestones: MilestoneView[];
}

async function presentProject(
  db: Db,
  project: DeskProjectTable,
  relation: DeskRelation,
  today: string,
): Promise<ProjectView> {
  const milestones = await listMilestones(db, [project.id]);
  const links = await listMilestoneLinks(
    db,
    milestones.map((m) => m.id),
  );
  const applications = new Map(
    (
      await listEnterpriseApplications(
        db,
        project.enterpriseId,
        links.map((link) => link.applicationId),
      )
    ).map((app) => [app.id, app]),
  );
  const names = await applicantNames(db, { personIds: [], enterpriseIds: [project.enterpriseId] });
  const room = await findRoomOfProject(db, project.id);
  return {
    id: project.id,
    enterpriseId: project.enterpriseId,
    enterpriseName: names.get(project.enterpriseId) ?? '',
    name: project.name,
    description: project.description,
    siteAddress: project.siteAddress,
    roomId: room?.id ?? null,
    createdAt: project.createdAt,
    updatedAt: project.updatedAt,
    today,
    myRelation: relation,
    milestones: milestones.map((m) => ({
      id: m.id,
      kind: m.kind,
      plannedDate: m.plannedDate,
      actualDate: m.actualDate,
      note: m.note,
      ...milestoneState(m, today),
      lateFlagged: m.lateFlaggedFor !== null && m.lateFlaggedFor === m.plannedDate,
      applications: links
        .filter((link) => link.milestoneId === m.id && applications.has(link.applicationId))
        .map((link) => ({ linkId: link.id, ...applications.get(link.applicationId)! })),
    })),
  };
}

async function projectFor(
  db: Db,
  principal: Principal,
  projectId: string,
): Promise<{ project: DeskProjectTable; relation: DeskRelation }> {
  const project = await findProject(db, projectId);
  if (!project) throw new AppError('DESK_PROJECT_NOT_FOUND');
  try {
    return { project, relation: await assertDeskViewer(db, principal, project.enterpriseId) };
  } catch (error) {
    if (error instanceof AppError && error.code === 'DESK_ENTERPRISE_NOT_FOUND') {
      throw new AppError('DESK_PROJECT_NOT_FOUND');
    }
    throw error;
  }
}

/** Access rule for changing a project: the enterprise's members and its manager (not the head). */
async function projectForChange(db: Db, principal: Principal, projectId: string) {
  const found = await projectFor(db, principal, projectId);
  if (found.relation === 'head') throw new AppError('AUTH_FORBIDDEN');
  return found;
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

/**
 * The projects the caller may see: for a resident, those of the enterprises they act for; for
 * staff, those of the enterprises they look after or oversee.
 */
export async function listProjects(db: Db, principal: Principal, now: Date): Promise<ProjectSummary[]> {
  const enterpriseIds =
    principal.kind === 'resident'
      ? principal.personId
        ? (await activeEnterpriseLinks(db, principal.personId)).map((link) => link.id)
        : []
      : (await enterprisesOverseenBy(db, principal)).map((e) => e.enterpriseId);
  const projects = await listProjectsOfEnterprises(db, enterpriseIds);
  const milestones = await listMilestones(
    db,
    projects.map((p) => p.id),
  );
  const names = await applicantNames(db, {
    personIds: [],
    enterpriseIds: projects.map((p) => p.enterpriseId),
  });
  const today = shanghaiDate(now);
  return projects.map((project) => {
    const own = milestones.filter((m) => m.projectId === project.id);
    const states = own.map((m) => milestoneState(m, today).state);
    const next = own.find((m) => m.actualDate === null);
    return {
      id: project.id,
      enterpriseId: project.enterpriseId,
      enterpriseName: names.get(project.enterpriseId) ?? '',
      name: project.name,
      siteAddress: project.siteAddress,
      lateCount: states.filter((s) => s === 'late').length,
      doneCount: states.filter((s) => s === 'done' || s === 'done_late').length,
      milestoneCount: own.length,
      nextMilestone: next ? { kind: next.kind, plannedDate: next.plannedDate } : null,
    };
  });
}

/** One project with its milestones and the live status of their applications. */
export async function getProject(
  db: Db,
  principal: Principal,
  projectId: string,
  now: Date,
): Promise<ProjectView> {
  const { project, relation } = await projectFor(db, principal, projectId);
  return presentProject(db, project, relation, shanghaiDate(now));
}

export interface NewProjectInput {
  name: string;
  description: string;
  siteAddress: string;
  milestones: { kind: MilestoneKind; plannedDate: string }[];
}

/** The manager opens a project of one of their enterprises with its planned milestones. Audited. */
export async function createProject(
  context: DeskContext,
  enterpriseId: string,
  input: NewProjectInput,
): Promise<ProjectView> {
  const { db, principal } = context;
  await assertDeskManager(db, principal, enterpriseId);
  const kinds = input.milestones.map((m) => m.kind);
  if (new Set(kinds).size !== kinds.length) {
    throw new AppError('VALIDATION_FAILED', {}, [
      { path: '/milestones', message: 'each milestone kind once' },
    ]);
  }
  const at = nowIso();
  const project: DeskProjectTable = {
    id: uuidv7(),
    enterpriseId,
    name: input.name.trim(),
    description: input.description.trim(),
    siteAddress: input.siteAddress.trim(),
    createdByUserId: principal.userId,
    createdAt: at,
    updatedAt: at,
  };
  await db.transaction().execute(async (trx) => {
    await trx.insertInto('deskProjects').values(project).execute();
    for (const milestone of input.milestones) {
      await trx
        .insertInto('deskProjectMilestones')
        .values({
          id: uuidv7(),
          projectId: project.id,
          kind: milestone.kind,
          sortOrder: MILESTONE_KINDS.indexOf(milestone.kind),
          plannedDate: milestone.plannedDate,
          actualDate: null,
          note: '',
          lateFlaggedFor: null,
          updatedAt: at,
        })
        .execute();
    }
    await appendAudit(trx, {
      actor: context.actor,
      action: 'desk.project.create',
      objectType: 'desk_project',
      objectId: project.id,
      subjectEnterpriseId: enterpriseId,
      requestId: context.requestId,
      details: { name: project.name, milestones: input.milestones },
    });
  });
  return presentProject(db, project, 'manager', shanghaiDate(context.now));
}

/**
 * Changes a milestone's planned date, actual date (never later than today; null to undo) or
 * note. A new planned date is a new plan: its lateness may be flagged again. Audited.
 */
export async function updateMilestone(
  context: DeskContext,
  projectId: string,
  milestoneId: string,
  input: { plannedDate?: string; actualDate?: string | null; note?: string },
): Promise<ProjectView> {
  const { db, principal } = context;
  const { project, relation } = await projectForChange(db, principal, projectId);
  const milestone = await findMilestone(db, projectId, milestoneId);
  if (!milestone) throw new AppError('DESK_MILESTONE_NOT_FOUND');
  const today = shanghaiDate(context.now);
  if (input.actualDate && input.actualDate > today) throw new AppError('DESK_MILESTONE_DATE_INVALID');
  const changes = {
    plannedDate: input.plannedDate ?? milestone.plannedDate,
    actualDate: input.actualDate === undefined ? milestone.actualDate : input.actualDate,
    note: input.note === undefined ? milestone.note : input.note.trim(),
    updatedAt: nowIso(),
  };
  await db.transaction().execute(async (trx) => {
    await trx.updateTable('deskProjectMilestones').set(changes).where('id', '=', milestoneId).execute();
    await trx
      .updateTable('deskProjects')
      .set({ updatedAt: changes.updatedAt })
      .where('id', '=', projectId)
      .execute();
    await appendAudit(trx, {
      actor: context.actor,
      action: 'desk.project.milestone.update',
      objectType: 'desk_project',
      objectId: projectId,
      subjectEnterpriseId: project.enterpriseId,
      requestId: context.requestId,
      details: { milestoneId, kind: milestone.kind, ...input },
    });
  });
  return presentProject(db, project, relation, today);
}

/** Links one of the enterprise's applications (id or receipt number) to a milestone. Audited. */
export async function linkApplication(
  context: DeskContext,
  projectId: string,
  milestoneId: string,
  reference: string,
): Promise<ProjectView> {
  const { db, principal } = context;
  const { project, relation } = await projectForChange(db, principal, projectId);
  const milestone = await findMilestone(db, projectId, milestoneId);
  if (!milestone) throw new AppError('DESK_MILESTONE_NOT_FOUND');
  const application = await findEnterpriseApplication(db, project.enterpriseId, reference.trim());
  if (!application) throw new AppError('DESK_APPLICATION_NOT_FOUND');
  await db.transaction().execute(async (trx) => {
    const inserted = await trx
      .insertInto('deskMilestoneApplications')
      .values({
        id: uuidv7(),
        milestoneId,
        applicationId: application.id,
        addedByUserId: principal.userId,
        addedAt: nowIso(),
      })
      .onConflict((oc) => oc.columns(['milestoneId', 'applicationId']).doNothing())
      .returning('id')
      .executeTakeFirst();
    if (!inserted) throw new AppError('DESK_APPLICATION_ALREADY_LINKED');
    await appendAudit(trx, {
      actor: context.actor,
      action: 'desk.project.application.link',
      objectType: 'desk_project',
      objectId: projectId,
      subjectEnterpriseId: project.enterpriseId,
      requestId: context.requestId,
      details: { milestoneId, applicationId: application.id, receiptNo: application.receiptNo },
    });
  });
  return presentProject(db, project, relation, shanghaiDate(context.now));
}

/** Removes an application link from a milestone. Audited. */
export async function unlinkApplication(
  context: DeskContext,
  projectId: string,
  milestoneId: string,
  linkId: string,
): Promise<void> {
  const { db, principal } = context;
  const { project } = await projectForChange(db, principal, projectId);
  if (!(await findMilestone(db, projectId, milestoneId))) throw new AppError('DESK_MILESTONE_NOT_FOUND');
  await db.transaction().execute(async (trx) => {
    const deleted = await trx
      .deleteFrom('deskMilestoneApplications')
      .where('id', '=', linkId)
      .where('milestoneId', '=', milestoneId)
      .executeTakeFirst();
    if (Number(deleted.numDeletedRows) !== 1) throw new AppError('DESK_APPLICATION_LINK_NOT_FOUND');
    await appendAudit(trx, {
      actor: context.actor,
      action: 'desk.project.application.unlink',
      objectType: 'desk_project',
      objectId: projectId,
      subjectEnterpriseId: project.enterpriseId,
      requestId: context.requestId,
      details: { milestoneId, linkId },
    });
  });
}

/** The manager opens the project's coordination room (one per project). */
export async function openProjectRoom(
  context: DeskContext,
  projectId: string,
  input: { title?: string; description?: string },
): Promise<RoomSummary> {
  const { project } = await projectFor(context.db, context.principal, projectId);
  await assertDeskManager(context.db, context.principal, project.enterpriseId);
  if (await findRoomOfProject(context.db, projectId)) throw new AppError('DESK_PROJECT_HAS_ROOM');
  return openRoom(
    context,
    project.enterpriseId,
    { title: input.title?.trim() || project.name, description: input.description ?? project.description },
    { projectId },
  );
}
