import { sql } from 'kysely';

/** `column in ('a','b')` for CHECK constraints in migrations (literal values only). */
export function checkIn(column: string, values: readonly string[]) {
  return sql`${sql.ref(column)} in (${sql.join(values.map((value) => sql.lit(value)))})`;
}
