// Coordination room tables (协调群). Only the desk's room files query them.

export const ROOM_ORGANISATION_KINDS = [
  'service_manager',
  'enterprise',
  'contractor',
  'street_office',
  'department',
  'chamber',
  'park',
] as const;
export type RoomOrganisationKind = (typeof ROOM_ORGANISATION_KINDS)[number];
export type RoomMemberRole = 'owner' | 'member';
export const ROOM_TASK_STATUSES = ['open', 'in_progress', 'done'] as const;
export type RoomTaskStatus = (typeof ROOM_TASK_STATUSES)[number];

export interface DeskRoomTable {
  id: string;
  enterpriseId: string;
  projectId: string | null;
  title: string;
  description: string;
  ownerUserId: string;
  createdAt: string;
  updatedAt: string;
}

/** A user account in a room, with the organisation it speaks for; removed members keep the row. */
export interface DeskRoomMemberTable {
  id: string;
  roomId: string;
  userId: string;
  role: RoomMemberRole;
  organisationKind: RoomOrganisationKind;
  organisationName: string;
  addedByUserId: string;
  addedAt: string;
  removedAt: string | null;
}

export interface DeskRoomMessageTable {
  id: string;
  roomId: string;
  authorUserId: string;
  body: string;
  createdAt: string;
}

export interface DeskRoomTaskTable {
  id: string;
  roomId: string;
  title: string;
  ownerUserId: string;
  /** Shanghai date. */
  dueDate: string;
  status: RoomTaskStatus;
  createdByUserId: string;
  createdAt: string;
  updatedAt: string;
  doneAt: string | null;
}

/** One material needed for the next step. */
export interface DeskRoomChecklistItemTable {
  id: string;
  roomId: string;
  label: string;
  /** The step the material is for, e.g. 施工许可. */
  step: string;
  isDone: number;
  doneByUserId: string | null;
  doneAt: string | null;
  createdByUserId: string;
  createdAt: string;
}

export interface DeskRoomDocumentTable {
  id: string;
  roomId: string;
  uploadedByUserId: string;
  fileName: string;
  mediaType: string;
  sizeBytes: number;
  sha256: string;
  checklistItemId: string | null;
  createdAt: string;
}

export interface DeskRoomDocumentContentTable {
  documentId: string;
  content: Buffer;
}

/** What moved in a room (for the room's feed and the members' daily digest). */
export interface DeskRoomActivityTable {
  id: string;
  roomId: string;
  actorUserId: string | null;
  /** e.g. `message`, `task.created`, `task.status`, `checklist.done`, `document`, `member.added`. */
  kind: string;
  /** JSON: what the feed shows (titles, names, statuses). */
  summary: string;
  createdAt: string;
}

/** One member's digest of one Shanghai day; the unique row makes a rerun send nothing. */
export interface DeskRoomDigestTable {
  id: string;
  userId: string;
  digestDate: string;
  movedCount: number;
  dueCount: number;
  notified: number;
  createdAt: string;
}
