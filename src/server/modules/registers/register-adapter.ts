// One interface for every authoritative register (基础库), whoever runs it: a table of our own,
// generated demo data, or a department's own system over HTTP. The sharing gateway is the only
// caller; it checks the sharing rules and records the access before any value leaves.

export type RegisterCode =
  | 'population'
  | 'account'
  | 'enterprise'
  | 'certificates'
  | 'social_insurance'
  | 'housing_fund'
  | 'medical_insurance'
  | 'vehicles'
  | 'utilities';

export const REGISTER_CODES: readonly RegisterCode[] = [
  'population',
  'account',
  'enterprise',
  'certificates',
  'social_insurance',
  'housing_fund',
  'medical_insurance',
  'vehicles',
  'utilities',
];

/** One field a register can give, with its type for clients and its name in both languages. */
export interface RegisterField {
  name: string;
  type: 'string' | 'integer' | 'date' | 'month' | 'fen' | 'list' | 'object';
  nameZh: string;
  nameEn: string;
}

/** Whose record: a person (by ID number) or an enterprise (by USCC), resolved by the gateway. */
export type RegisterSubject =
  | { kind: 'person'; personId: string; idNumber: string; name: string; mobile: string | null }
  | {
      kind: 'enterprise';
      enterpriseId: string;
      uscc: string;
      name: string;
      address: string | null;
      legalRepName: string | null;
      legalRepIdNumber: string | null;
    };

export interface RegisterAdapter {
  code: RegisterCode;
  /** The register and the department that keeps it, e.g. 社会保险（人社局）. */
  nameZh: string;
  nameEn: string;
  departmentCode: string;
  /** Whose records it keeps; the certificate wallet keeps both. */
  subjectKind: 'person' | 'enterprise' | 'both';
  fields: readonly RegisterField[];
  /**
   * The asked fields of the subject's record; fields the register holds no value for are left
   * out. Throws RegisterUnavailableError when the register cannot answer now.
   */
  read(subject: RegisterSubject, fields: readonly string[]): Promise<Record<string, unknown>>;
}

/** The register (or the department system behind it) cannot answer now; nothing was read. */
export class RegisterUnavailableError extends Error {
  constructor(
    readonly register: RegisterCode,
    readonly reason: 'timeout' | 'circuit_open' | 'error' | 'not_configured',
    cause?: unknown,
  ) {
    super(`register ${register} unavailable (${reason})`, { cause });
    this.name = 'RegisterUnavailableError';
  }
}

/** Keeps only the asked fields of a full record (and drops undefined ones). */
export function pickFields(
  record: Record<string, unknown>,
  fields: readonly string[],
): Record<string, unknown> {
  const picked: Record<string, unknown> = {};
  for (const field of fields) if (record[field] !== undefined) picked[field] = record[field];
  return picked;
}

/** Field list shorthand: [name, type, zh, en]. */
export function fieldList(
  rows: readonly (readonly [string, RegisterField['type'], string, string])[],
): RegisterField[] {
  return rows.map(([name, type, nameZh, nameEn]) => ({ name, type, nameZh, nameEn }));
}
