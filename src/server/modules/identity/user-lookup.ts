// Finding user accounts by their sign-in name, for modules that invite an account by name (the
// enterprise desk's coordination rooms). Only enabled accounts are found.
import type { Transaction } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import type { Database } from '../../platform/db/schema.ts';
import type { UserKind } from './identity.tables.ts';

export interface UserSummary {
  userId: string;
  username: string;
  displayName: string;
  kind: UserKind;
}

/** The enabled account with this username, or undefined. */
export async function findEnabledUserByUsername(
  db: Db | Transaction<Database>,
  username: string,
): Promise<UserSummary | undefined> {
  const row = await db
    .selectFrom('users')
    .select(['id', 'username', 'displayName', 'kind'])
    .where('username', '=', username.trim())
    .where('disabledAt', 'is', null)
    .executeTakeFirst();
  return row
    ? { userId: row.id, username: row.username, displayName: row.displayName, kind: row.kind }
    : undefined;
}
