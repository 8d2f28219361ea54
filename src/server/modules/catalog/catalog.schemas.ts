import { Type } from 'typebox';
import { ENTERPRISE_TOPICS, RESIDENT_TOPICS } from '../../../contracts/catalog.ts';
import { WorkflowDefinitionSchema } from '../../../contracts/workflow.ts';

/** A string that must be one of the given values (JSON Schema `enum`), typed as their union. */
const literals = <const T extends readonly string[]>(values: T) =>
  Type.Unsafe<T[number]>({ type: 'string', enum: [...values] });

export const TopicSchema = literals([...RESIDENT_TOPICS, ...ENTERPRISE_TOPICS]);
export const ServiceKindSchema = literals([
  'administrative_licence',
  'administrative_confirmation',
  'administrative_payment',
  'public_service',
  'registration',
  'query',
  'payment',
] as const);
export const SubjectSchema = literals(['resident', 'enterprise', 'both'] as const);
export const ChannelSchema = literals(['online', 'terminal', 'counter', 'open_api'] as const);
export const ScopeSchema = literals(['district', 'city', 'cross_province'] as const);

const Text = (max: number, min = 1) => Type.String({ minLength: min, maxLength: max });

export const MaterialSchema = Type.Object(
  {
    nameZh: Text(100),
    nameEn: Text(200),
    requirement: literals(['required', 'conditional'] as const),
    conditionZh: Type.Optional(Text(300)),
    conditionEn: Type.Optional(Text(500)),
    form: literals(['original', 'copy', 'electronic'] as const),
    copies: Type.Optional(Type.Integer({ minimum: 1, maximum: 20 })),
    heldByGovernment: Type.Optional(
      Type.Object(
        {
          kind: literals(['certificate', 'register'] as const),
          source: Text(100),
          sourceNameZh: Text(100),
          sourceNameEn: Text(200),
        },
        { additionalProperties: false },
      ),
    ),
  },
  { additionalProperties: false },
);

const StringMap = Type.Record(Type.String(), Type.String({ maxLength: 1000 }));

export const FormSchema = Type.Object(
  {
    schema: Type.Object({ type: Type.Literal('object') }, { additionalProperties: true }),
    ui: Type.Object(
      {
        order: Type.Array(Text(64)),
        widgets: Type.Optional(
          Type.Record(
            Type.String(),
            literals([
              'text',
              'textarea',
              'select',
              'radio',
              'date',
              'number',
              'checkbox',
              'address',
            ] as const),
          ),
        ),
        helpZh: Type.Optional(StringMap),
        helpEn: Type.Optional(StringMap),
        prefill: Type.Optional(StringMap),
        prefillLocked: Type.Optional(
          Type.Array(Type.String({ minLength: 1, maxLength: 60 }), { maxItems: 200 }),
        ),
      },
      { additionalProperties: false },
    ),
  },
  { additionalProperties: false },
);

/** A service (事项) as authored and imported; mirrors ServiceDefinition in src/contracts/catalog.ts. */
export const ServiceDefinitionSchema = Type.Object(
  {
    code: Type.String({ pattern: '^[A-Z][A-Z0-9]*(-[A-Z0-9]+)+$', maxLength: 40 }),
    nameZh: Text(100, 2),
    nameEn: Text(200, 2),
    aliases: Type.Array(Text(50), { maxItems: 40 }),
    kind: ServiceKindSchema,
    subject: SubjectSchema,
    topics: Type.Array(TopicSchema, { maxItems: 10 }),
    departmentCode: Text(64),
    legalBasisZh: Text(1000),
    guideZh: Text(5000),
    guideEn: Text(10000),
    conditionsZh: Type.Array(Text(500), { maxItems: 30 }),
    conditionsEn: Type.Array(Text(1000), { maxItems: 30 }),
    materials: Type.Array(MaterialSchema, { maxItems: 50 }),
    form: FormSchema,
    legalTimeLimitDays: Type.Integer({ minimum: 0, maximum: 365 }),
    promisedTimeLimitDays: Type.Integer({ minimum: 0, maximum: 365 }),
    feeFen: Type.Integer({ minimum: 0, maximum: 100_000_000 }),
    feeNoteZh: Type.Optional(Text(500)),
    channels: Type.Array(ChannelSchema, { minItems: 1, maxItems: 4 }),
    tripsNeeded: Type.Union([Type.Literal(0), Type.Literal(1)]),
    handlingScope: ScopeSchema,
    provinces: Type.Optional(Type.Array(Text(20), { maxItems: 40 })),
    popularity: Type.Integer({ minimum: 1, maximum: 100 }),
    workflow: Type.Optional(WorkflowDefinitionSchema),
    /** The electronic certificate completing it issues (see certificateResultFor). */
    result: Type.Optional(
      Type.Object(
        {
          certificateType: Type.String({ pattern: '^[a-z][a-z0-9_]*$', maxLength: 64 }),
          nameZh: Text(100, 2),
          nameEn: Text(200, 2),
          validityYears: Type.Optional(Type.Integer({ minimum: 1, maximum: 100 })),
        },
        { additionalProperties: false },
      ),
    ),
  },
  { additionalProperties: false },
);

export const BundleDefinitionSchema = Type.Object(
  {
    code: Type.String({ pattern: '^[A-Z][A-Z0-9]*(-[A-Z0-9]+)+$', maxLength: 40 }),
    nameZh: Text(100, 2),
    nameEn: Text(200, 2),
    aliases: Type.Array(Text(50), { maxItems: 40 }),
    subject: SubjectSchema,
    topics: Type.Array(TopicSchema, { maxItems: 10 }),
    guideZh: Text(5000),
    guideEn: Text(10000),
    memberCodes: Type.Array(Text(40), { minItems: 2, maxItems: 30 }),
    form: FormSchema,
    mapping: Type.Array(
      Type.Object(
        {
          field: Text(64),
          targets: Type.Array(Type.Object({ serviceCode: Text(40), field: Text(64) }), { minItems: 1 }),
        },
        { additionalProperties: false },
      ),
    ),
    onMemberRefused: literals(['fail_bundle', 'continue_others'] as const),
    popularity: Type.Integer({ minimum: 1, maximum: 100 }),
  },
  { additionalProperties: false },
);
