// Short named queries over the project landing tables.
import type { Transaction } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import type { Database } from '../../platform/db/schema.ts';
import type { DeskProjectMilestoneTable, DeskProjectTable } from './projects.tables.ts';

type Executor = Db | Transaction<Database>;

export function findProject(db: Executor, projectId: string): Promise<DeskProjectTable | undefined> {
  return db.selectFrom('deskProjects').selectAll().where('id', '=', projectId).executeTakeFirst();
}

export function listProjectsOfEnterprises(db: Executor, enterpriseIds: readonly string[]) {
  if (enterpriseIds.length === 0) return Promise.resolve([] as DeskProjectTable[]);
  return db
    .selectFrom('deskProjects')
    .selectAll()
    .where('enterpriseId', 'in', [...enterpriseIds])
    .orderBy('createdAt', 'desc')
    .execute();
}

export function listMilestones(
  db: Executor,
  projectIds: readonly string[],
): Promise<DeskProjectMilestoneTable[]> {
  if (projectIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('deskProjectMilestones')
    .selectAll()
    .where('projectId', 'in', [...projectIds])
    .orderBy('sortOrder')
    .execute();
}

export function findMilestone(
  db: Executor,
  projectId: string,
  milestoneId: string,
): Promise<DeskProjectMilestoneTable | undefined> {
  return db
    .selectFrom('deskProjectMilestones')
    .selectAll()
    .where('projectId', '=', projectId)
    .where('id', '=', milestoneId)
    .executeTakeFirst();
}

export function listMilestoneLinks(db: Executor, milestoneIds: readonly string[]) {
  if (milestoneIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('deskMilestoneApplications')
    .selectAll()
    .where('milestoneId', 'in', [...milestoneIds])
    .orderBy('addedAt')
    .execute();
}

/** Milestones not reached whose planned date has passed and whose lateness is not yet flagged. */
export function listUnflaggedLateMilestones(db: Executor, today: string) {
  return db
    .selectFrom('deskProjectMilestones as m')
    .innerJoin('deskProjects as p', 'p.id', 'm.projectId')
    .select([
      'm.id',
      'm.kind',
      'm.plannedDate',
      'p.id as projectId',
      'p.name as projectName',
      'p.enterpriseId',
      'p.createdByUserId',
    ])
    .where('m.actualDate', 'is', null)
    .where('m.plannedDate', '<', today)
    .where((eb) =>
      eb.or([eb('m.lateFlaggedFor', 'is', null), eb('m.lateFlaggedFor', '!=', eb.ref('m.plannedDate'))]),
    )
    .orderBy('m.plannedDate')
    .execute();
}
