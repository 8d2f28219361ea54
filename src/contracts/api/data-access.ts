// The API shapes of data sharing (数据共享): 用数记录 (who used a person's or an enterprise's
// data), objections to them, third-party apps and consents, and the sharing catalogue's rules.
// Type-only: the server's sharing services return these and the web client reads them.

export interface AccessRecord {
  id: string;
  at: string;
  action: string;
  actorName: string | null;
  officeId: string | null;
  officeName: string | null;
  officeNameEn: string | null;
  /** self | service_form | staff_role | third_party_app | other (a use outside the gateway). */
  consumerKind: string;
  serviceCode: string | null;
  appId: string | null;
  appName: string | null;
  appNameEn: string | null;
  register: string | null;
  registerNameZh: string | null;
  registerNameEn: string | null;
  fields: string[];
  purpose: string | null;
  applicationId: string | null;
}

export interface Objection {
  id: string;
  status: 'open' | 'answered';
  note: string;
  filedByName: string;
  createdAt: string;
  answer: string | null;
  answeredByName: string | null;
  answeredAt: string | null;
  subjectPersonId: string | null;
  subjectEnterpriseId: string | null;
  record: AccessRecord | null;
}

export interface SharingApp {
  id: string;
  nameZh: string;
  nameEn: string;
  operatorZh: string;
  /** What the app may ask for, by the sharing rules: register and fields. */
  offers: {
    register: string;
    registerNameZh: string;
    registerNameEn: string;
    fields: { name: string; nameZh: string; nameEn: string }[];
    purposeZh: string;
    purposeEn: string;
  }[];
}

export interface Consent {
  id: string;
  appId: string;
  appNameZh: string;
  appNameEn: string;
  register: string;
  fields: string[];
  purpose: string;
  validFrom: string;
  validTo: string;
  revokedAt: string | null;
  status: 'active' | 'expired' | 'revoked';
  createdAt: string;
}

export type SharingConsumerKind = 'service_form' | 'staff_role' | 'third_party_app';
export type SharingRuleStatus = 'proposed' | 'active' | 'superseded' | 'rejected' | 'retired';

/** One version of a rule of the sharing catalogue (共享目录条目). */
export interface SharingRule {
  id: string;
  ruleKey: string;
  version: number;
  status: SharingRuleStatus;
  changeKind: 'upsert' | 'retire';
  consumerKind: SharingConsumerKind;
  consumerRef: string;
  register: string;
  fields: string[];
  purposeZh: string;
  purposeEn: string;
  legalBasisZh: string;
  validFrom: string;
  validTo: string | null;
  changeNote: string | null;
  proposedByName: string;
  proposedAt: string;
  reviewedByName: string | null;
  reviewedAt: string | null;
  reviewNote: string | null;
}
