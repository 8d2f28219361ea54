// Utilisation of a facility's services against their capacity, per service and per hour of the
// week (Asia/Shanghai). Pure: the caller passes events, capacities and the opening hours.
//
// Capacity is data (facility_capacities): per facility and service, a weekly amount of staff
// hours (demand = minutes of service sessions / 60) or of service slots (demand = sessions).
// Over a window of `weeks` weeks the capacity is weeklyAmount × weeks. Per hour of the week the
// weekly amount is spread over the facility's opening hours in proportion to how much of that
// hour it is open. A session's minutes are split over the hours it runs through.
import type { CapacityUnit, FacilityEventKind } from './facilities.tables.ts';
import type { WeekSchedule } from './opening-hours.ts';

export const HOURS_PER_WEEK = 168;
/** Below this a service is under-used. */
export const UNDER_USED = 0.3;
/** Above this a service is over-used. */
export const OVER_USED = 0.85;

const SHANGHAI_OFFSET_MS = 8 * 3_600_000; // no daylight saving since 1991
const HOUR_MS = 3_600_000;

export interface UsageEvent {
  kind: FacilityEventKind;
  occurredAt: string;
  serviceKey: string | null;
  durationMinutes: number | null;
}

export interface Capacity {
  serviceKey: string;
  unit: CapacityUnit;
  weeklyAmount: number;
}

export type UsageBand = 'under' | 'normal' | 'over' | 'no_capacity';

export interface ServiceUtilisation {
  serviceKey: string;
  unit: CapacityUnit | null;
  weeklyCapacity: number;
  /** In the unit, over the whole window. */
  capacity: number;
  demand: number;
  sessions: number;
  /** demand / capacity; null without capacity. */
  utilisation: number | null;
  band: UsageBand;
}

export interface HourOfWeek {
  /** Check-ins, service sessions and terminal transactions that began in this hour, all weeks. */
  visits: number;
  /** Staff hours of sessions (staff-hours services) in this hour, all weeks. */
  demandHours: number;
  /** Staff hours available in this hour, all weeks. */
  capacityHours: number;
  /** demandHours / capacityHours; null when no staff hours are planned then (closed). */
  utilisation: number | null;
}

export interface FacilityUtilisation {
  weeks: number;
  checkIns: number;
  sessions: number;
  terminalTransactions: number;
  /** Mean of the utilisation of its services that have a capacity; null if none has. */
  utilisation: number | null;
  services: ServiceUtilisation[];
  /** 168 entries: index = day × 24 + hour, Monday 00:00 first. */
  hours: HourOfWeek[];
}

export function bandOf(utilisation: number | null): UsageBand {
  if (utilisation === null) return 'no_capacity';
  if (utilisation < UNDER_USED) return 'under';
  if (utilisation > OVER_USED) return 'over';
  return 'normal';
}

/** Hour of the week (0 = Monday 00:00–01:00 in Shanghai) of an instant. */
export function hourOfWeek(at: number): number {
  const local = new Date(at + SHANGHAI_OFFSET_MS);
  const day = (local.getUTCDay() + 6) % 7;
  return day * 24 + local.getUTCHours();
}

/** How many minutes of each hour of the week the facility is open (168 entries). */
export function openMinutesByHour(schedule: WeekSchedule): number[] {
  const minutes = new Array<number>(HOURS_PER_WEEK).fill(0);
  schedule.forEach((ranges, day) => {
    for (const range of ranges) {
      for (let hour = Math.floor(range.start / 60); hour * 60 < range.end; hour += 1) {
        const from = Math.max(range.start, hour * 60);
        const to = Math.min(range.end, hour * 60 + 60);
        if (to > from) minutes[day * 24 + hour]! += to - from;
      }
    }
  });
  return minutes;
}

/** Splits `durationMinutes` starting at `at` over the hours of the week it runs through. */
function spreadMinutes(at: number, durationMinutes: number, add: (hour: number, minutes: number) => void) {
  let start = at;
  const end = at + durationMinutes * 60_000;
  while (start < end) {
    const hourEnd = (Math.floor((start + SHANGHAI_OFFSET_MS) / HOUR_MS) + 1) * HOUR_MS - SHANGHAI_OFFSET_MS;
    const stop = Math.min(end, hourEnd);
    add(hourOfWeek(start), (stop - start) / 60_000);
    start = stop;
  }
}

