// Request and answer shapes of the policy library (OpenAPI and fast serialisation). Rules are
// declared loosely here and checked by policies-rule.ts (the project's ajv set-up plus meaning).
import { Type } from 'typebox';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) =>
  Type.Union([schema, Type.Null()]);
const Status = Type.Unsafe<'draft' | 'published' | 'retired'>({
  type: 'string',
  enum: ['draft', 'published', 'retired'],
});
const DistrictCode = Type.String({ pattern: '^\\d{6}$' });
const RuleSchema = Type.Unknown({
  description:
    'An eligibility rule: {"all":[...]}, {"any":[...]}, {"not":rule} or {"field","op","value"} (see GET /api/v1/desk/policy-library/fields)',
});

const PolicyFields = {
  titleZh: Type.String({ minLength: 1, maxLength: 200 }),
  titleEn: Type.String({ minLength: 1, maxLength: 200 }),
  summaryZh: Type.String({ minLength: 1, maxLength: 2000 }),
  summaryEn: Type.String({ minLength: 1, maxLength: 2000 }),
  districtCode: Nullable(DistrictCode),
  isAutoGrant: Type.Boolean(),
  benefitAmountFen: Nullable(
    Type.Integer({ minimum: 1, maximum: 100_000_000_000, description: 'fen per enterprise' }),
  ),
  rule: RuleSchema,
};

export const PolicyUpdateBody = Type.Object(PolicyFields, { additionalProperties: false });
export const PolicyCreateBody = Type.Object(
  {
    code: Type.String({ pattern: '^[A-Z0-9][A-Z0-9-]{2,39}$', description: 'e.g. HK-2026-001' }),
    issuerOfficeCode: Type.String({ minLength: 1, maxLength: 80 }),
    ...PolicyFields,
  },
  { additionalProperties: false },
);

const RunSchema = Type.Object({
  ruleVersion: Type.Integer(),
  trigger: Type.String(),
  startedAt: Type.String(),
  finishedAt: Nullable(Type.String()),
  checked: Type.Integer(),
  matched: Type.Integer(),
  told: Type.Integer(),
  granted: Type.Integer(),
  unreadable: Type.Integer(),
});

export const PolicySchema = Type.Object({
  id: Type.String(),
  code: Type.String(),
  titleZh: Type.String(),
  titleEn: Type.String(),
  summaryZh: Type.String(),
  summaryEn: Type.String(),
  issuerOffice: Type.Object({ code: Type.String(), nameZh: Type.String(), nameEn: Type.String() }),
  districtCode: Nullable(Type.String()),
  isAutoGrant: Type.Boolean(),
  benefitAmountFen: Nullable(Type.Integer()),
  status: Status,
  ruleVersion: Type.Integer(),
  rule: RuleSchema,
  publishedAt: Nullable(Type.String()),
  updatedAt: Type.String(),
  canEdit: Type.Boolean(),
  matchedNow: Type.Integer({ description: 'enterprises the current rule version matched' }),
  benefitsGranted: Type.Integer(),
  lastRun: Nullable(RunSchema),
});

export const PolicyListSchema = Type.Object({ items: Type.Array(PolicySchema) });

export const PolicyFieldsSchema = Type.Object({
  fields: Type.Array(
    Type.Object({
      name: Type.String(),
      type: Type.Unsafe<'string' | 'integer'>({ type: 'string', enum: ['string', 'integer'] }),
      options: Type.Optional(Type.Array(Type.String())),
      nameZh: Type.String(),
      nameEn: Type.String(),
    }),
  ),
  ops: Type.Array(Type.String()),
  issuerOffices: Type.Array(
    Type.Object({
      code: Type.String(),
      nameZh: Type.String(),
      nameEn: Type.String(),
      districtCode: Nullable(Type.String()),
    }),
  ),
});

export const DryRunBody = Type.Object(
  {
    rule: RuleSchema,
    districtCode: Nullable(DistrictCode),
    enterpriseId: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
  },
  { additionalProperties: false },
);

const Example = Type.Object({
  enterpriseId: Type.String(),
  name: Type.String(),
  facts: Type.Record(Type.String(), Type.Union([Type.String(), Type.Number()])),
});
export const DryRunSchema = Type.Object({
  checked: Type.Integer(),
  matched: Type.Integer(),
  unreadable: Type.Integer(),
  examples: Type.Array(Example),
  nonMatching: Type.Array(Example),
});

export const EnterprisePoliciesSchema = Type.Object({
  policies: Type.Array(
    Type.Object({
      id: Type.String(),
      code: Type.String(),
      titleZh: Type.String(),
      titleEn: Type.String(),
      summaryZh: Type.String(),
      summaryEn: Type.String(),
      isAutoGrant: Type.Boolean(),
      benefitAmountFen: Nullable(Type.Integer()),
      matchedAt: Type.String(),
      issuerOfficeNameZh: Type.String(),
      issuerOfficeNameEn: Type.String(),
    }),
  ),
  benefits: Type.Array(
    Type.Object({
      id: Type.String(),
      policyId: Type.String(),
      code: Type.String(),
      titleZh: Type.String(),
      titleEn: Type.String(),
      amountFen: Type.Integer({ description: 'fen' }),
      grantedAt: Type.String(),
    }),
  ),
});
