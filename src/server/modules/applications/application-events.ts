import type { Transaction } from 'kysely';
import { uuidv7 } from 'uuidv7';
import type { AuditActor } from '../../platform/audit/audit.ts';
import type { Database } from '../../platform/db/schema.ts';

export interface NewEvent {
  applicationId: string;
  at: string;
  /** submitted, accepted, not_accepted, reviewed, approved, refused, completed, supplement_requested, … */
  kind: string;
  actor: AuditActor | null;
  officeId: string | null;
  taskKey: string | null;
  details: Record<string, unknown>;
}

/** Adds one step to the application's timeline (in the caller's transaction). */
export async function recordEvent(trx: Transaction<Database>, event: NewEvent): Promise<void> {
  await trx
    .insertInto('applicationEvents')
    .values({
      id: uuidv7(),
      applicationId: event.applicationId,
      at: event.at,
      kind: event.kind,
      actorUserId: event.actor?.userId ?? null,
      actorName: event.actor?.name ?? null,
      officeId: event.officeId,
      taskKey: event.taskKey,
      details: Object.keys(event.details).length ? JSON.stringify(event.details) : null,
    })
    .execute();
}
