// How one checked CSV row compares with what is stored: new, updated (with the changed fields),
// unchanged, or refused for the importer (bad row, not their street, code repeated in the file).
// Shared by the preview and the apply, so that applying does exactly what the preview showed.
import type { FacilityTable } from './facilities.tables.ts';
import type { FacilityCsvRowResult } from './facilities-transfer.ts';
import type { FacilityRecord } from './facility-record.ts';
import type { RowProblem } from './facility-row-problems.ts';

export const COMPARED_FIELDS = [
  'name',
  'nameType',
  'tier',
  'districtCode',
  'streetCode',
  'address',
  'lat',
  'lng',
  'builtYear',
  'renovatedYear',
  'operatorModel',
  'operatorName',
  'services',
  'openingHours',
] as const satisfies readonly (keyof FacilityRecord)[];

export type FieldValue = string | number | null;

export interface FieldDiff {
  field: (typeof COMPARED_FIELDS)[number];
  from: FieldValue;
  to: FieldValue;
}

export type RowOutcome =
  | { kind: 'new'; line: number; record: FacilityRecord }
  | { kind: 'updated'; line: number; record: FacilityRecord; diffs: FieldDiff[] }
  | { kind: 'unchanged'; line: number; record: FacilityRecord }
  | { kind: 'bad'; line: number; code: string; problem: RowProblem };

/**
 * Classifies one row. `scope` is the importer's streets (null: every street); `existing` the
 * stored facility of the row's code; `firstLineOf` remembers codes already seen in the file.
 */
export function classifyRow(
  row: FacilityCsvRowResult,
  existing: FacilityTable | undefined,
  scope: readonly string[] | null,
  firstLineOf: Map<string, number>,
): RowOutcome {
  const { line, checked } = row;
  if (!checked.ok) return { kind: 'bad', line, code: row.code, problem: checked.problem };
  const record = checked.record;
  const earlier = firstLineOf.get(record.code);
  if (earlier !== undefined)
    return {
      kind: 'bad',
      line,
      code: record.code,
      problem: { code: 'CODE_REPEATED', params: { line: earlier } },
    };
  firstLineOf.set(record.code, line);
  if (scope && (!scope.includes(record.streetCode) || (existing && !scope.includes(existing.streetCode))))
    return { kind: 'bad', line, code: record.code, problem: { code: 'NOT_YOUR_STREET' } };
  if (!existing) return { kind: 'new', line, record };
  const diffs = COMPARED_FIELDS.flatMap((field): FieldDiff[] =>
    existing[field] === record[field] ? [] : [{ field, from: existing[field], to: record[field] }],
  );
  return diffs.length ? { kind: 'updated', line, record, diffs } : { kind: 'unchanged', line, record };
}
