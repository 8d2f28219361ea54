// The data-sharing API (数据共享): 用数记录 (who used a person's or an enterprise's data),
// objections to them, third-party apps and consents, and the sharing catalogue's rules. The
// schemas the routes declare and the types of their answers, which the sharing services return
// and the web client imports (`import type`, so no schema code reaches it).
import { Type, type Static } from 'typebox';

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
  /** self | service_form | staff_role | third_party_app | other (a use outside the gateway). */
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

const ConsumerKindSchema = Type.Unsafe<'service_form' | 'staff_role' | 'third_party_app'>({
  type: 'string',
  enum: ['service_form', 'staff_role', 'third_party_app'],
});

const RuleStatusSchema = Type.Unsafe<'proposed' | 'active' | 'superseded' | 'rejected' | 'retired'>({
  type: 'string',
  enum: ['proposed', 'active', 'superseded', 'rejected', 'retired'],
});

/** One version of a rule of the sharing catalogue (共享目录条目). */
export const SharingRuleSchema = Type.Object({
  id: Type.String(),
  ruleKey: Type.String(),
  version: Type.Integer(),
  status: RuleStatusSchema,
  changeKind: Type.Unsafe<'upsert' | 'retire'>({ type: 'string', enum: ['upsert', 'retire'] }),
  consumerKind: ConsumerKindSchema,
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
    consumerKind: ConsumerKindSchema,
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

export type AccessRecord = Static<typeof AccessRecordSchema>;
export type Objection = Static<typeof ObjectionSchema>;
export type Consent = Static<typeof ConsentSchema>;
export type SharingApp = Static<typeof SharingAppSchema>;
export type SharingConsumerKind = Static<typeof ConsumerKindSchema>;
export type SharingRuleStatus = Static<typeof RuleStatusSchema>;
export type SharingRule = Static<typeof SharingRuleSchema>;
export type RuleProposal = Static<typeof RuleProposalBody>;
export type RegisterInfo = Static<typeof RegisterCatalogueSchema>[number];
