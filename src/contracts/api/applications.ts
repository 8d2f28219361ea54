// The applications API (办件): the schemas the routes declare (applicant, workbench, counter,
// kiosk) and the types of their answers, which the web client imports (`import type`, so no
// schema code reaches it).
import { Type, type Static } from 'typebox';
import { APPLICATION_STATUSES, type ApplicationStatus } from './application-statuses.ts';

const literals = <const T extends readonly string[]>(values: T) =>
  Type.Unsafe<T[number]>({ type: 'string', enum: [...values] });
const NullableString = Type.Union([Type.String(), Type.Null()]);

export const Uuid = Type.String({
  pattern: '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$',
});
export const DistrictCode = Type.String({ pattern: '^\\d{6}$' });

export const ApplicationStatusSchema = literals(APPLICATION_STATUSES);
export type { ApplicationStatus };
export const DeliveryMethodSchema = literals(['online', 'mail', 'pickup'] as const);

export const DeliverySchema = Type.Object(
  {
    method: DeliveryMethodSchema,
    officeId: Type.Optional(Uuid),
    address: Type.Optional(Type.String({ minLength: 5, maxLength: 200 })),
  },
  { additionalProperties: false, description: 'How the result reaches the applicant' },
);
export type Delivery = Static<typeof DeliverySchema>;
export type DeliveryMethod = Delivery['method'];

const FormData = Type.Record(Type.String(), Type.Unknown(), {
  description: "The form's data; validated against the service version's JSON Schema",
});

export const SubmitApplicationSchema = Type.Object(
  {
    serviceId: Type.String({ minLength: 1, maxLength: 64, description: 'Service or bundle id (or code)' }),
    data: FormData,
    enterpriseId: Type.Optional(Uuid),
    districtCode: Type.Optional(DistrictCode),
    delivery: Type.Optional(DeliverySchema),
    attachmentIds: Type.Optional(Type.Array(Uuid, { maxItems: 20 })),
    prefilledFields: Type.Optional(
      Type.Array(Type.String({ maxLength: 100 }), {
        maxItems: 200,
        description: 'Fields the applicant kept as prefilled from the registers',
      }),
    ),
  },
  { additionalProperties: false },
);
export type SubmitApplicationInput = Static<typeof SubmitApplicationSchema>;

export const CounterConfirmationSchema = Type.Object(
  {
    method: literals(['signature', 'id_card_reader', 'sms_code'] as const),
    reference: Type.String({
      minLength: 1,
      maxLength: 100,
      description: 'Signature pad id, card read id, or code',
    }),
  },
  { additionalProperties: false },
);

export const CounterApplicationSchema = Type.Object(
  {
    serviceId: Type.String({ minLength: 1, maxLength: 64 }),
    applicantIdNumber: Type.String({ format: 'cn-id-number' }),
    data: FormData,
    delivery: Type.Optional(DeliverySchema),
    attachmentIds: Type.Optional(Type.Array(Uuid, { maxItems: 20 })),
    confirmation: CounterConfirmationSchema,
    officeId: Type.Optional(Uuid),
  },
  { additionalProperties: false },
);

export const ReceiptSchema = Type.Object({
  id: Type.String(),
  receiptNo: Type.String({ description: '受理编号' }),
  status: ApplicationStatusSchema,
  submittedAt: Type.String(),
  promisedWorkingDays: Type.Integer(),
  promisedDate: Type.String({ description: 'Shanghai date by which it is promised' }),
});
export type Receipt = Static<typeof ReceiptSchema>;

const Names = { nameZh: Type.String(), nameEn: Type.String() };
const OfficeRefSchema = Type.Object({ id: Type.String(), ...Names });
export type OfficeRef = Static<typeof OfficeRefSchema>;

export const TaskSummarySchema = Type.Object({
  id: Type.String(),
  taskKey: Type.String(),
  serviceCode: Type.String(),
  kind: Type.String(),
  role: Type.String(),
  ...Names,
  office: OfficeRefSchema,
  status: literals(['open', 'done', 'cancelled'] as const),
  awaitingSupplement: Type.Boolean(),
  assignee: Type.Union([Type.Object({ userId: Type.String(), name: Type.String() }), Type.Null()]),
  openedAt: Type.String(),
  dueAt: Type.String(),
  dueDate: Type.String(),
  closedAt: NullableString,
  outcome: NullableString,
});
export type TaskSummary = Static<typeof TaskSummarySchema>;

export const TimelineEventSchema = Type.Object({
  at: Type.String(),
  kind: Type.String({ description: 'submitted, accepted, supplement_requested, approved, …' }),
  actorName: NullableString,
  office: Type.Union([OfficeRefSchema, Type.Null()]),
  step: Type.Union([Type.Object(Names), Type.Null()]),
  details: Type.Record(Type.String(), Type.Unknown()),
});
export type TimelineEvent = Static<typeof TimelineEventSchema>;

export const SupplementItemSchema = Type.Object(
  {
    field: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
    material: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    reason: Type.String({ minLength: 2, maxLength: 500 }),
  },
  { additionalProperties: false },
);
export type SupplementItem = Static<typeof SupplementItemSchema>;

