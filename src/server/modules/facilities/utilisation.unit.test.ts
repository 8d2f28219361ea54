import { describe, expect, it } from 'vitest';
import { parseOpeningHours, type WeekSchedule } from './opening-hours.ts';
import { proposeMoves, TARGET_UTILISATION } from './reallocation.ts';
import { bandOf, computeUtilisation, hourOfWeek, openMinutesByHour, type UsageEvent } from './utilisation.ts';

const schedule = (text: string): WeekSchedule => {
  const parsed = parseOpeningHours(text);
  if (!parsed.ok) throw new Error(parsed.reason);
  return parsed.schedule;
};
// Monday 2026-11-16 10:00 in Shanghai is 02:00 UTC.
const MONDAY_10 = '2026-11-16T02:00:00.000Z';
const session = (occurredAt: string, serviceKey: string, durationMinutes: number): UsageEvent => ({
  kind: 'service_session',
  occurredAt,
  serviceKey,
  durationMinutes,
});

describe('utilisation', () => {
  it('places instants in the hour of the week in Shanghai time', () => {
    expect(hourOfWeek(Date.parse(MONDAY_10))).toBe(10);
    expect(hourOfWeek(Date.parse('2026-11-15T16:00:00Z'))).toBe(0); // Monday 00:00 local
    expect(hourOfWeek(Date.parse('2026-11-15T15:59:59Z'))).toBe(167); // Sunday 23:59 local
  });

  it('counts open minutes per hour, partial hours included', () => {
    const open = openMinutesByHour(schedule('Mo 08:30-11:30,13:00-17:00'));
    expect(open.slice(8, 12)).toEqual([30, 60, 60, 30]);
    expect(open.slice(13, 18)).toEqual([60, 60, 60, 60, 0]);
    expect(open.reduce((a, b) => a + b, 0)).toBe(420);
  });

  it('computes per service and per hour against staff hours and slots, splitting sessions over hours', () => {
    const events: UsageEvent[] = [
      ...Array.from({ length: 76 }, () => session(MONDAY_10, 'legal_aid', 60)),
      // Tuesday 16:30–18:00 local: 30 minutes in the open 16:00 hour, 60 in the closed 17:00 hour.
      session('2026-11-17T08:30:00.000Z', 'legal_aid', 90),
      ...Array.from({ length: 8 }, () => session(MONDAY_10, 'meals', 30)),
      { kind: 'check_in', occurredAt: MONDAY_10, serviceKey: null, durationMinutes: null },
      { kind: 'wearable_trace', occurredAt: MONDAY_10, serviceKey: null, durationMinutes: null },
      session(MONDAY_10, 'library', 20),
    ];
    const figures = computeUtilisation({
      events,
      capacities: [
        { serviceKey: 'legal_aid', unit: 'staff_hours', weeklyAmount: 20 },
        { serviceKey: 'meals', unit: 'slots', weeklyAmount: 10 },
      ],
      schedule: schedule('Mo-Fr 09:00-17:00'),
      weeks: 4,
    });
    expect(figures).toMatchObject({ weeks: 4, checkIns: 1, sessions: 86, terminalTransactions: 0 });
    expect(figures.services).toEqual([
      {
        serviceKey: 'legal_aid',
        unit: 'staff_hours',
        weeklyCapacity: 20,
        capacity: 80,
        demand: 77.5,
        sessions: 77,
        utilisation: 0.9688,
        band: 'over',
      },
      {
        serviceKey: 'library',
        unit: null,
        weeklyCapacity: 0,
        capacity: 0,
        demand: 0.33,
        sessions: 1,
        utilisation: null,
        band: 'no_capacity',
      },
      {
        serviceKey: 'meals',
        unit: 'slots',
        weeklyCapacity: 10,
        capacity: 40,
        demand: 8,
        sessions: 8,
        utilisation: 0.2,
        band: 'under',
      },
    ]);
    expect(figures.utilisation).toBe(0.5844); // mean of 0.9688 and 0.2
    // 20 staff hours a week over 40 open hours: 0.5 an hour, 2 over four weeks.
    expect(figures.hours[10]).toEqual({ visits: 86, demandHours: 76, capacityHours: 2, utilisation: 38 });
    expect(figures.hours[24 + 16]).toEqual({
      visits: 1,
      demandHours: 0.5,
      capacityHours: 2,
      utilisation: 0.25,
    });
    expect(figures.hours[24 + 17]).toEqual({
      visits: 0,
      demandHours: 1,
      capacityHours: 0,
      utilisation: null,
    });
    expect(figures.hours.reduce((sum, hour) => sum + hour.capacityHours, 0)).toBe(80);
  });

  it('bands at 30% and 85%', () => {
    expect([0.29, 0.3, 0.85, 0.86, null].map(bandOf)).toEqual([
      'under',
      'normal',
      'normal',
      'over',
      'no_capacity',
    ]);
  });
});

