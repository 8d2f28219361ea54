// The HTTP shapes of visits (无事不扰): caps, quiet periods, visits and their warnings.
import { Type } from 'typebox';

const DATE = '^\\d{4}-\\d{2}-\\d{2}$';
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) =>
  Type.Union([schema, Type.Null()]);

export const CapPeriod = Type.Unsafe<'month' | 'quarter' | 'year'>({
  type: 'string',
  enum: ['month', 'quarter', 'year'],
});

export const EnterpriseParams = Type.Object({ enterpriseId: Type.String({ minLength: 1, maxLength: 64 }) });
export const DistrictParams = Type.Object({ districtCode: Type.String({ pattern: '^\\d{6}$' }) });
export const VisitParams = Type.Object({ visitId: Type.String({ minLength: 1, maxLength: 64 }) });
export const QuietPeriodParams = Type.Object({
  enterpriseId: Type.String({ minLength: 1, maxLength: 64 }),
  quietPeriodId: Type.String({ minLength: 1, maxLength: 64 }),
});

export const VisitCapSchema = Type.Object({
  districtCode: Type.String(),
  maxVisits: Type.Integer(),
  period: CapPeriod,
  updatedAt: Type.String(),
});
export const VisitCapsSchema = Type.Object({ items: Type.Array(VisitCapSchema) });
export const SetVisitCapBody = Type.Object(
  { maxVisits: Type.Integer({ minimum: 1, maximum: 100 }), period: CapPeriod },
  { additionalProperties: false },
);

const QuietKind = Type.Unsafe<'monthly' | 'range'>({ type: 'string', enum: ['monthly', 'range'] });
export const QuietPeriodSchema = Type.Object({
  id: Type.String(),
  kind: QuietKind,
  dayFrom: Nullable(Type.Integer()),
  dayTo: Nullable(Type.Integer()),
  startDate: Nullable(Type.String()),
  endDate: Nullable(Type.String()),
  label: Type.String(),
  createdAt: Type.String(),
});
export const QuietPeriodsSchema = Type.Object({ items: Type.Array(QuietPeriodSchema) });
const Label = Type.String({ minLength: 1, maxLength: 60 });
export const QuietPeriodBody = Type.Union([
  Type.Object(
    {
      kind: Type.Literal('monthly'),
      dayFrom: Type.Integer({ minimum: 1, maximum: 31 }),
      dayTo: Type.Integer({ minimum: 1, maximum: 31 }),
      label: Label,
    },
    { additionalProperties: false },
  ),
  Type.Object(
    {
      kind: Type.Literal('range'),
      startDate: Type.String({ pattern: DATE }),
      endDate: Type.String({ pattern: DATE }),
      label: Label,
    },
    { additionalProperties: false },
  ),
]);

export const VisitWarningSchema = Type.Object({
  code: Type.Unsafe<'visit_cap' | 'quiet_period'>({ type: 'string', enum: ['visit_cap', 'quiet_period'] }),
  maxVisits: Type.Optional(Type.Integer()),
  period: Type.Optional(CapPeriod),
  periodStart: Type.Optional(Type.String()),
  periodEnd: Type.Optional(Type.String()),
  visitsInPeriod: Type.Optional(Type.Integer()),
  quietPeriodId: Type.Optional(Type.String()),
  label: Type.Optional(Type.String()),
  kind: Type.Optional(QuietKind),
  dayFrom: Type.Optional(Nullable(Type.Integer())),
  dayTo: Type.Optional(Nullable(Type.Integer())),
  startDate: Type.Optional(Nullable(Type.String())),
  endDate: Type.Optional(Nullable(Type.String())),
});

export const VisitCheckBody = Type.Object(
  { scheduledAt: Type.String({ format: 'date-time' }) },
  { additionalProperties: false },
);
export const VisitCheckSchema = Type.Object({
  visitDate: Type.String({ pattern: DATE }),
  warnings: Type.Array(VisitWarningSchema),
});

export const NewVisitBody = Type.Object(
  {
    scheduledAt: Type.String({ format: 'date-time' }),
    purpose: Type.String({ minLength: 1, maxLength: 500 }),
    participants: Type.String({ minLength: 1, maxLength: 500 }),
    outcome: Type.Optional(Type.String({ maxLength: 2000 })),
    overrideReason: Type.Optional(Type.String({ maxLength: 500 })),
  },
  { additionalProperties: false },
);
export const CloseVisitBody = Type.Object(
  {
    status: Type.Unsafe<'done' | 'cancelled'>({ type: 'string', enum: ['done', 'cancelled'] }),
    outcome: Type.Optional(Type.String({ maxLength: 2000 })),
  },
  { additionalProperties: false },
);

export const VisitSchema = Type.Object({
  id: Type.String(),
  enterpriseId: Type.String(),
  enterpriseName: Type.String(),
  managerUserId: Type.String(),
  managerName: Type.String(),
  scheduledAt: Type.String(),
  visitDate: Type.String(),
  status: Type.Unsafe<'planned' | 'done' | 'cancelled'>({
    type: 'string',
    enum: ['planned', 'done', 'cancelled'],
  }),
  purpose: Type.String(),
  participants: Type.String(),
  outcome: Nullable(Type.String()),
  warnings: Type.Array(VisitWarningSchema),
  overrideReason: Nullable(Type.String()),
  createdAt: Type.String(),
  updatedAt: Type.String(),
});
export const VisitsSchema = Type.Object({ items: Type.Array(VisitSchema) });
export const EnterpriseVisitsSchema = Type.Object({
  cap: Nullable(Type.Object({ maxVisits: Type.Integer(), period: CapPeriod })),
  items: Type.Array(VisitSchema),
});
