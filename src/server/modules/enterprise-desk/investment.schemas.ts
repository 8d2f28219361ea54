// Request and answer shapes of the investment pipeline (OpenAPI and fast serialisation). Areas in
// m² (mu derived), power in kVA, money in integer fen.
import { Type } from 'typebox';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) =>
  Type.Union([schema, Type.Null()]);
const LAND_USES = ['industrial', 'research', 'commercial', 'warehouse', 'mixed'] as const;
export const LandUse = Type.Unsafe<(typeof LAND_USES)[number]>({ type: 'string', enum: [...LAND_USES] });
export const FitOutSchema = Type.Unsafe<'bare' | 'basic' | 'full'>({
  type: 'string',
  enum: ['bare', 'basic', 'full'],
});
export const ParcelStatusSchema = Type.Unsafe<'available' | 'reserved' | 'signed'>({
  type: 'string',
  enum: ['available', 'reserved', 'signed'],
});
export const StageSchema = Type.Unsafe<'lead' | 'talks' | 'signed' | 'landed' | 'operating'>({
  type: 'string',
  enum: ['lead', 'talks', 'signed', 'landed', 'operating'],
});
const DATE = '^\\d{4}-\\d{2}-\\d{2}$';
const Fen = Type.Integer({ minimum: 0, maximum: 1e15, description: 'fen' });

export const DistrictParams = Type.Object({ district: Type.String({ pattern: '^\\d{6}$' }) });
export const IdParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) });

export const DistrictListSchema = Type.Object({
  items: Type.Array(Type.Object({ code: Type.String(), nameZh: Type.String(), nameEn: Type.String() })),
});

export const ParcelSchema = Type.Object({
  id: Type.String(),
  code: Type.String(),
  areaSqm: Type.Integer(),
  areaMu: Type.Number({ description: '亩, one decimal (1 亩 = 10000/15 m²)' }),
  landUse: LandUse,
  status: ParcelStatusSchema,
  maxFloorAreaSqm: Type.Integer(),
  powerCapacityKva: Type.Integer(),
  fitOut: FitOutSchema,
  notes: Nullable(Type.String()),
});

export const ZoneListSchema = Type.Object({
  items: Type.Array(
    Type.Object({
      id: Type.String(),
      code: Type.String(),
      nameZh: Type.String(),
      nameEn: Type.String(),
      districtCode: Type.String(),
      parcels: Type.Array(ParcelSchema),
    }),
  ),
});

export const ParcelStatusBody = Type.Object(
  { status: ParcelStatusSchema, notes: Nullable(Type.String({ maxLength: 500 })) },
  { additionalProperties: false },
);

const RequirementFields = {
  needFloorAreaSqm: Nullable(Type.Integer({ minimum: 1, maximum: 10_000_000 })),
  needPowerKva: Nullable(Type.Integer({ minimum: 1, maximum: 10_000_000 })),
  needFitOut: Nullable(FitOutSchema),
  needLandUse: Nullable(LandUse),
  specialNeeds: Nullable(Type.String({ maxLength: 1000 })),
};
export const RequirementsBody = Type.Object(RequirementFields, { additionalProperties: false });
export const ProspectBody = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 200 }),
    industry: Type.String({ minLength: 1, maxLength: 100 }),
    originCountry: Type.String({ pattern: '^[A-Z]{2}$', description: 'ISO 3166 alpha-2; CN for domestic' }),
    plannedInvestmentFen: Nullable(Fen),
    ...RequirementFields,
  },
  { additionalProperties: false },
);

export const ProspectSchema = Type.Object({
  id: Type.String(),
  districtCode: Type.String(),
  name: Type.String(),
  industry: Type.String(),
  originCountry: Type.String(),
  isForeign: Type.Boolean(),
  stage: StageSchema,
  needFloorAreaSqm: Nullable(Type.Integer()),
  needPowerKva: Nullable(Type.Integer()),
  needFitOut: Nullable(FitOutSchema),
  needLandUse: Nullable(LandUse),
  specialNeeds: Nullable(Type.String()),
  plannedInvestmentFen: Nullable(Type.Integer()),
  contractAmountFen: Nullable(Type.Integer()),
  signedOn: Nullable(Type.String()),
  parcelId: Nullable(Type.String()),
  createdAt: Type.String(),
  updatedAt: Type.String(),
});
export const ProspectListSchema = Type.Object({ items: Type.Array(ProspectSchema) });

const ReasonSchema = Type.Object({
  criterion: Type.String(),
  outcome: Type.Unsafe<'met' | 'partial' | 'unmet' | 'check'>({
    type: 'string',
    enum: ['met', 'partial', 'unmet', 'check'],
  }),
  points: Type.Integer(),
  maxPoints: Type.Integer(),
  needed: Type.Union([Type.String(), Type.Number(), Type.Null()]),
  offered: Type.Union([Type.String(), Type.Number(), Type.Null()]),
});
export const ProspectDetailSchema = Type.Object({
  prospect: ProspectSchema,
  history: Type.Array(
    Type.Object({
      fromStage: Nullable(StageSchema),
      toStage: StageSchema,
      changedOn: Type.String(),
      changedAt: Type.String(),
      note: Nullable(Type.String()),
    }),
  ),
  matches: Type.Array(
    Type.Object({
      parcelId: Type.String(),
      parcelCode: Type.String(),
      zoneCode: Type.String(),
      zoneNameZh: Type.String(),
      zoneNameEn: Type.String(),
      areaMu: Type.Number(),
      score: Type.Integer({ minimum: 0, maximum: 100 }),
      reasons: Type.Array(ReasonSchema),
    }),
  ),
});

export const StageBody = Type.Object(
  {
    to: StageSchema,
    on: Type.String({ pattern: DATE }),
    note: Nullable(Type.String({ maxLength: 1000 })),
    contractAmountFen: Nullable(Type.Integer({ minimum: 1, maximum: 1e15 })),
    parcelId: Nullable(Type.String({ minLength: 1, maxLength: 64 })),
  },
  { additionalProperties: false },
);

export const FunnelSchema = Type.Object({
  steps: Type.Array(
    Type.Object({
      stage: StageSchema,
      current: Type.Integer(),
      reached: Type.Integer(),
      conversion: Nullable(Type.Number()),
    }),
  ),
});

export const FiguresSchema = Type.Object({
  year: Type.Integer(),
  periods: Type.Array(
    Type.Object({
      period: Type.String(),
      throughMonth: Nullable(Type.String()),
      fdiProjects: Type.Integer(),
      fdiContractFen: Type.Integer({ description: 'fen' }),
      fixedAssetFen: Type.Integer({ description: 'fen' }),
      fdiProjectsYoy: Nullable(Type.Number()),
      fdiContractYoy: Nullable(Type.Number()),
      fixedAssetYoy: Nullable(Type.Number()),
      fixedAssetMonthsReported: Type.Integer(),
    }),
  ),
});

export const FixedAssetParams = Type.Object({
  district: Type.String({ pattern: '^\\d{6}$' }),
  month: Type.String({ pattern: '^\\d{4}-(0[1-9]|1[0-2])$' }),
});
export const FixedAssetBody = Type.Object({ amountFen: Fen }, { additionalProperties: false });
