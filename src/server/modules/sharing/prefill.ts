// Prefill (预填) and materials the government holds (免于提交): when an applicant opens a form,
// the fields its prefill map names are read through the sharing gateway with the service's form
// as the consumer, so every value shown was allowed by a sharing rule and left an access record.
import type { Material, ServiceForm } from '../../../contracts/catalog.ts';
import type { AuditActor } from '../../platform/audit/audit.ts';
import type { DatabaseHandle } from '../../platform/db/database.ts';
import { AppError } from '../../platform/errors.ts';
import type { RegisterAdapter, RegisterCode } from '../registers/register-adapter.ts';
import type { RegisterDirectory } from '../registers/register-directory.ts';
import { sharingGateway } from './gateway.ts';
import { heldProbe } from './held-material-sources.ts';
import { personOfUser, type SubjectRef } from './subjects.ts';

export interface PrefillDeps {
  database: DatabaseHandle;
  registers: RegisterDirectory;
}

export interface PrefillSource {
  register: string;
  nameZh: string;
  nameEn: string;
}

export interface PrefillResult {
  fields: Record<string, { value: unknown; source: PrefillSource; locked: boolean }>;
  /** Form fields whose register could not answer now (department system down): type them or retry. */
  unavailable: string[];
}

export interface PrefillInput {
  serviceCode: string;
  form: ServiceForm;
  subject: SubjectRef;
  actor: AuditActor;
  applicationId?: string;
  requestId?: string;
}

/**
 * Which subject a register is read for: person registers are read about the applicant (for an
 * enterprise service: the person acting for it), enterprise registers about the enterprise.
 */
async function subjectFor(
  deps: PrefillDeps,
  adapter: RegisterAdapter,
  subject: SubjectRef,
  actor: AuditActor,
): Promise<SubjectRef | undefined> {
  if (adapter.subjectKind === 'both') return subject;
  if (adapter.subjectKind === 'enterprise') return 'enterpriseId' in subject ? subject : undefined;
  if ('personId' in subject) return subject;
  const personId = await personOfUser(deps.database.db, actor.userId);
  return personId ? { personId } : undefined;
}

/** A register value in the shape the form field takes, or undefined when it does not fit. */
function toFormValue(
  value: unknown,
  registerType: string | undefined,
  schema: Record<string, unknown> | undefined,
): unknown {
  if (value === undefined || value === null || !schema) return undefined;
  let converted = value;
  if (registerType === 'fen' && typeof value === 'number') converted = value / 100;
  const type = schema.type;
  if (type === 'string' && typeof converted === 'number') converted = String(converted);
  if ((type === 'number' || type === 'integer') && typeof converted !== 'number') return undefined;
  if (type === 'string' && typeof converted !== 'string') return undefined;
  if (Array.isArray(schema.enum) && !schema.enum.includes(converted)) return undefined;
  return converted;
}

type ReadOutcome = { ok: true; values: Record<string, unknown> } | { ok: false; unavailable: boolean };

async function readGroup(
  deps: PrefillDeps,
  input: {
    serviceCode: string;
    register: RegisterCode;
    fields: string[];
    subject: SubjectRef;
    actor: AuditActor;
    purpose: string;
    applicationId?: string;
    requestId?: string;
  },
): Promise<ReadOutcome> {
  const gateway = sharingGateway({ db: deps.database.db, registers: deps.registers });
  try {
    const values = await gateway.read({
      consumer: { kind: 'service_form', serviceCode: input.serviceCode },
      subject: input.subject,
      register: input.register,
      fields: input.fields,
      purpose: input.purpose,
      applicationId: input.applicationId,
      actor: input.actor,
      requestId: input.requestId,
    });
    return { ok: true, values };
  } catch (error) {
    if (error instanceof AppError && error.code === 'REGISTER_UNAVAILABLE')
      return { ok: false, unavailable: true };
    // Refused (logged by the gateway) or a mapping to a field the register does not have: the
    // applicant types the field.
    if (
      error instanceof AppError &&
      ['SHARING_NOT_ALLOWED', 'REGISTER_FIELD_UNKNOWN', 'REGISTER_SUBJECT_NOT_FOUND'].includes(error.code)
    )
      return { ok: false, unavailable: false };
    throw error;
  }
}

