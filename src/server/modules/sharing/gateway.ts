// The sharing gateway: the one door every register read goes through. It checks the read
// against the sharing rules (and, for third-party apps, the person's consent), refuses and logs
// anything outside them, and writes the access record (用数记录) into the hash-chained audit log
// before any value is handed back.
import { appendAudit, type AuditActor } from '../../platform/audit/audit.ts';
import { nowIso, type Db } from '../../platform/db/database.ts';
import { AppError } from '../../platform/errors.ts';
import type { StaffRole } from '../identity/identity.tables.ts';
import { RegisterUnavailableError, type RegisterCode } from '../registers/register-adapter.ts';
import type { RegisterDirectory } from '../registers/register-directory.ts';
import { findActiveConsents, findActiveRules, parseFields } from './sharing-rules.repository.ts';
import { resolveSubject, type ResolvedSubject, type SubjectRef } from './subjects.ts';

/** Who reads: the data subject themself, a service's form, a staff post, or a third-party app. */
export type DataConsumer =
  /** The person's own right of access (个人信息保护法 第四十五条); `enterpriseId` when a member
   *  reads their enterprise's records (membership is checked by the caller first). */
  | { kind: 'data_subject'; personId: string; enterpriseId?: string }
  | { kind: 'service_form'; serviceCode: string }
  | {
      kind: 'staff_role';
      officeId: string;
      departmentCode: string;
      role: StaffRole;
      districtCode: string | null;
    }
  | { kind: 'third_party_app'; appId: string };

export interface GatewayReadInput {
  consumer: DataConsumer;
  subject: SubjectRef;
  register: RegisterCode;
  fields: string[];
  purpose: string;
  applicationId?: string;
  actor: AuditActor;
  requestId?: string;
}

export interface SharingGateway {
  /**
   * Reads `fields` of the subject's record in `register` for `consumer`. Refuses with
   * SHARING_NOT_ALLOWED (and an audit record `data.read.refused`) when no rule allows it; fails
   * with REGISTER_UNAVAILABLE when the register cannot answer; otherwise appends the access
   * record `data.read` and returns the values the register holds (absent fields left out).
   */
  read(input: GatewayReadInput): Promise<Record<string, unknown>>;
}

export interface GatewayDeps {
  db: Db;
  registers: RegisterDirectory;
}

/** The consumer as stored in the access record's details (and shown in 用数记录). */
export function consumerRef(consumer: DataConsumer): string {
  switch (consumer.kind) {
    case 'data_subject':
      return 'self';
    case 'service_form':
      return consumer.serviceCode;
    case 'staff_role':
      return `${consumer.departmentCode}:${consumer.role}`;
    case 'third_party_app':
      return consumer.appId;
  }
}

export function sharingGateway(deps: GatewayDeps): SharingGateway {
  return { read: (input) => gatewayRead(deps, input) };
}

async function gatewayRead(deps: GatewayDeps, input: GatewayReadInput): Promise<Record<string, unknown>> {
  const { db, registers } = deps;
  if (!registers.has(input.register))
    throw new AppError('REGISTER_FIELD_UNKNOWN', { fields: input.register });
  const adapter = registers.get(input.register);
  const known = new Set(adapter.fields.map((f) => f.name));
  const unknown = input.fields.filter((f) => !known.has(f));
  if (unknown.length || input.fields.length === 0)
    throw new AppError('REGISTER_FIELD_UNKNOWN', { fields: unknown.join(', ') || '-' });
  const subject = await resolveSubject(db, input.subject);
  const kindOk = adapter.subjectKind === 'both' || adapter.subjectKind === subject.register.kind;
  const decision = kindOk
    ? await decide(db, input, subject)
    : { allowed: false as const, reason: 'wrong_subject_kind' };
  const qualifiedFields = input.fields.map((f) => `${input.register}.${f}`);
  const base = {
    actor: input.actor,
    objectType: 'register',
    objectId: input.register,
    subjectPersonId: subject.register.kind === 'person' ? subject.register.personId : null,
    subjectEnterpriseId: subject.register.kind === 'enterprise' ? subject.register.enterpriseId : null,
    fields: qualifiedFields,
    purpose: input.purpose,
    requestId: input.requestId,
  };
  const consumerDetails = {
    kind: input.consumer.kind,
    ref: consumerRef(input.consumer),
    ...(input.consumer.kind === 'third_party_app' ? { appId: input.consumer.appId } : {}),
    ...(input.consumer.kind === 'service_form' ? { serviceCode: input.consumer.serviceCode } : {}),
  };
  if (!decision.allowed) {
    await appendAudit(db, {
      ...base,
      action: 'data.read.refused',
      details: {
        consumer: consumerDetails,
        reason: decision.reason,
        applicationId: input.applicationId ?? null,
      },
    });
    throw new AppError('SHARING_NOT_ALLOWED', {}, { register: input.register, reason: decision.reason });
  }
  let values: Record<string, unknown>;
  try {
    values = await adapter.read(subject.register, input.fields);
  } catch (error) {
    if (error instanceof RegisterUnavailableError)
      throw new AppError('REGISTER_UNAVAILABLE', {}, { register: input.register, reason: error.reason });
    throw error;
  }
  await db.transaction().execute(async (trx) => {
    await appendAudit(trx, {
      ...base,
      action: 'data.read',
      details: {
        consumer: consumerDetails,
        ruleIds: decision.ruleIds,
        applicationId: input.applicationId ?? null,
        registerNameZh: adapter.nameZh,
        registerNameEn: adapter.nameEn,
      },
    });
  });
  return values;
}

type Decision = { allowed: true; ruleIds: string[] } | { allowed: false; reason: string };

function covers(allowedFields: Set<string>, asked: string[]): boolean {
  return asked.every((f) => allowedFields.has(f));
}

async function decide(db: Db, input: GatewayReadInput, subject: ResolvedSubject): Promise<Decision> {
  const at = nowIso();
  const { consumer } = input;
  if (!input.purpose.trim()) return { allowed: false, reason: 'no_purpose' };
  if (consumer.kind === 'data_subject') {
    const own =
      subject.register.kind === 'person'
        ? subject.register.personId === consumer.personId
        : subject.register.enterpriseId === consumer.enterpriseId;
    return own ? { allowed: true, ruleIds: [] } : { allowed: false, reason: 'not_the_data_subject' };
  }
  const consumerKind = consumer.kind;
  const refs =
    consumer.kind === 'staff_role'
      ? [`${consumer.departmentCode}:${consumer.role}`, `*:${consumer.role}`]
      : [consumerRef(consumer)];
  if (
    consumer.kind === 'staff_role' &&
    consumer.districtCode !== null &&
    consumer.districtCode !== subject.districtCode
  ) {
    return { allowed: false, reason: 'outside_office_district' };
  }
  const rules = await findActiveRules(db, { consumerKind, consumerRefs: refs, register: input.register, at });
  const allowed = new Set(rules.flatMap((rule) => parseFields(rule.fields)));
  if (!covers(allowed, input.fields)) return { allowed: false, reason: 'no_rule' };
  if (consumer.kind === 'third_party_app') {
    if (subject.register.kind !== 'person') return { allowed: false, reason: 'no_consent' };
    const consents = await findActiveConsents(db, {
      personId: subject.register.personId,
      appId: consumer.appId,
      register: input.register,
      at,
    });
    const consented = new Set(consents.flatMap((c) => parseFields(c.fields)));
    if (!covers(consented, input.fields)) return { allowed: false, reason: 'no_consent' };
  }
  return { allowed: true, ruleIds: rules.map((rule) => rule.id) };
}
