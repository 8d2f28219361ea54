// Response shapes of the operator console (OpenAPI and fast serialisation).
import { Type } from 'typebox';
import { TierSchema } from './facilities.schemas.ts';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) =>
  Type.Union([schema, Type.Null()]);
const Unit = Type.Unsafe<'staff_hours' | 'slots'>({ type: 'string', enum: ['staff_hours', 'slots'] });
const Band = Type.Unsafe<'under' | 'normal' | 'over' | 'no_capacity'>({
  type: 'string',
  enum: ['under', 'normal', 'over', 'no_capacity'],
});
const Place = Type.Object({ code: Type.String(), name: Type.String() });

export const HourOfWeekSchema = Type.Object({
  visits: Type.Integer({
    description: 'check-ins, sessions and terminal transactions begun in this hour, all weeks',
  }),
  demandHours: Type.Number({ description: 'staff hours of sessions in this hour, all weeks' }),
  capacityHours: Type.Number({ description: 'staff hours planned in this hour, all weeks' }),
  utilisation: Nullable(Type.Number()),
});

export const ConsoleStreetsSchema = Type.Object({
  isAdmin: Type.Boolean(),
  districts: Type.Array(
    Type.Object({ code: Type.String(), name: Type.String(), streets: Type.Array(Place) }),
  ),
});

const ServiceUtilisationSchema = Type.Object({
  serviceKey: Type.String(),
  serviceName: Type.String(),
  unit: Nullable(Unit),
  weeklyCapacity: Type.Number(),
  capacity: Type.Number({ description: 'over the whole window' }),
  demand: Type.Number({ description: 'staff hours or sessions over the whole window' }),
  sessions: Type.Integer(),
  utilisation: Nullable(Type.Number()),
  band: Band,
});

const Side = Type.Object({
  facilityCode: Type.String(),
  weeklyCapacity: Type.Number(),
  weeklyDemand: Type.Number(),
  utilisation: Type.Number(),
  weeklyCapacityAfter: Type.Number(),
  utilisationAfter: Type.Number(),
});

export const RecommendationSchema = Type.Object({
  id: Type.String(),
  streetCode: Type.String(),
  serviceKey: Type.String(),
  serviceName: Type.String(),
  unit: Unit,
  amount: Type.Integer({ description: 'weekly staff hours or slots to move' }),
  from: Place,
  to: Place,
  rule: Type.String(),
  ruleParameters: Nullable(
    Type.Object({ underUsed: Type.Number(), overUsed: Type.Number(), target: Type.Number() }),
  ),
  figures: Type.Object({
    weeks: Type.Integer(),
    underUsed: Type.Number(),
    overUsed: Type.Number(),
    target: Type.Number(),
    from: Side,
    to: Side,
  }),
  status: Type.Unsafe<'open' | 'accepted' | 'dismissed' | 'superseded'>({
    type: 'string',
    enum: ['open', 'accepted', 'dismissed', 'superseded'],
  }),
  computedAt: Type.String(),
  decidedAt: Nullable(Type.String()),
  dismissReason: Nullable(Type.String()),
});

export const StreetConsoleSchema = Type.Object({
  street: Place,
  district: Place,
  window: Nullable(Type.Object({ from: Type.String(), to: Type.String(), computedAt: Type.String() })),
  facilities: Type.Array(
    Type.Object({
      code: Type.String(),
      name: Type.String(),
      tier: TierSchema,
      openingHours: Type.String(),
      staffCount: Nullable(Type.Integer()),
      services: Type.Array(Type.Object({ key: Type.String(), name: Type.String() })),
      capacities: Type.Array(
        Type.Object({
          serviceKey: Type.String(),
          unit: Unit,
          weeklyAmount: Type.Integer(),
          updatedAt: Type.String(),
        }),
      ),
      terminals: Type.Object({ active: Type.Integer(), retired: Type.Integer() }),
      utilisation: Nullable(
        Type.Object({
          weeks: Type.Integer(),
          checkIns: Type.Integer(),
          sessions: Type.Integer(),
          terminalTransactions: Type.Integer(),
          utilisation: Nullable(Type.Number({ description: 'mean of its services with a capacity' })),
          services: Type.Array(ServiceUtilisationSchema),
          hours: Type.Array(HourOfWeekSchema, { description: '168 hours, Monday 00:00 Shanghai time first' }),
        }),
      ),
    }),
  ),
  hours: Type.Array(HourOfWeekSchema, { description: 'the street: its facilities added up' }),
  recommendations: Type.Array(RecommendationSchema),
});

export const DistrictConsoleSchema = Type.Object({
  district: Place,
  streets: Type.Array(
    Type.Object({
      code: Type.String(),
      name: Type.String(),
      facilities: Type.Integer(),
      measuredFacilities: Type.Integer(),
      visits: Type.Integer(),
      utilisation: Nullable(Type.Number()),
      overUsedServices: Type.Integer(),
      underUsedServices: Type.Integer(),
      openRecommendations: Type.Integer(),
    }),
  ),
});

export const CapacitySchema = Type.Object({
  facilityCode: Type.String(),
  serviceKey: Type.String(),
  unit: Unit,
  weeklyAmount: Type.Integer(),
  updatedAt: Type.String(),
});