/**
 * Prefills a service's form for an applicant: every field of `form.ui.prefill` whose register
 * holds a value for the subject, with its source and whether it is locked
 * (`form.ui.prefillLocked`). One gateway read (and one access record) per register. A register
 * that cannot answer fills none of its fields and lists them in `unavailable`.
 */
export async function prefillForm(deps: PrefillDeps, input: PrefillInput): Promise<PrefillResult> {
  const properties = (input.form.schema.properties ?? {}) as Record<string, Record<string, unknown>>;
  const groups = new Map<RegisterCode, { formField: string; registerField: string }[]>();
  for (const [formField, source] of Object.entries(input.form.ui.prefill ?? {})) {
    const [register, registerField] = source.split('.');
    if (!register || !registerField || !(formField in properties) || !deps.registers.has(register)) continue;
    groups.set(register, [...(groups.get(register) ?? []), { formField, registerField }]);
  }
  const result: PrefillResult = { fields: {}, unavailable: [] };
  const locked = new Set(input.form.ui.prefillLocked ?? []);
  await Promise.all(
    [...groups].map(async ([register, mappings]) => {
      const adapter = deps.registers.get(register);
      const subject = await subjectFor(deps, adapter, input.subject, input.actor);
      if (!subject) return;
      const outcome = await readGroup(deps, {
        ...input,
        register,
        subject,
        fields: [...new Set(mappings.map((m) => m.registerField))],
        purpose: `办理事项 ${input.serviceCode}：预填表单`,
      });
      if (!outcome.ok) {
        if (outcome.unavailable) result.unavailable.push(...mappings.map((m) => m.formField));
        return;
      }
      for (const { formField, registerField } of mappings) {
        const type = adapter.fields.find((f) => f.name === registerField)?.type;
        const value = toFormValue(outcome.values[registerField], type, properties[formField]);
        if (value === undefined) continue;
        result.fields[formField] = {
          value,
          source: { register, nameZh: adapter.nameZh, nameEn: adapter.nameEn },
          locked: locked.has(formField),
        };
      }
    }),
  );
  result.unavailable.sort();
  return result;
}

export interface HeldMaterial {
  /** Index into the materials list given. */
  index: number;
  nameZh: string;
  nameEn: string;
  /** held: no need to provide; not_held: the register has no such record; unavailable: try later. */
  status: 'held' | 'not_held' | 'unavailable';
  sourceNameZh: string;
  sourceNameEn: string;
}

/**
 * Which of the materials marked `heldByGovernment` the government holds for this subject
 * (certificate wallet, registers), read through the gateway with the service's form as the
 * consumer. Materials it cannot settle for this subject (someone else's ID card) are left out.
 */
export async function heldMaterials(
  deps: PrefillDeps,
  input: {
    serviceCode: string;
    materials: Material[];
    subject: SubjectRef;
    actor: AuditActor;
    applicationId?: string;
    requestId?: string;
  },
): Promise<HeldMaterial[]> {
  const probes = input.materials.flatMap((material, index) => {
    const probe = heldProbe(material);
    return probe ? [{ material, index, probe }] : [];
  });
  const byRegister = new Map<RegisterCode, typeof probes>();
  for (const item of probes)
    byRegister.set(item.probe.register, [...(byRegister.get(item.probe.register) ?? []), item]);
  const out: HeldMaterial[] = [];
  await Promise.all(
    [...byRegister].map(async ([register, items]) => {
      const subject = await subjectFor(deps, deps.registers.get(register), input.subject, input.actor);
      const outcome: ReadOutcome = subject
        ? await readGroup(deps, {
            ...input,
            register,
            subject,
            fields: [...new Set(items.map((i) => i.probe.field))],
            purpose: `办理事项 ${input.serviceCode}：核验免于提交的材料`,
          })
        : { ok: false, unavailable: false };
      for (const { material, index, probe } of items) {
        const status = outcome.ok
          ? probe.holds(outcome.values[probe.field])
            ? 'held'
            : 'not_held'
          : outcome.unavailable
            ? 'unavailable'
            : 'not_held';
        out.push({
          index,
          nameZh: material.nameZh,
          nameEn: material.nameEn,
          status,
          sourceNameZh: material.heldByGovernment!.sourceNameZh,
          sourceNameEn: material.heldByGovernment!.sourceNameEn,
        });
      }
    }),
  );
  return out.sort((a, b) => a.index - b.index);
}