const round = (value: number, places = 4) => Math.round(value * 10 ** places) / 10 ** places;

/**
 * The utilisation of one facility over `weeks` weeks of events. Services listed are those with a
 * capacity and those with sessions; a service with sessions and no capacity is `no_capacity`.
 */
export function computeUtilisation(input: {
  events: readonly UsageEvent[];
  capacities: readonly Capacity[];
  schedule: WeekSchedule;
  weeks: number;
}): FacilityUtilisation {
  const { events, capacities, schedule, weeks } = input;
  const open = openMinutesByHour(schedule);
  const openHoursPerWeek = open.reduce((sum, minutes) => sum + minutes, 0) / 60;
  const capacityOf = new Map(capacities.map((capacity) => [capacity.serviceKey, capacity]));
  const demand = new Map<string, { demand: number; sessions: number }>();
  const hours: HourOfWeek[] = Array.from({ length: HOURS_PER_WEEK }, () => ({
    visits: 0,
    demandHours: 0,
    capacityHours: 0,
    utilisation: null,
  }));
  let checkIns = 0;
  let sessions = 0;
  let terminalTransactions = 0;
  for (const event of events) {
    const at = Date.parse(event.occurredAt);
    if (event.kind === 'wearable_trace') continue;
    hours[hourOfWeek(at)]!.visits += 1;
    if (event.kind === 'check_in') checkIns += 1;
    else if (event.kind === 'terminal_transaction') terminalTransactions += 1;
    else if (event.kind === 'service_session' && event.serviceKey) {
      sessions += 1;
      const minutes = event.durationMinutes ?? 0;
      const unit = capacityOf.get(event.serviceKey)?.unit ?? 'staff_hours';
      const entry = demand.get(event.serviceKey) ?? { demand: 0, sessions: 0 };
      entry.sessions += 1;
      entry.demand += unit === 'slots' ? 1 : minutes / 60;
      demand.set(event.serviceKey, entry);
      if (unit === 'staff_hours' && capacityOf.has(event.serviceKey))
        spreadMinutes(at, minutes, (hour, part) => (hours[hour]!.demandHours += part / 60));
    }
  }
  const weeklyStaffHours = capacities
    .filter((capacity) => capacity.unit === 'staff_hours')
    .reduce((sum, capacity) => sum + capacity.weeklyAmount, 0);
  hours.forEach((hour, index) => {
    hour.capacityHours =
      openHoursPerWeek === 0 ? 0 : round((weeklyStaffHours * weeks * open[index]!) / 60 / openHoursPerWeek);
    hour.demandHours = round(hour.demandHours);
    hour.utilisation = hour.capacityHours > 0 ? round(hour.demandHours / hour.capacityHours) : null;
  });
  const keys = [...new Set([...capacityOf.keys(), ...demand.keys()])].sort();
  const services = keys.map((serviceKey): ServiceUtilisation => {
    const capacity = capacityOf.get(serviceKey);
    const used = demand.get(serviceKey) ?? { demand: 0, sessions: 0 };
    const total = capacity ? capacity.weeklyAmount * weeks : 0;
    const utilisation = total > 0 ? round(used.demand / total) : null;
    return {
      serviceKey,
      unit: capacity?.unit ?? null,
      weeklyCapacity: capacity?.weeklyAmount ?? 0,
      capacity: total,
      demand: round(used.demand, 2),
      sessions: used.sessions,
      utilisation,
      band: bandOf(utilisation),
    };
  });
  const measured = services.filter((service) => service.utilisation !== null);
  return {
    weeks,
    checkIns,
    sessions,
    terminalTransactions,
    utilisation: measured.length
      ? round(measured.reduce((sum, service) => sum + service.utilisation!, 0) / measured.length)
      : null,
    services,
    hours,
  };
}
