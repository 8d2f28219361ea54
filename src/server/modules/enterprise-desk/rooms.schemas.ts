// The HTTP shapes of coordination rooms (协调群).
import { Type } from 'typebox';
import {
  ROOM_ORGANISATION_KINDS,
  ROOM_TASK_STATUSES,
  type RoomOrganisationKind,
  type RoomTaskStatus,
} from './rooms.tables.ts';

const DATE = '^\\d{4}-\\d{2}-\\d{2}$';
const Id = Type.String({ minLength: 1, maxLength: 64 });
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) =>
  Type.Union([schema, Type.Null()]);

export const OrganisationKind = Type.Unsafe<RoomOrganisationKind>({
  type: 'string',
  enum: [...ROOM_ORGANISATION_KINDS],
});
export const TaskStatus = Type.Unsafe<RoomTaskStatus>({ type: 'string', enum: [...ROOM_TASK_STATUSES] });
const Role = Type.Unsafe<'owner' | 'member'>({ type: 'string', enum: ['owner', 'member'] });

export const RoomParams = Type.Object({ roomId: Id });
export const RoomMemberParams = Type.Object({ roomId: Id, memberId: Id });
export const RoomTaskParams = Type.Object({ roomId: Id, taskId: Id });
export const RoomChecklistParams = Type.Object({ roomId: Id, itemId: Id });
export const RoomDocumentParams = Type.Object({ roomId: Id, documentId: Id });

export const NewRoomBody = Type.Object(
  {
    title: Type.String({ minLength: 1, maxLength: 100 }),
    description: Type.String({ maxLength: 1000 }),
  },
  { additionalProperties: false },
);

export const RoomSummarySchema = Type.Object({
  id: Type.String(),
  enterpriseId: Type.String(),
  enterpriseName: Type.String(),
  projectId: Nullable(Type.String()),
  title: Type.String(),
  description: Type.String(),
  myRole: Role,
  createdAt: Type.String(),
  updatedAt: Type.String(),
});
export const RoomsSchema = Type.Object({ items: Type.Array(RoomSummarySchema) });

export const MemberSchema = Type.Object({
  memberId: Type.String(),
  userId: Type.String(),
  displayName: Type.String(),
  role: Role,
  organisationKind: OrganisationKind,
  organisationName: Type.String(),
  addedAt: Type.String(),
});
export const NewMemberBody = Type.Object(
  {
    username: Type.String({ minLength: 1, maxLength: 64 }),
    organisationKind: OrganisationKind,
    organisationName: Type.String({ minLength: 1, maxLength: 100 }),
  },
  { additionalProperties: false },
);

export const ActivitySchema = Type.Object({
  id: Type.String(),
  actorName: Nullable(Type.String()),
  kind: Type.String(),
  summary: Type.Record(Type.String(), Type.Unknown()),
  createdAt: Type.String(),
});

export const RoomSchema = Type.Object({
  ...RoomSummarySchema.properties,
  myUserId: Type.String(),
  members: Type.Array(MemberSchema),
  activity: Type.Array(ActivitySchema),
});

export const MessageSchema = Type.Object({
  id: Type.String(),
  authorUserId: Type.String(),
  authorName: Type.String(),
  body: Type.String(),
  createdAt: Type.String(),
});
export const MessagesSchema = Type.Object({ items: Type.Array(MessageSchema) });
export const MessagesQuery = Type.Object({
  limit: Type.Integer({ minimum: 1, maximum: 100, default: 50 }),
  before: Type.Optional(Type.String({ format: 'date-time' })),
});
export const NewMessageBody = Type.Object(
  { body: Type.String({ minLength: 1, maxLength: 4000, pattern: '\\S' }) },
  { additionalProperties: false },
);

export const TaskSchema = Type.Object({
  id: Type.String(),
  title: Type.String(),
  ownerUserId: Type.String(),
  ownerName: Type.String(),
  dueDate: Type.String(),
  status: TaskStatus,
  createdByUserId: Type.String(),
  createdAt: Type.String(),
  updatedAt: Type.String(),
  doneAt: Nullable(Type.String()),
});
export const TasksSchema = Type.Object({ items: Type.Array(TaskSchema) });
export const NewTaskBody = Type.Object(
  {
    title: Type.String({ minLength: 1, maxLength: 200, pattern: '\\S' }),
    ownerUserId: Id,
    dueDate: Type.String({ pattern: DATE }),
  },
  { additionalProperties: false },
);
export const UpdateTaskBody = Type.Object(
  {
    status: Type.Optional(TaskStatus),
    dueDate: Type.Optional(Type.String({ pattern: DATE })),
    ownerUserId: Type.Optional(Id),
  },
  { additionalProperties: false, minProperties: 1 },
);

export const ChecklistItemSchema = Type.Object({
  id: Type.String(),
  label: Type.String(),
  step: Type.String(),
  isDone: Type.Boolean(),
  doneByName: Nullable(Type.String()),
  doneAt: Nullable(Type.String()),
  createdAt: Type.String(),
});
export const ChecklistSchema = Type.Object({ items: Type.Array(ChecklistItemSchema) });
export const NewChecklistItemBody = Type.Object(
  {
    label: Type.String({ minLength: 1, maxLength: 200, pattern: '\\S' }),
    step: Type.String({ maxLength: 100 }),
  },
  { additionalProperties: false },
);
export const ChecklistDoneBody = Type.Object({ isDone: Type.Boolean() }, { additionalProperties: false });

export const DocumentSchema = Type.Object({
  id: Type.String(),
  fileName: Type.String(),
  mediaType: Type.String(),
  sizeBytes: Type.Integer(),
  sha256: Type.String(),
  uploadedByName: Type.String(),
  checklistItemId: Nullable(Type.String()),
  createdAt: Type.String(),
});
export const DocumentsSchema = Type.Object({ items: Type.Array(DocumentSchema) });
