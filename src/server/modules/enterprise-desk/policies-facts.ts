// An enterprise's facts for the policy rules, read through the sharing gateway: the consumer is
// the platform's policy-matching service (共享目录 rule `desk-policy-matching` on the enterprise
// register), only the register fields the rule names are asked for, and every read leaves its
// access record (用数记录) with the purpose. District and street come from the enterprise record.
import type { AuditActor } from '../../platform/audit/audit.ts';
import type { Db } from '../../platform/db/database.ts';
import { AppError } from '../../platform/errors.ts';
import type { RegisterDirectory } from '../registers/register-directory.ts';
import { sharingGateway } from '../sharing/gateway.ts';
import type { EnterpriseDirectoryEntry } from '../identity/enterprise-directory.ts';
import { ageInYears, type EnterpriseFacts } from './policies-rule.ts';

/** The sharing-catalogue consumer the policy matcher reads as. */
export const POLICY_MATCHING_CONSUMER = 'desk-policy-matching';
export const POLICY_MATCHING_PURPOSE = '政策找企业：核对企业是否符合政策条件（免申即享）';
export const POLICY_MATCHING_ACTOR: AuditActor = {
  userId: 'platform:desk-policy-matching',
  name: '政策匹配服务（系统）',
};

/** Rule field → the register field it is read from (`ageYears` is derived from `establishedOn`). */
const REGISTER_FIELD_OF: Record<string, string> = {
  industry: 'industry',
  sizeClass: 'sizeClass',
  companyType: 'companyType',
  employees: 'employees',
  ageYears: 'establishedOn',
  registeredCapitalWan: 'registeredCapitalWan',
  annualTaxPaidWan: 'annualTaxPaidWan',
  taxCreditRating: 'taxCreditRating',
};
/** Every register field the matcher may ask for (what its sharing rule must allow). */
export const POLICY_REGISTER_FIELDS = [...new Set(Object.values(REGISTER_FIELD_OF))].sort();

export interface FactsReader {
  db: Db;
  registers: RegisterDirectory;
}

export type FactsResult = { ok: true; facts: EnterpriseFacts } | { ok: false; reason: string };

/**
 * The facts `fields` name for one enterprise on `on` (ISO date). A refused or unavailable read
 * is reported, not thrown: one unreadable enterprise must not stop a run over the register.
 */
export async function readEnterpriseFacts(
  reader: FactsReader,
  enterprise: EnterpriseDirectoryEntry,
  fields: readonly string[],
  context: { actor: AuditActor | null; on: string; requestId?: string },
): Promise<FactsResult> {
  const facts: EnterpriseFacts = {};
  if (fields.includes('district') && enterprise.districtCode) facts.district = enterprise.districtCode;
  if (fields.includes('street') && enterprise.streetCode) facts.street = enterprise.streetCode;
  const registerFields = [
    ...new Set(fields.flatMap((field) => (REGISTER_FIELD_OF[field] ? [REGISTER_FIELD_OF[field]] : []))),
  ];
  if (registerFields.length === 0) return { ok: true, facts };
  let values: Record<string, unknown>;
  try {
    values = await sharingGateway(reader).read({
      consumer: { kind: 'service_form', serviceCode: POLICY_MATCHING_CONSUMER },
      subject: { enterpriseId: enterprise.id },
      register: 'enterprise',
      fields: registerFields,
      purpose: POLICY_MATCHING_PURPOSE,
      // A run nobody started (the nightly one, or one for a seeded policy) reads as the
      // platform's matching service, named so in the access record.
      actor: context.actor ?? POLICY_MATCHING_ACTOR,
      ...(context.requestId ? { requestId: context.requestId } : {}),
    });
  } catch (error) {
    if (
      error instanceof AppError &&
      (error.code === 'SHARING_NOT_ALLOWED' || error.code === 'REGISTER_UNAVAILABLE')
    )
      return { ok: false, reason: error.code };
    throw error;
  }
  for (const field of fields) {
    const source = REGISTER_FIELD_OF[field];
    if (!source) continue;
    const value = values[source];
    if (field === 'ageYears') {
      if (typeof value === 'string') facts.ageYears = ageInYears(value, context.on);
    } else if (typeof value === 'string' || typeof value === 'number') {
      facts[field] = value;
    }
  }
  return { ok: true, facts };
}