export const SupplementSchema = Type.Object({
  id: Type.String(),
  requestedAt: Type.String(),
  status: literals(['open', 'answered'] as const),
  answeredAt: NullableString,
  ordinal: Type.Integer(),
  items: Type.Array(SupplementItemSchema),
});
export type Supplement = Static<typeof SupplementSchema>;

export const BranchSchema = Type.Object({
  serviceCode: Type.String(),
  ...Names,
  status: Type.String(),
});

export const MetricsSchema = Type.Object({
  fieldsTotal: Type.Integer(),
  fieldsPrefilled: Type.Integer(),
  fieldsTyped: Type.Integer(),
  materialsTotal: Type.Integer(),
  materialsNotNeeded: Type.Integer(),
  tripsNeeded: Type.Integer(),
  supplementCount: Type.Integer(),
  elapsedWorkingDays: Type.Integer(),
  promisedWorkingDays: Type.Integer(),
  pausedWorkingDays: Type.Integer(),
});
export type ApplicationMetrics = Static<typeof MetricsSchema>;

export const AttachmentRefSchema = Type.Object({
  id: Type.String(),
  fileName: Type.String(),
  mediaType: Type.String(),
  sizeBytes: Type.Integer(),
  materialKey: NullableString,
});
export type ApplicationAttachment = Static<typeof AttachmentRefSchema>;

export const ApplicationDetailSchema = Type.Object({
  id: Type.String(),
  receiptNo: Type.String(),
  status: ApplicationStatusSchema,
  stateVersion: Type.Integer(),
  entry: Type.Object({
    id: Type.String(),
    code: Type.String(),
    type: literals(['service', 'bundle'] as const),
    ...Names,
  }),
  applicant: Type.Object({
    kind: literals(['person', 'enterprise'] as const),
    id: Type.String(),
    name: Type.String(),
  }),
  channel: Type.String(),
  districtCode: Type.String(),
  receivingOffice: OfficeRefSchema,
  submittedAt: Type.String(),
  promisedDate: Type.String(),
  finishedAt: NullableString,
  data: Type.Record(Type.String(), Type.Unknown()),
  delivery: DeliverySchema,
  branches: Type.Array(BranchSchema),
  tasks: Type.Array(TaskSummarySchema),
  timeline: Type.Array(TimelineEventSchema),
  supplements: Type.Array(SupplementSchema),
  attachments: Type.Array(AttachmentRefSchema),
  certificates: Type.Array(Type.Object({ id: Type.String(), number: Type.String(), ...Names })),
  metrics: MetricsSchema,
  canWithdraw: Type.Boolean(),
  form: Type.Object(
    { schema: Type.Record(Type.String(), Type.Unknown()), ui: Type.Record(Type.String(), Type.Unknown()) },
    { description: 'The form of the version the application was filed under' },
  ),
});
export type ApplicationDetail = Static<typeof ApplicationDetailSchema>;

export const ApplicationListItemSchema = Type.Object({
  id: Type.String(),
  receiptNo: Type.String(),
  status: ApplicationStatusSchema,
  entry: Type.Object({ id: Type.String(), code: Type.String(), type: Type.String(), ...Names }),
  applicantName: Type.String(),
  submittedAt: Type.String(),
  promisedDate: Type.String(),
  finishedAt: NullableString,
});
export type ApplicationListItem = Static<typeof ApplicationListItemSchema>;

export const SupplementAnswerSchema = Type.Object(
  {
    data: Type.Record(Type.String(), Type.Unknown(), { description: 'New values of the listed fields only' }),
    attachmentIds: Type.Optional(Type.Array(Uuid, { maxItems: 20 })),
    stateVersion: Type.Optional(Type.Integer()),
  },
  { additionalProperties: false },
);

export const TaskActionSchema = Type.Object(
  {
    action: literals(['accept', 'refuse', 'request_supplement', 'pass', 'approve', 'complete'] as const),
    reason: Type.Optional(Type.String({ minLength: 2, maxLength: 1000 })),
    items: Type.Optional(Type.Array(SupplementItemSchema, { minItems: 1, maxItems: 50 })),
    overrideReason: Type.Optional(Type.String({ minLength: 2, maxLength: 500 })),
    stateVersion: Type.Optional(Type.Integer({ description: 'The version you acted on; refused if stale' })),
  },
  { additionalProperties: false },
);
export type TaskActionInput = Static<typeof TaskActionSchema>;

export const DraftSchema = Type.Object({
  id: Type.String(),
  entryId: Type.String(),
  enterpriseId: Type.Union([Type.String(), Type.Null()]),
  data: Type.Record(Type.String(), Type.Unknown()),
  attachmentIds: Type.Array(Type.String()),
  delivery: Type.Union([DeliverySchema, Type.Null()]),
  version: Type.Integer(),
  updatedAt: Type.String(),
});
export type Draft = Static<typeof DraftSchema>;

export const SaveDraftSchema = Type.Object(
  {
    enterpriseId: Type.Optional(Uuid),
    data: Type.Record(Type.String(), Type.Unknown()),
    attachmentIds: Type.Optional(Type.Array(Uuid, { maxItems: 20 })),
    delivery: Type.Optional(DeliverySchema),
    version: Type.Optional(Type.Integer({ minimum: 0, description: 'The version you loaded (0 for new)' })),
  },
  { additionalProperties: false },
);
