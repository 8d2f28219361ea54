// The HTTP shapes of project landing.
import { Type } from 'typebox';
import { MILESTONE_KINDS, type MilestoneKind } from './projects.tables.ts';

const DATE = '^\\d{4}-\\d{2}-\\d{2}$';
const Id = Type.String({ minLength: 1, maxLength: 64 });
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) =>
  Type.Union([schema, Type.Null()]);

export const MilestoneKindSchema = Type.Unsafe<MilestoneKind>({ type: 'string', enum: [...MILESTONE_KINDS] });
const State = Type.Unsafe<'done' | 'done_late' | 'late' | 'pending'>({
  type: 'string',
  enum: ['done', 'done_late', 'late', 'pending'],
});
const ApplicationStatus = Type.Unsafe<string>({
  type: 'string',
  enum: ['in_progress', 'awaiting_supplement', 'approved', 'refused', 'partially_approved', 'withdrawn'],
});

export const ProjectParams = Type.Object({ projectId: Id });
export const MilestoneParams = Type.Object({ projectId: Id, milestoneId: Id });
export const MilestoneLinkParams = Type.Object({ projectId: Id, milestoneId: Id, linkId: Id });

export const NewProjectBody = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 100, pattern: '\\S' }),
    description: Type.String({ maxLength: 1000 }),
    siteAddress: Type.String({ maxLength: 200 }),
    milestones: Type.Array(
      Type.Object(
        { kind: MilestoneKindSchema, plannedDate: Type.String({ pattern: DATE }) },
        { additionalProperties: false },
      ),
      { minItems: 1, maxItems: MILESTONE_KINDS.length },
    ),
  },
  { additionalProperties: false },
);

export const UpdateMilestoneBody = Type.Object(
  {
    plannedDate: Type.Optional(Type.String({ pattern: DATE })),
    actualDate: Type.Optional(Nullable(Type.String({ pattern: DATE }))),
    note: Type.Optional(Type.String({ maxLength: 500 })),
  },
  { additionalProperties: false, minProperties: 1 },
);

export const LinkApplicationBody = Type.Object(
  {
    reference: Type.String({
      minLength: 1,
      maxLength: 64,
      description: 'Application id or receipt number (受理编号)',
    }),
  },
  { additionalProperties: false },
);

export const OpenProjectRoomBody = Type.Object(
  {
    title: Type.Optional(Type.String({ maxLength: 100 })),
    description: Type.Optional(Type.String({ maxLength: 1000 })),
  },
  { additionalProperties: false },
);

export const LinkedApplicationSchema = Type.Object({
  linkId: Type.String(),
  id: Type.String(),
  receiptNo: Type.String(),
  nameZh: Type.String(),
  nameEn: Type.String(),
  status: ApplicationStatus,
  submittedAt: Type.String(),
  promisedDate: Type.String(),
  finishedAt: Nullable(Type.String()),
});

export const MilestoneSchema = Type.Object({
  id: Type.String(),
  kind: MilestoneKindSchema,
  plannedDate: Type.String(),
  actualDate: Nullable(Type.String()),
  note: Type.String(),
  state: State,
  daysLate: Type.Integer(),
  lateFlagged: Type.Boolean(),
  applications: Type.Array(LinkedApplicationSchema),
});

export const ProjectSchema = Type.Object({
  id: Type.String(),
  enterpriseId: Type.String(),
  enterpriseName: Type.String(),
  name: Type.String(),
  description: Type.String(),
  siteAddress: Type.String(),
  roomId: Nullable(Type.String()),
  createdAt: Type.String(),
  updatedAt: Type.String(),
  today: Type.String(),
  myRelation: Type.Unsafe<'member' | 'manager' | 'head'>({
    type: 'string',
    enum: ['member', 'manager', 'head'],
  }),
  milestones: Type.Array(MilestoneSchema),
});

export const ProjectSummarySchema = Type.Object({
  id: Type.String(),
  enterpriseId: Type.String(),
  enterpriseName: Type.String(),
  name: Type.String(),
  siteAddress: Type.String(),
  lateCount: Type.Integer(),
  doneCount: Type.Integer(),
  milestoneCount: Type.Integer(),
  nextMilestone: Nullable(Type.Object({ kind: MilestoneKindSchema, plannedDate: Type.String() })),
});
export const ProjectsSchema = Type.Object({ items: Type.Array(ProjectSummarySchema) });
