import type { SharingConsumerKind, SharingRuleStatus } from '../../../contracts/api/data-access.ts';

export type { SharingConsumerKind, SharingRuleStatus };

/**
 * One version of a sharing rule (共享目录条目). A change is a new version with status `proposed`;
 * a second platform admin approves it (it becomes `active`, the previous active version
 * `superseded`) or rejects it. `change_kind` retire ends the rule on approval.
 */
export interface SharingRuleTable {
  id: string;
  ruleKey: string;
  version: number;
  status: SharingRuleStatus;
  changeKind: 'upsert' | 'retire';
  consumerKind: SharingConsumerKind;
  /** service_form: service code; staff_role: `departmentCode:role` (`*` = any department); app id. */
  consumerRef: string;
  register: string;
  /** JSON array of register field names. */
  fields: string;
  purposeZh: string;
  purposeEn: string;
  legalBasisZh: string;
  validFrom: string;
  validTo: string | null;
  changeNote: string | null;
  proposedByUserId: string | null;
  proposedByName: string;
  proposedAt: string;
  reviewedByUserId: string | null;
  reviewedByName: string | null;
  reviewedAt: string | null;
  reviewNote: string | null;
}

export interface SharingAppTable {
  id: string;
  nameZh: string;
  nameEn: string;
  operatorZh: string;
  createdAt: string;
}

export interface SharingConsentTable {
  id: string;
  personId: string;
  appId: string;
  register: string;
  /** JSON array of register field names. */
  fields: string;
  purpose: string;
  validFrom: string;
  validTo: string;
  revokedAt: string | null;
  createdAt: string;
}

export interface DataAccessObjectionTable {
  id: string;
  /** The audit record (access record) objected to. */
  auditRecordId: string;
  subjectPersonId: string | null;
  subjectEnterpriseId: string | null;
  filedByUserId: string;
  filedByName: string;
  note: string;
  status: 'open' | 'answered';
  answer: string | null;
  answeredByUserId: string | null;
  answeredByName: string | null;
  createdAt: string;
  answeredAt: string | null;
}
