import { Type } from 'typebox';
import { FACILITY_SERVICE_KEYS } from './facility-vocabulary.ts';

const NullableString = Type.Union([Type.String(), Type.Null()]);
const NullableInteger = Type.Union([Type.Integer(), Type.Null()]);

export const TierSchema = Type.Union([Type.Literal('street'), Type.Literal('area'), Type.Literal('village')]);
export const ServiceKeySchema = Type.Union(FACILITY_SERVICE_KEYS.map((key) => Type.Literal(key)));

export const FacilitySummarySchema = Type.Object({
  code: Type.String(),
  name: Type.String(),
  nameType: Type.String(),
  tier: TierSchema,
  districtCode: Type.String(),
  districtName: Type.String(),
  streetCode: Type.String(),
  streetName: Type.String(),
  address: Type.String(),
  lat: Type.Number(),
  lng: Type.Number(),
  services: Type.Array(Type.Object({ key: Type.String(), name: Type.String() })),
  openingHours: Type.String({ description: 'e.g. `Mo-Fr 09:00-17:00; Sa 09:00-12:00`' }),
  isOpenNow: Type.Boolean({ description: 'judged in Asia/Shanghai time' }),
});

export const FacilityListItemSchema = Type.Intersect([
  FacilitySummarySchema,
  Type.Object({
    distanceMeters: Type.Optional(Type.Integer({ description: 'haversine, when `near` is given' })),
  }),
]);

export const FacilityPageSchema = Type.Intersect([
  FacilitySummarySchema,
  Type.Object({
    builtYear: Type.Integer(),
    renovatedYear: NullableInteger,
    operatorModel: Type.Union([Type.Literal('self'), Type.Literal('purchased')]),
    operatorName: NullableString,
    staffCount: NullableInteger,
    weeklyHours: Type.Array(
      Type.Object({
        day: Type.String(),
        ranges: Type.Array(Type.Object({ from: Type.String(), to: Type.String() })),
      }),
    ),
    nextOpening: Type.Union([Type.String({ description: 'ISO-8601 with +08:00' }), Type.Null()]),
    terminals: Type.Array(
      Type.Object({ id: Type.String(), model: Type.String(), installedOn: Type.String() }),
    ),
  }),
]);

const Share = Type.Number({ minimum: 0, maximum: 1 });

export const FacilityStatsSchema = Type.Object({
  total: Type.Integer(),
  byTier: Type.Object({ street: Type.Integer(), area: Type.Integer(), village: Type.Integer() }),
  byNameType: Type.Record(Type.String(), Type.Integer()),
  builtOrRenovatedSince2014Share: Share,
  purchasedServiceShare: Share,
  byDistrict: Type.Array(
    Type.Object({
      code: Type.String(),
      name: Type.String(),
      total: Type.Integer(),
      streetsWithFacilities: Type.Integer(),
      builtOrRenovatedSince2014Share: Share,
      purchasedServiceShare: Share,
    }),
  ),
  byStreet: Type.Optional(
    Type.Array(
      Type.Object({
        code: Type.String(),
        name: Type.String(),
        total: Type.Integer(),
        byTier: Type.Object({ street: Type.Integer(), area: Type.Integer(), village: Type.Integer() }),
        builtOrRenovatedSince2014Share: Share,
        purchasedFacilityShare: Share,
      }),
      { description: 'only with `district=`: that district per street or town' },
    ),
  ),
});

export const IngestAnswerSchema = Type.Object({
  accepted: Type.Integer(),
  duplicates: Type.Integer(),
  rejected: Type.Integer(),
  results: Type.Array(
    Type.Object({
      index: Type.Integer(),
      eventId: NullableString,
      status: Type.Union([Type.Literal('accepted'), Type.Literal('duplicate'), Type.Literal('rejected')]),
      reason: Type.Optional(Type.Object({ code: Type.String(), message: Type.String() })),
    }),
  ),
});
