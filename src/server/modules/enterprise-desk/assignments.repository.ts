// Short named queries over desk_assignments (the enterprise desk's own table).
import type { Transaction } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import type { Database } from '../../platform/db/schema.ts';
import type { DeskAssignmentTable } from './assignments.tables.ts';

export type Executor = Db | Transaction<Database>;

export function findActiveAssignment(
  db: Executor,
  enterpriseId: string,
): Promise<DeskAssignmentTable | undefined> {
  return db
    .selectFrom('deskAssignments')
    .selectAll()
    .where('enterpriseId', '=', enterpriseId)
    .where('endedAt', 'is', null)
    .executeTakeFirst();
}

export function listActiveAssignmentsOfManager(db: Executor, managerUserId: string) {
  return db
    .selectFrom('deskAssignments')
    .selectAll()
    .where('managerUserId', '=', managerUserId)
    .where('endedAt', 'is', null)
    .orderBy('assignedAt')
    .execute();
}

/** Active assignments where the user is the designated head, or an office admin of the office. */
export function listActiveAssignmentsOverseenBy(db: Executor, headUserId: string, adminOfficeIds: string[]) {
  return db
    .selectFrom('deskAssignments')
    .selectAll()
    .where('endedAt', 'is', null)
    .where((eb) =>
      eb.or([
        eb('headUserId', '=', headUserId),
        ...(adminOfficeIds.length ? [eb('officeId', 'in', adminOfficeIds)] : []),
      ]),
    )
    .orderBy('assignedAt')
    .execute();
}

export async function endActiveAssignment(trx: Transaction<Database>, enterpriseId: string, at: string) {
  await trx
    .updateTable('deskAssignments')
    .set({ endedAt: at })
    .where('enterpriseId', '=', enterpriseId)
    .where('endedAt', 'is', null)
    .execute();
}

export async function insertAssignment(trx: Transaction<Database>, row: DeskAssignmentTable) {
  await trx.insertInto('deskAssignments').values(row).execute();
}
