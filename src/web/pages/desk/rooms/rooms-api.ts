// Typed calls of the desk's coordination rooms (协调群).
import { api, ApiError, apiRequest, requestLanguage } from '../../../api/client.ts';
import type { Me } from '../../../api/types.ts';

const id = encodeURIComponent;

export const ORGANISATION_KINDS = [
  'service_manager',
  'enterprise',
  'contractor',
  'street_office',
  'department',
  'chamber',
  'park',
] as const;
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];
export const TASK_STATUSES = ['open', 'in_progress', 'done'] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];

export interface RoomSummary {
  id: string;
  enterpriseId: string;
  enterpriseName: string;
  projectId: string | null;
  title: string;
  description: string;
  myRole: 'owner' | 'member';
  updatedAt: string;
}

export interface RoomMember {
  memberId: string;
  userId: string;
  displayName: string;
  role: 'owner' | 'member';
  organisationKind: OrganisationKind;
  organisationName: string;
}

export interface RoomActivity {
  id: string;
  actorName: string | null;
  kind: string;
  summary: Record<string, unknown>;
  createdAt: string;
}

export interface Room extends RoomSummary {
  myUserId: string;
  members: RoomMember[];
  activity: RoomActivity[];
}

export interface RoomMessage {
  id: string;
  authorUserId: string;
  authorName: string;
  body: string;
  createdAt: string;
}

export interface RoomTask {
  id: string;
  title: string;
  ownerUserId: string;
  ownerName: string;
  dueDate: string;
  status: TaskStatus;
  createdByUserId: string;
}

export interface ChecklistItem {
  id: string;
  label: string;
  step: string;
  isDone: boolean;
  doneByName: string | null;
}

export interface RoomDocument {
  id: string;
  fileName: string;
  mediaType: string;
  sizeBytes: number;
  uploadedByName: string;
  checklistItemId: string | null;
  createdAt: string;
}

const room = (roomId: string) => `/api/v1/desk/rooms/${id(roomId)}`;

export const roomsApi = {
  mine: () => api.get<{ items: RoomSummary[] }>('/api/v1/desk/rooms'),
  open: (enterpriseId: string, body: { title: string; description: string }) =>
    api.post<RoomSummary>(`/api/v1/desk/enterprises/${id(enterpriseId)}/rooms`, body),
  room: (roomId: string) => api.get<Room>(room(roomId)),
  addMember: (
    roomId: string,
    body: { username: string; organisationKind: OrganisationKind; organisationName: string },
  ) => api.post<RoomMember>(`${room(roomId)}/members`, body),
  removeMember: (roomId: string, memberId: string) => api.delete(`${room(roomId)}/members/${id(memberId)}`),
  messages: (roomId: string) => api.get<{ items: RoomMessage[] }>(`${room(roomId)}/messages?limit=50`),
  postMessage: (roomId: string, body: string) => api.post<RoomMessage>(`${room(roomId)}/messages`, { body }),
  tasks: (roomId: string) => api.get<{ items: RoomTask[] }>(`${room(roomId)}/tasks`),
  addTask: (roomId: string, body: { title: string; ownerUserId: string; dueDate: string }) =>
    api.post<RoomTask>(`${room(roomId)}/tasks`, body),
  setTaskStatus: (roomId: string, taskId: string, status: TaskStatus) =>
    apiRequest<RoomTask>('PATCH', `${room(roomId)}/tasks/${id(taskId)}`, { status }),
  checklist: (roomId: string) => api.get<{ items: ChecklistItem[] }>(`${room(roomId)}/checklist`),
  addChecklistItem: (roomId: string, body: { label: string; step: string }) =>
    api.post<ChecklistItem>(`${room(roomId)}/checklist`, body),
  setChecklistDone: (roomId: string, itemId: string, isDone: boolean) =>
    apiRequest<ChecklistItem>('PATCH', `${room(roomId)}/checklist/${id(itemId)}`, { isDone }),
  documents: (roomId: string) => api.get<{ items: RoomDocument[] }>(`${room(roomId)}/documents`),
  documentUrl: (roomId: string, documentId: string) => `${room(roomId)}/documents/${id(documentId)}/content`,
  /** Shares a file (multipart, like the attachments upload); `materialKey` links a checklist item. */
  async shareDocument(roomId: string, file: File, materialKey: string): Promise<RoomDocument> {
    const form = new FormData();
    form.append('materialKey', materialKey);
    form.append('file', file, file.name);
    const { csrfToken } = await api.get<Me>('/api/v1/me');
    const response = await fetch(`${room(roomId)}/documents`, {
      method: 'POST',
      body: form,
      credentials: 'same-origin',
      headers: {
        Accept: 'application/json',
        'Accept-Language': requestLanguage(),
        'x-csrf-token': csrfToken,
      },
    });
    const body = (await response.json().catch(() => undefined)) as
      (RoomDocument & { error?: { code: string; message: string } }) | undefined;
    if (!response.ok) {
      throw new ApiError(
        response.status,
        body?.error?.code ?? 'UNEXPECTED_RESPONSE',
        body?.error?.message ?? '',
        null,
      );
    }
    return body as RoomDocument;
  },
};

/** The upload form's materialKey for a document that answers no checklist item. */
export const ROOM_DOCUMENT_KEY = 'room-document';
