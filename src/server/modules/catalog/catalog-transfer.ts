import { uuidv7 } from 'uuidv7';
import type { BundleDefinition, ServiceDefinition } from '../../../contracts/catalog.ts';
import type { Principal } from '../../platform/auth/access.ts';
import type { Db } from '../../platform/db/database.ts';
import { AppError, type FieldError } from '../../platform/errors.ts';
import type { Locale } from '../../platform/i18n/locale.ts';
import { validationMessage } from '../../platform/i18n/messages.ts';
import { publishDraft, saveDraft } from './catalog-authoring.service.ts';
import { findEntryByCode, findVersion, listForAuthors } from './catalog.repository.ts';

/** The CLI acts as the platform itself: audited under this name. */
export function cliPrincipal(): Principal {
  return {
    userId: 'cli',
    username: 'tongban-cli',
    kind: 'admin',
    displayName: '命令行 (tongban CLI)',
    personId: null,
    isAdmin: true,
    staff: [],
    sessionId: uuidv7(),
    csrfToken: '',
  };
}

export interface ImportOutcome {
  /** 1-based position in the file (line for CSV, entry for JSON). */
  position: number;
  code: string;
  ok: boolean;
  errors: FieldError[];
  version?: number;
}

/**
 * Imports one service or bundle: a new draft (or a new draft version of an existing entry),
 * published at once when asked. All or nothing per entry: a refused entry changes nothing.
 */
export async function importEntry(
  db: Db,
  principal: Principal,
  entryType: 'service' | 'bundle',
  definition: unknown,
  options: { publish: boolean; locale: Locale; position: number },
): Promise<ImportOutcome> {
  const code = String((definition as { code?: unknown } | undefined)?.code ?? '');
  try {
    const existing = code ? await findEntryByCode(db, code) : undefined;
    const saved = await saveDraft(
      db,
      principal,
      { entryType, definition, ...(existing ? { entryId: existing.id } : {}) },
      { locale: options.locale, requestId: `import-${options.position}` },
    );
    const version = options.publish
      ? (
          await publishDraft(db, principal, saved.entryId, {
            requestId: `import-${options.position}`,
            locale: options.locale,
          })
        ).version
      : saved.version;
    return { position: options.position, code, ok: true, errors: [], version };
  } catch (error) {
    if (error instanceof AppError) {
      const errors = Array.isArray(error.details)
        ? (error.details as FieldError[])
        : [{ path: '', message: error.code }];
      return { position: options.position, code, ok: false, errors };
    }
    throw error;
  }
}

/** Flat CSV columns of a service (the full model, with guide, materials and form, is JSON). */
export const SERVICE_CSV_COLUMNS = [
  'code',
  'name_zh',
  'name_en',
  'kind',
  'subject',
  'department',
  'topics',
  'aliases',
  'legal_time_limit_days',
  'promised_time_limit_days',
  'fee_fen',
  'channels',
  'trips_needed',
  'handling_scope',
  'provinces',
  'popularity',
  'legal_basis_zh',
] as const;

export type ServiceCsvRow = Record<(typeof SERVICE_CSV_COLUMNS)[number], string>;

const list = (value: string) =>
  value
    .split(';')
    .map((item) => item.trim())
    .filter(Boolean);

export function serviceToCsvRow(service: ServiceDefinition): ServiceCsvRow {
  return {
    code: service.code,
    name_zh: service.nameZh,
    name_en: service.nameEn,
    kind: service.kind,
    subject: service.subject,
    department: service.departmentCode,
    topics: service.topics.join(';'),
    aliases: service.aliases.join(';'),
    legal_time_limit_days: String(service.legalTimeLimitDays),
    promised_time_limit_days: String(service.promisedTimeLimitDays),
    fee_fen: String(service.feeFen),
    channels: service.channels.join(';'),
    trips_needed: String(service.tripsNeeded),
    handling_scope: service.handlingScope,
    provinces: (service.provinces ?? []).join(';'),
    popularity: String(service.popularity),
    legal_basis_zh: service.legalBasisZh,
  };
}

/**
 * Applies a CSV row's flat fields onto the service's latest definition (draft, else published).
 * New services need the JSON format: a CSV row cannot carry a guide, materials or a form.
 */
export async function mergeCsvRow(db: Db, row: ServiceCsvRow, locale: Locale): Promise<unknown> {
  const entry = await findEntryByCode(db, row.code);
  const versionId = entry?.draftVersionId ?? entry?.publishedVersionId;
  if (!entry || entry.entryType !== 'service' || !versionId) {
    throw new AppError('VALIDATION_FAILED', {}, [
      { path: '/code', message: validationMessage('catalog.csvNewService', locale, { code: row.code }) },
    ]);
  }
  const base = JSON.parse((await findVersion(db, versionId))!.definition) as ServiceDefinition;
  const number = (value: string) => (value.trim() === '' ? Number.NaN : Number(value));
  return {
    ...base,
    nameZh: row.name_zh,
    nameEn: row.name_en,
    kind: row.kind,
    subject: row.subject,
    departmentCode: row.department,
    topics: list(row.topics),
    aliases: list(row.aliases),
    legalTimeLimitDays: number(row.legal_time_limit_days),
    promisedTimeLimitDays: number(row.promised_time_limit_days),
    feeFen: number(row.fee_fen),
    channels: list(row.channels),
    tripsNeeded: number(row.trips_needed),
    handlingScope: row.handling_scope,
    ...(list(row.provinces).length ? { provinces: list(row.provinces) } : {}),
    popularity: number(row.popularity),
    legalBasisZh: row.legal_basis_zh,
  };
}

/** Every entry's latest definition (draft if there is one, else published), services then bundles. */
export async function exportCatalogue(
  db: Db,
): Promise<{ services: ServiceDefinition[]; bundles: BundleDefinition[] }> {
  const rows = await listForAuthors(db, 'all');
  const services: ServiceDefinition[] = [];
  const bundles: BundleDefinition[] = [];
  for (const row of rows) {
    const json = row.draftDefinition ?? row.publishedDefinition;
    if (!json) continue;
    if (row.entryType === 'service') services.push(JSON.parse(json) as ServiceDefinition);
    else bundles.push(JSON.parse(json) as BundleDefinition);
  }
  return { services, bundles };
}
