// The applications module's tables (办件). Only this module queries them.

export type ApplicationStatus =
  'in_progress' | 'awaiting_supplement' | 'approved' | 'refused' | 'partially_approved' | 'withdrawn';
export type ApplicationChannel = 'online' | 'counter' | 'open_api' | 'terminal';
export type DeliveryMethod = 'online' | 'mail' | 'pickup';
export type TaskStatus = 'open' | 'done' | 'cancelled';

/** One filing of a service or bundle. */
export interface ApplicationTable {
  id: string;
  /** 受理编号, readable and stable, e.g. SH-20261124-000123. */
  receiptNo: string;
  entryId: string;
  entryCode: string;
  entryType: 'service' | 'bundle';
  versionId: string;
  nameZh: string;
  nameEn: string;
  /** Whose application it is: a person, or an enterprise (filed by its legal rep or an agent). */
  applicantPersonId: string | null;
  applicantEnterpriseId: string | null;
  filedByUserId: string;
  filedByPersonId: string | null;
  channel: ApplicationChannel;
  /** Counter filing (帮办代办): how the present resident confirmed, JSON. */
  counterConfirmation: string | null;
  districtCode: string;
  receivingOfficeId: string;
  status: ApplicationStatus;
  /** The form data as submitted (and as fixed by supplements), JSON. */
  data: string;
  /** How the result reaches the applicant, JSON {method, officeId?, address?}. */
  delivery: string;
  /** The workflow plan fixed at submit (JSON) and the interpreter's state (JSON). */
  plan: string;
  workflowState: string;
  /** Bumped on every change; staff actions check it (optimistic concurrency). */
  stateVersion: number;
  idempotencyKey: string | null;
  requestHash: string | null;
  submittedAt: string;
  promisedWorkingDays: number;
  /** Shanghai date by which it is promised (moves when the clock is paused). */
  promisedDate: string;
  /** While waiting for a supplement with the clock stopped: since when. */
  pausedSince: string | null;
  pausedWorkingDays: number;
  finishedAt: string | null;
  fieldsTotal: number;
  fieldsPrefilled: number;
  fieldsTyped: number;
  materialsTotal: number;
  materialsNotNeeded: number;
  tripsNeeded: number;
  supplementCount: number;
}

/** One step of an application's workflow, assigned to an office and role. */
export interface ApplicationTaskTable {
  id: string;
  applicationId: string;
  taskKey: string;
  branchKey: string;
  serviceCode: string;
  stepKey: string;
  kind: string;
  role: string;
  nameZh: string;
  nameEn: string;
  officeId: string;
  departmentCode: string;
  status: TaskStatus;
  awaitingSupplement: number;
  assigneeUserId: string | null;
  workingDays: number;
  openedAt: string;
  dueAt: string;
  dueDate: string;
  pausedAt: string | null;
  closedAt: string | null;
  outcome: string | null;
  closedByUserId: string | null;
  remindedAt: string | null;
  escalatedAt: string | null;
}

/** The application's timeline: every step, with office and time. */
export interface ApplicationEventTable {
  id: string;
  applicationId: string;
  at: string;
  kind: string;
  actorUserId: string | null;
  actorName: string | null;
  officeId: string | null;
  taskKey: string | null;
  /** JSON: reason, fields, outcome, certificate number… */
  details: string | null;
}

/** A request for supplement (补正): one complete list (一次性告知). */
export interface ApplicationSupplementTable {
  id: string;
  applicationId: string;
  taskId: string;
  requestedByUserId: string;
  requestedAt: string;
  /** JSON [{field?, material?, reason}] */
  items: string;
  status: 'open' | 'answered';
  answeredAt: string | null;
  /** Second and later requests need an approver's override. */
  ordinal: number;
  overrideByUserId: string | null;
  overrideReason: string | null;
}

/** A saved draft: resumes on another device. One per owner, entry and applicant. */
export interface ApplicationDraftTable {
  id: string;
  ownerUserId: string;
  entryId: string;
  /** `person:<id>` or `enterprise:<id>`. */
  subjectKey: string;
  data: string;
  attachments: string;
  delivery: string | null;
  version: number;
  updatedAt: string;
}

/** The last receipt number issued per Shanghai day. */
export interface ReceiptCounterTable {
  day: string;
  lastSeq: number;
}
