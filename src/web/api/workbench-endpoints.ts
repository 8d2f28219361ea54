// Typed calls for the staff workbench: the office queue, one application as staff see it,
// claiming, assigning and acting on tasks, counter filing (帮办代办) and the office figures.
import { api, apiRequest } from './client.ts';

export type TimeState = 'ok' | 'due_soon' | 'overdue' | 'paused';
export type StepKind = 'acceptance' | 'review' | 'decision' | 'completion';
export type TaskAction = 'accept' | 'request_supplement' | 'pass' | 'approve' | 'refuse' | 'complete';
export type ApplicationStatus =
  'in_progress' | 'awaiting_supplement' | 'approved' | 'refused' | 'partially_approved' | 'withdrawn';

export interface OfficeRef {
  id: string;
  nameZh: string;
  nameEn: string;
}

export interface QueueItem {
  id: string;
  taskKey: string;
  kind: string;
  role: string;
  nameZh: string;
  nameEn: string;
  office: OfficeRef;
  status: string;
  awaitingSupplement: boolean;
  assignee: { userId: string; name: string } | null;
  openedAt: string;
  dueAt: string;
  dueDate: string;
  closedAt: string | null;
  escalated: boolean;
  workingDaysLeft: number | null;
  timeState: TimeState | null;
  application: {
    id: string;
    receiptNo: string;
    nameZh: string;
    nameEn: string;
    channel: string;
    applicantName: string;
    stateVersion: number;
  };
}

export interface QueuePage {
  items: QueueItem[];
  total: number;
  offices: OfficeRef[];
}

export interface QueueQuery {
  officeId?: string;
  status?: 'open' | 'done' | 'all';
  role?: 'window_clerk' | 'reviewer' | 'approver';
  assignee?: 'me' | 'unassigned' | 'any';
  q?: string;
  overdue?: boolean;
  sort?: 'due' | 'opened';
  limit?: number;
  offset?: number;
}

export interface SupplementItem {
  field?: string;
  material?: string;
  reason: string;
}

export interface TaskSummary {
  id: string;
  taskKey: string;
  serviceCode: string;
  kind: string;
  role: string;
  nameZh: string;
  nameEn: string;
  office: OfficeRef;
  status: 'open' | 'done' | 'cancelled';
  awaitingSupplement: boolean;
  assignee: { userId: string; name: string } | null;
  openedAt: string;
  dueAt: string;
  dueDate: string;
  closedAt: string | null;
  outcome: string | null;
}

export interface TimelineEvent {
  at: string;
  kind: string;
  actorName: string | null;
  office: OfficeRef | null;
  step: { nameZh: string; nameEn: string } | null;
  details: Record<string, unknown>;
}

export interface StaffApplication {
  id: string;
  receiptNo: string;
  status: ApplicationStatus;
  stateVersion: number;
  entry: { id: string; code: string; type: 'service' | 'bundle'; nameZh: string; nameEn: string };
  applicant: { kind: 'person' | 'enterprise'; id: string; name: string };
  channel: string;
  districtCode: string;
  receivingOffice: OfficeRef;
  submittedAt: string;
  promisedDate: string;
  finishedAt: string | null;
  data: Record<string, unknown>;
  delivery: { method: 'online' | 'mail' | 'pickup'; officeId?: string; address?: string };
  branches: { serviceCode: string; nameZh: string; nameEn: string; status: string }[];
  tasks: TaskSummary[];
  timeline: TimelineEvent[];
  supplements: {
    id: string;
    requestedAt: string;
    status: 'open' | 'answered';
    answeredAt: string | null;
    ordinal: number;
    items: SupplementItem[];
  }[];
  attachments: {
    id: string;
    fileName: string;
    mediaType: string;
    sizeBytes: number;
    materialKey: string | null;
  }[];
  certificates: { id: string; number: string; nameZh: string; nameEn: string }[];
  metrics: {
    fieldsTotal: number;
    fieldsPrefilled: number;
    fieldsTyped: number;
    materialsTotal: number;
    materialsNotNeeded: number;
    tripsNeeded: number;
    supplementCount: number;
    elapsedWorkingDays: number;
    promisedWorkingDays: number;
    pausedWorkingDays: number;
  };
  /** The form of the version the application was filed under. */
  form: { schema: Record<string, unknown>; ui: Record<string, unknown> };
}

export interface Assignee {
  userId: string;
  displayName: string;
  role: string;
}

export interface TaskActionInput {
  action: TaskAction;
  reason?: string;
  items?: SupplementItem[];
  overrideReason?: string;
  stateVersion?: number;
}

export interface OfficeStats {
  office: OfficeRef;
  finished: number;
  onTime: number;
  onTimeRate: number | null;
  averageWorkingDays: number | null;
  supplementRate: number | null;
  secondSupplements: number;
  openTasks: number;
  overdueTasks: number;
}

export type ConfirmationMethod = 'signature' | 'id_card_reader' | 'sms_code';

export interface CounterFiling {
  serviceId: string;
  applicantIdNumber: string;
  data: Record<string, unknown>;
  delivery?: { method: 'online' | 'mail' | 'pickup'; officeId?: string; address?: string };
  confirmation: { method: ConfirmationMethod; reference: string };
}

export interface Receipt {
  id: string;
  receiptNo: string;
  status: ApplicationStatus;
  submittedAt: string;
  promisedWorkingDays: number;
  promisedDate: string;
}

const segment = encodeURIComponent;

function queryString(query: object): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query as Record<string, unknown>)) {
    if (value !== undefined && value !== '' && value !== false) params.set(name, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

export const listTasks = (query: QueueQuery) =>
  api.get<QueuePage>(`/api/v1/workbench/tasks${queryString(query)}`);

export const getStaffApplication = (id: string) =>
  api.get<StaffApplication>(`/api/v1/workbench/applications/${segment(id)}`);

export const applicationAttachmentUrl = (applicationId: string, attachmentId: string) =>
  `/api/v1/applications/${segment(applicationId)}/attachments/${segment(attachmentId)}`;

export const claimTask = (taskId: string) =>
  api.post<void>(`/api/v1/workbench/tasks/${segment(taskId)}/claim`);

export const listAssignees = (taskId: string) =>
  api.get<{ items: Assignee[] }>(`/api/v1/workbench/tasks/${segment(taskId)}/assignees`);

export const assignTask = (taskId: string, body: { userId: string; note?: string }) =>
  api.post<void>(`/api/v1/workbench/tasks/${segment(taskId)}/assign`, body);

export const actOnTask = (taskId: string, body: TaskActionInput) =>
  api.post<{ status: ApplicationStatus; stateVersion: number }>(
    `/api/v1/workbench/tasks/${segment(taskId)}/actions`,
    body,
  );

export const officeStats = (query: { officeId?: string; from?: string; to?: string } = {}) =>
  api.get<{ items: OfficeStats[] }>(`/api/v1/workbench/stats${queryString(query)}`);

/** Files at the counter; the same key for a retry returns the same receipt, never a second filing. */
export const fileAtCounter = (body: CounterFiling, idempotencyKey: string) =>
  apiRequest<Receipt>('POST', '/api/v1/counter/applications', body, { 'Idempotency-Key': idempotencyKey });
