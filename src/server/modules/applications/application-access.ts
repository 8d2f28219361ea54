// Who may see and work an application: the applicant (the person, or a current legal rep or
// agent of the enterprise), and staff of an office that received it or holds one of its tasks.
import type { Transaction } from 'kysely';
import type { Principal } from '../../platform/auth/access.ts';
import { dialectOf, type Db } from '../../platform/db/database.ts';
import type { Database } from '../../platform/db/schema.ts';
import { AppError } from '../../platform/errors.ts';
import { assertEnterpriseMember } from '../identity/enterprises.service.ts';
import type { WorkflowState } from '../workflow/index.ts';
import type { ApplicationTable } from './applications.tables.ts';
import type { StoredPlan } from './workflow-effects.ts';

type Executor = Db | Transaction<Database>;

export const CASEWORK_OFFICE_ROLES = ['window_clerk', 'reviewer', 'approver', 'office_admin'] as const;

export function findApplication(db: Executor, id: string): Promise<ApplicationTable | undefined> {
  return db.selectFrom('applications').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The application row locked for an update (PostgreSQL row lock; SQLite's write lock is whole-file). */
export async function lockApplication(trx: Transaction<Database>, id: string): Promise<ApplicationTable> {
  let query = trx.selectFrom('applications').selectAll().where('id', '=', id);
  if (dialectOf(trx) === 'postgres') query = query.forUpdate();
  const row = await query.executeTakeFirst();
  if (!row) throw new AppError('APPLICATION_NOT_FOUND');
  return row;
}

/** The applicant's own application, or APPLICATION_NOT_FOUND (which says nothing about others'). */
export async function getOwnApplication(db: Db, principal: Principal, id: string): Promise<ApplicationTable> {
  const row = await findApplication(db, id);
  if (!row || !(await isApplicant(db, principal, row))) throw new AppError('APPLICATION_NOT_FOUND');
  return row;
}

export async function isApplicant(db: Db, principal: Principal, row: ApplicationTable): Promise<boolean> {
  if (!principal.personId) return false;
  if (row.applicantPersonId) return row.applicantPersonId === principal.personId;
  if (!row.applicantEnterpriseId) return false;
  try {
    await assertEnterpriseMember(db, principal, row.applicantEnterpriseId);
    return true;
  } catch {
    return false;
  }
}

/** The offices among the principal's posts that may see the application (received it or hold a task). */
export async function staffOfficesFor(
  db: Executor,
  principal: Principal,
  row: ApplicationTable,
): Promise<string[]> {
  const mine = new Set(
    principal.staff
      .filter((post) => (CASEWORK_OFFICE_ROLES as readonly string[]).includes(post.role))
      .map((post) => post.officeId),
  );
  if (mine.size === 0) return [];
  const taskOffices = await db
    .selectFrom('applicationTasks')
    .select('officeId')
    .distinct()
    .where('applicationId', '=', row.id)
    .execute();
  const offices = new Set([row.receivingOfficeId, ...taskOffices.map((t) => t.officeId)]);
  return [...mine].filter((officeId) => offices.has(officeId));
}

export function parsePlan(row: ApplicationTable): StoredPlan {
  return JSON.parse(row.plan) as StoredPlan;
}

export function parseState(row: ApplicationTable): WorkflowState {
  return JSON.parse(row.workflowState) as WorkflowState;
}