describe('reallocation rule rebalance-same-service', () => {
  const usage = (
    code: string,
    serviceKey: string,
    weeklyCapacity: number,
    demand: number,
    unit = 'staff_hours' as const,
  ) => {
    const utilisation = Math.round((demand / (weeklyCapacity * 4)) * 10_000) / 10_000;
    return {
      facilityId: `id-${code}`,
      facilityCode: code,
      services: [
        {
          serviceKey,
          unit,
          weeklyCapacity,
          capacity: weeklyCapacity * 4,
          demand,
          sessions: 0,
          utilisation,
          band: bandOf(utilisation),
        },
      ],
    };
  };

  it('moves from the under-used to the over-used facility of the same service, to 75%', () => {
    // Over: 76 h over 4 weeks on 20 h/week = 95%. Under: 24 h on 30 h/week = 20%.
    const moves = proposeMoves([usage('X1', 'legal_aid', 20, 76), usage('X2', 'legal_aid', 30, 24)], 4);
    expect(moves).toEqual([
      {
        serviceKey: 'legal_aid',
        unit: 'staff_hours',
        fromFacilityId: 'id-X2',
        toFacilityId: 'id-X1',
        // ceil(19 / 0.75 − 20) = 6; X2 could give floor(30 − 6 / 0.75) = 22.
        amount: 6,
        rule: 'rebalance-same-service',
        figures: {
          weeks: 4,
          underUsed: 0.3,
          overUsed: 0.85,
          target: TARGET_UTILISATION,
          from: {
            facilityCode: 'X2',
            weeklyCapacity: 30,
            weeklyDemand: 6,
            utilisation: 0.2,
            weeklyCapacityAfter: 24,
            utilisationAfter: 0.25,
          },
          to: {
            facilityCode: 'X1',
            weeklyCapacity: 20,
            weeklyDemand: 19,
            utilisation: 0.95,
            weeklyCapacityAfter: 26,
            utilisationAfter: 0.7308,
          },
        },
      },
    ]);
  });

  it('is limited by what the giver can spare and shares it out most over-used first', () => {
    // Giver: 10 slots/week, 2/week used (20%): spare floor(10 − 2/0.75) = 7.
    const moves = proposeMoves(
      [
        usage('A', 'meals', 10, 38, 'slots' as never), // 95%: needs ceil(9.5/0.75 − 10) = 3
        usage('B', 'meals', 10, 40, 'slots' as never), // 100%: needs ceil(10/0.75 − 10) = 4
        usage('G', 'meals', 10, 8, 'slots' as never),
      ],
      4,
    );
    expect(moves.map((m) => [m.fromFacilityId, m.toFacilityId, m.amount])).toEqual([
      ['id-G', 'id-B', 4],
      ['id-G', 'id-A', 3],
    ]);
    expect(moves[1]!.figures.from).toMatchObject({ weeklyCapacity: 6, weeklyCapacityAfter: 3 });
  });

  it('never pairs different services, normal ones, or a dismissed pair', () => {
    expect(proposeMoves([usage('X1', 'legal_aid', 20, 76), usage('X2', 'meals', 30, 24)], 4)).toEqual([]);
    expect(proposeMoves([usage('X1', 'legal_aid', 20, 76), usage('X2', 'legal_aid', 30, 60)], 4)).toEqual([]);
    expect(
      proposeMoves([usage('X1', 'legal_aid', 20, 76), usage('X2', 'legal_aid', 30, 24)], 4, () => true),
    ).toEqual([]);
  });
});
