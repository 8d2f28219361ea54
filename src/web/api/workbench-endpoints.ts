// Typed calls for the staff workbench: the office queue, one application as staff see it,
// claiming, assigning and acting on tasks, counter filing (帮办代办) and the office figures.
import type {
  ApplicationDetail,
  ApplicationStatus,
  Delivery,
  OfficeRef,
  Receipt,
  SupplementItem,
  TaskActionInput,
  TaskSummary,
  TimelineEvent,
} from '../../contracts/api/applications.ts';
import { api, apiRequest } from './client.ts';

export type { Receipt, SupplementItem, TaskSummary, TimelineEvent };

/** One application as staff of its offices see it (the applicant's own view has the same shape). */
export type StaffApplication = ApplicationDetail;

export type TimeState = 'ok' | 'due_soon' | 'overdue' | 'paused';
export type StepKind = 'acceptance' | 'review' | 'decision' | 'completion';
export type TaskAction = 'accept' | 'request_supplement' | 'pass' | 'approve' | 'refuse' | 'complete';

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

export interface Assignee {
  userId: string;
  displayName: string;
  role: string;
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
  delivery?: Delivery;
  confirmation: { method: ConfirmationMethod; reference: string };
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
