// Loads a demo project with its coordination room (members, tasks, checklist, a message) without
// a caller: used by the demo city only. Idempotent by the project's name within its enterprise.
import { uuidv7 } from 'uuidv7';
import { appendAudit } from '../../platform/audit/audit.ts';
import { nowIso, type Db } from '../../platform/db/database.ts';
import { MILESTONE_KINDS, type MilestoneKind } from './projects.tables.ts';
import type { RoomOrganisationKind } from './rooms.tables.ts';

export interface SeedRoom {
  title: string;
  description: string;
  ownerUserId: string;
  ownerOrganisation: string;
  members: { userId: string; organisationKind: RoomOrganisationKind; organisationName: string }[];
  tasks: { title: string; ownerUserId: string; dueDate: string }[];
  checklist: { label: string; step: string; isDone: boolean }[];
  messages: { authorUserId: string; body: string }[];
}

export interface SeedProject {
  enterpriseId: string;
  name: string;
  description: string;
  siteAddress: string;
  createdByUserId: string;
  milestones: { kind: MilestoneKind; plannedDate: string; actualDate: string | null; note: string }[];
  room: SeedRoom | null;
}

/** A room of an enterprise with no project (an issue), idempotent by title within the enterprise. */
export async function seedRoom(
  db: Db,
  enterpriseId: string,
  room: SeedRoom,
  projectId: string | null = null,
) {
  const existing = await db
    .selectFrom('deskRooms')
    .select('id')
    .where('enterpriseId', '=', enterpriseId)
    .where('title', '=', room.title)
    .executeTakeFirst();
  if (existing) return existing.id;
  const at = nowIso();
  const roomId = uuidv7();
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('deskRooms')
      .values({
        id: roomId,
        enterpriseId,
        projectId,
        title: room.title,
        description: room.description,
        ownerUserId: room.ownerUserId,
        createdAt: at,
        updatedAt: at,
      })
      .execute();
    const members = [
      {
        userId: room.ownerUserId,
        role: 'owner' as const,
        organisationKind: 'service_manager' as const,
        organisationName: room.ownerOrganisation,
      },
      ...room.members.map((m) => ({ ...m, role: 'member' as const })),
    ];
    for (const member of members) {
      await trx
        .insertInto('deskRoomMembers')
        .values({
          id: uuidv7(),
          roomId,
          ...member,
          addedByUserId: room.ownerUserId,
          addedAt: at,
          removedAt: null,
        })
        .execute();
    }
    for (const task of room.tasks) {
      await trx
        .insertInto('deskRoomTasks')
        .values({
          id: uuidv7(),
          roomId,
          ...task,
          status: 'open',
          createdByUserId: room.ownerUserId,
          createdAt: at,
          updatedAt: at,
          doneAt: null,
        })
        .execute();
    }
    for (const item of room.checklist) {
      await trx
        .insertInto('deskRoomChecklistItems')
        .values({
          id: uuidv7(),
          roomId,
          label: item.label,
          step: item.step,
          isDone: item.isDone ? 1 : 0,
          doneByUserId: item.isDone ? room.ownerUserId : null,
          doneAt: item.isDone ? at : null,
          createdByUserId: room.ownerUserId,
          createdAt: at,
        })
        .execute();
    }
    for (const message of room.messages) {
      await trx
        .insertInto('deskRoomMessages')
        .values({ id: uuidv7(), roomId, ...message, createdAt: nowIso() })
        .execute();
    }
    await appendAudit(trx, {
      actor: null,
      action: 'desk.room.seed',
      objectType: 'desk_room',
      objectId: roomId,
      subjectEnterpriseId: enterpriseId,
    });
  });
  return roomId;
}

/** A project with its milestones and (optionally) its room; returns the project's id. */
export async function seedProject(db: Db, project: SeedProject): Promise<string> {
  const existing = await db
    .selectFrom('deskProjects')
    .select('id')
    .where('enterpriseId', '=', project.enterpriseId)
    .where('name', '=', project.name)
    .executeTakeFirst();
  if (existing) return existing.id;
  const at = nowIso();
  const projectId = uuidv7();
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('deskProjects')
      .values({
        id: projectId,
        enterpriseId: project.enterpriseId,
        name: project.name,
        description: project.description,
        siteAddress: project.siteAddress,
        createdByUserId: project.createdByUserId,
        createdAt: at,
        updatedAt: at,
      })
      .execute();
    for (const milestone of project.milestones) {
      await trx
        .insertInto('deskProjectMilestones')
        .values({
          id: uuidv7(),
          projectId,
          ...milestone,
          sortOrder: MILESTONE_KINDS.indexOf(milestone.kind),
          lateFlaggedFor: null,
          updatedAt: at,
        })
        .execute();
    }
    await appendAudit(trx, {
      actor: null,
      action: 'desk.project.seed',
      objectType: 'desk_project',
      objectId: projectId,
      subjectEnterpriseId: project.enterpriseId,
    });
  });
  if (project.room) await seedRoom(db, project.enterpriseId, project.room, projectId);
  return projectId;
}
