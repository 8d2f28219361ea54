import { Type } from 'typebox';
import {
  REQUEST_CATEGORIES,
  REQUEST_STATUSES,
  type RequestCategory,
  type RequestStatus,
} from './requests.tables.ts';

const NullableString = Type.Union([Type.String(), Type.Null()]);
const Id = Type.String({ minLength: 1, maxLength: 64 });

export const CategorySchema = Type.Unsafe<RequestCategory>({ type: 'string', enum: [...REQUEST_CATEGORIES] });
export const StatusSchema = Type.Unsafe<RequestStatus>({ type: 'string', enum: [...REQUEST_STATUSES] });

export const RequestIdParams = Type.Object({ id: Id });
export const PartIdParams = Type.Object({ partId: Id });
export const AttachmentParams = Type.Object({ id: Id, attachmentId: Id });

const Text = (maxLength: number) => Type.String({ minLength: 1, maxLength, pattern: '\\S' });

export const FileRequestBody = Type.Object(
  {
    category: CategorySchema,
    title: Text(100),
    description: Text(4000),
    attachmentIds: Type.Optional(Type.Array(Id, { maxItems: 10 })),
  },
  { additionalProperties: false },
);

export const AcceptBody = Type.Object(
  { note: Type.Optional(Type.String({ maxLength: 2000 })) },
  { additionalProperties: false },
);
export const AnswerBody = Type.Object({ answer: Text(4000) }, { additionalProperties: false });
export const RouteBody = Type.Object(
  {
    offices: Type.Array(
      Type.Object({ officeId: Id, instructions: Text(2000) }, { additionalProperties: false }),
      { minItems: 1, maxItems: 10 },
    ),
  },
  { additionalProperties: false },
);
export const ConfirmBody = Type.Object(
  {
    rating: Type.Integer({ minimum: 1, maximum: 5 }),
    comment: Type.Optional(Type.String({ maxLength: 1000 })),
  },
  { additionalProperties: false },
);
export const ReopenBody = Type.Object({ reason: Text(2000) }, { additionalProperties: false });

const summaryProperties = {
  id: Type.String(),
  referenceNo: Type.String(),
  category: CategorySchema,
  title: Type.String(),
  status: StatusSchema,
  filedAt: Type.String(),
  enterpriseId: NullableString,
  filerName: Type.String(),
  firstResponseDueAt: Type.String(),
  firstRespondedAt: NullableString,
  resolutionDueAt: Type.String(),
  answeredAt: NullableString,
  isFirstResponseLate: Type.Boolean(),
  isResolutionLate: Type.Boolean(),
  reopenCount: Type.Integer(),
  rating: Type.Union([Type.Integer(), Type.Null()]),
};

export const RequestSummarySchema = Type.Object(summaryProperties);

export const RequestListSchema = Type.Object({ items: Type.Array(RequestSummarySchema) });

export const RequestDetailSchema = Type.Object({
  ...summaryProperties,
  description: Type.String(),
  districtCode: Type.String(),
  managerName: NullableString,
  resolvedAt: NullableString,
  ratingComment: NullableString,
  viewer: Type.Unsafe<'filer' | 'manager' | 'office'>({
    type: 'string',
    enum: ['filer', 'manager', 'office'],
  }),
  actions: Type.Array(Type.String()),
  parts: Type.Array(
    Type.Object({
      id: Type.String(),
      officeId: Type.String(),
      officeNameZh: NullableString,
      officeNameEn: NullableString,
      instructions: Type.String(),
      status: Type.Unsafe<'open' | 'answered'>({ type: 'string', enum: ['open', 'answered'] }),
      round: Type.Integer(),
      answer: NullableString,
      answeredAt: NullableString,
      answeredByName: NullableString,
      isMine: Type.Boolean(),
    }),
  ),
  events: Type.Array(
    Type.Object({
      id: Type.String(),
      at: Type.String(),
      kind: Type.String(),
      actorName: NullableString,
      officeNameZh: NullableString,
      officeNameEn: NullableString,
      body: NullableString,
      rating: Type.Union([Type.Integer(), Type.Null()]),
      target: NullableString,
    }),
  ),
  attachments: Type.Array(
    Type.Object({
      id: Type.String(),
      fileName: Type.String(),
      mediaType: Type.String(),
      sizeBytes: Type.Integer(),
    }),
  ),
});

export const OfficePartsQuery = Type.Object({
  status: Type.Optional(Type.Unsafe<'open' | 'answered'>({ type: 'string', enum: ['open', 'answered'] })),
});

export const OfficePartsSchema = Type.Object({
  items: Type.Array(
    Type.Object({
      partId: Type.String(),
      requestId: Type.String(),
      referenceNo: Type.String(),
      category: CategorySchema,
      title: Type.String(),
      filerName: Type.String(),
      officeNameZh: Type.String(),
      officeNameEn: Type.String(),
      instructions: Type.String(),
      status: Type.Unsafe<'open' | 'answered'>({ type: 'string', enum: ['open', 'answered'] }),
      routedAt: Type.String(),
      answeredAt: NullableString,
      resolutionDueAt: Type.String(),
    }),
  ),
});

export const DeskListQuery = Type.Object({ includeClosed: Type.Optional(Type.Boolean()) });

export const FiledSchema = Type.Object({
  id: Type.String(),
  referenceNo: Type.String(),
  status: StatusSchema,
});
