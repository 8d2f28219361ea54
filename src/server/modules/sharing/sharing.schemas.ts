import { Type } from 'typebox';

const NullableString = Type.Union([Type.String(), Type.Null()]);
export const Id = Type.String({ minLength: 1, maxLength: 64 });
const Day = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' });

export const AccessRecordQuery = Type.Object(
  {
    enterpriseId: Type.Optional(Id),
    from: Type.Optional(Day),
    to: Type.Optional(Day),
    consumer: Type.Optional(Type.String({ pattern: '^(self|office:[\\w-]{1,64}|app:[\\w-]{1,64})$' })),
    purpose: Type.Optional(Type.String({ minLength: 1, maxLength: 60 })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20 })),
    offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 1_000_000, default: 0 })),
  },
  { additionalProperties: false },
);

export const AccessRecordSchema = Type.Object({
  id: Type.String(),
  at: Type.String(),
  action: Type.String(),
  actorName: NullableString,
  officeId: NullableString,
  officeName: NullableString,
  officeNameEn: NullableString,
  consumerKind: Type.String(),
  serviceCode: NullableString,
  appId: NullableString,
  appName: NullableString,
  appNameEn: NullableString,
  register: NullableString,
  registerNameZh: NullableString,
  registerNameEn: NullableString,
  fields: Type.Array(Type.String()),
  purpose: NullableString,
  applicationId: NullableString,
});

export const ObjectionSchema = Type.Object({
  id: Type.String(),
  status: Type.Unsafe<'open' | 'answered'>({ type: 'string', enum: ['open', 'answered'] }),
  note: Type.String(),
  filedByName: Type.String(),
  createdAt: Type.String(),
  answer: NullableString,
  answeredByName: NullableString,
  answeredAt: NullableString,
  subjectPersonId: NullableString,
  subjectEnterpriseId: NullableString,
  record: Type.Union([AccessRecordSchema, Type.Null()]),
});

export const ConsentSchema = Type.Object({
  id: Type.String(),
  appId: Type.String(),
  appNameZh: Type.String(),
  appNameEn: Type.String(),
  register: Type.String(),
  fields: Type.Array(Type.String()),
  purpose: Type.String(),
  validFrom: Type.String(),
  validTo: Type.String(),
  revokedAt: NullableString,
  status: Type.Unsafe<'active' | 'expired' | 'revoked'>({
    type: 'string',
    enum: ['active', 'expired', 'revoked'],
  }),
  createdAt: Type.String(),
});

const FieldName = Type.String({ minLength: 1, maxLength: 60, pattern: '^[A-Za-z][A-Za-z0-9]*$' });

export const ConsentBody = Type.Object(
  {
    appId: Id,
    register: Type.String({ minLength: 1, maxLength: 40 }),
    fields: Type.Array(FieldName, { minItems: 1, maxItems: 30 }),
    purpose: Type.String({ minLength: 2, maxLength: 200 }),
    validUntil: Day,
  },
  { additionalProperties: false },
);

export const SharingAppSchema = Type.Object({
  id: Type.String(),
  nameZh: Type.String(),
  nameEn: Type.String(),
  operatorZh: Type.String(),
  offers: Type.Array(
    Type.Object({
      register: Type.String(),
      registerNameZh: Type.String(),
      registerNameEn: Type.String(),
      fields: Type.Array(Type.Object({ name: Type.String(), nameZh: Type.String(), nameEn: Type.String() })),
      purposeZh: Type.String(),
      purposeEn: Type.String(),
    }),
  ),
});

const ConsumerKind = Type.Unsafe<'service_form' | 'staff_role' | 'third_party_app'>({
  type: 'string',
  enum: ['service_form', 'staff_role', 'third_party_app'],
});

export const SharingRuleSchema = Type.Object({
  id: Type.String(),
  ruleKey: Type.String(),
  version: Type.Integer(),
  status: Type.Unsafe<'proposed' | 'active' | 'superseded' | 'rejected' | 'retired'>({
    type: 'string',
    enum: ['proposed', 'active', 'superseded', 'rejected', 'retired'],
  }),
  changeKind: Type.Unsafe<'upsert' | 'retire'>({ type: 'string', enum: ['upsert', 'retire'] }),
  consumerKind: ConsumerKind,
  consumerRef: Type.String(),
  register: Type.String(),
  fields: Type.Array(Type.String()),
  purposeZh: Type.String(),
  purposeEn: Type.String(),
  legalBasisZh: Type.String(),
  validFrom: Type.String(),
  validTo: NullableString,
  changeNote: NullableString,
  proposedByName: Type.String(),
  proposedAt: Type.String(),
  reviewedByName: NullableString,
  reviewedAt: NullableString,
  reviewNote: NullableString,
});

export const RuleProposalBody = Type.Object(
  {
    ruleKey: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    changeKind: Type.Unsafe<'upsert' | 'retire'>({ type: 'string', enum: ['upsert', 'retire'] }),
    consumerKind: ConsumerKind,
    consumerRef: Type.String({ minLength: 1, maxLength: 80 }),
    register: Type.String({ minLength: 1, maxLength: 40 }),
    fields: Type.Array(FieldName, { minItems: 1, maxItems: 40 }),
    purposeZh: Type.String({ minLength: 2, maxLength: 200 }),
    purposeEn: Type.String({ minLength: 2, maxLength: 200 }),
    legalBasisZh: Type.String({ minLength: 2, maxLength: 300 }),
    validFrom: Type.String({ format: 'date-time' }),
    validTo: Type.Optional(Type.Union([Type.String({ format: 'date-time' }), Type.Null()])),
    changeNote: Type.String({ minLength: 2, maxLength: 500 }),
  },
  { additionalProperties: false },
);

export const RegisterCatalogueSchema = Type.Array(
  Type.Object({
    code: Type.String(),
    nameZh: Type.String(),
    nameEn: Type.String(),
    departmentCode: Type.String(),
    subjectKind: Type.String(),
    fields: Type.Array(
      Type.Object({ name: Type.String(), type: Type.String(), nameZh: Type.String(), nameEn: Type.String() }),
    ),
  }),
);
