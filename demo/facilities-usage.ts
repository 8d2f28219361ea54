// Demo usage of the 嘉兴路街道 facilities: weekly capacities per service and four weeks of visits
// (check-ins, service sessions, terminal transactions) with a weekday and hour-of-day pattern —
// mornings and early afternoons busy, lunch and evenings quiet, Saturdays half as busy. The
// figures are invented and deterministic apart from the dates, which end at the seeding hour.
// Two cases are built in for the recommendations: meals are over-used at the first 分站 and
// under-used at the third, and legal aid is over-used at the first 分站 and under-used at the
// street's main 驿站.
import type { Db } from '../src/server/platform/db/database.ts';
import { seedFacilityUsage, type SeedUsage } from '../src/server/modules/facilities/facilities-seed.ts';
import type { CapacityUnit } from '../src/server/modules/facilities/facilities.tables.ts';
import { scheduleOf } from '../src/server/modules/facilities/facilities.presenter.ts';
import { hourOfWeek, openMinutesByHour } from '../src/server/modules/facilities/utilisation.ts';
import {
  recomputeStreet,
  utilisationWindow,
} from '../src/server/modules/facilities/facility-utilisation.service.ts';
import { demoFacilities, JIAXING_ROAD_STREET } from './facilities.ts';
import { seededRandom } from './random.ts';

/** Services counted in slots (meals served, day-care places); the rest in staff hours. */
const SLOT_SERVICES = new Set(['meals', 'day_care']);
/** Designed utilisation of some services (the rest draw 0.4–0.75). */
const DESIGNED: Record<string, number> = {
  '310109004-A01/meals': 0.93,
  '310109004-A03/meals': 0.2,
  '310109004-A01/legal_aid': 0.95,
  '310109004-S01/legal_aid': 0.15,
};
const WEEKLY: Record<string, number> = {
  '310109004-A01/meals': 150,
  '310109004-A03/meals': 200,
  '310109004-A01/legal_aid': 6,
  '310109004-S01/legal_aid': 20,
};
/** Terminals whose transactions the demo makes up (not the ones the kiosk demo uses). */
const DEMO_TERMINAL_SITES = new Set(['310109004-A02', '310109004-A03', '310109004-V001']);

/** How busy an hour of the day is, relative (Shanghai time). */
function hourWeight(hour: number): number {
  if (hour >= 9 && hour < 11) return 1.6;
  if (hour >= 14 && hour < 16) return 1.3;
  if (hour >= 12 && hour < 13) return 0.4;
  if (hour >= 18) return 0.5;
  return 1;
}

const dayWeight = (day: number) => (day === 5 ? 0.5 : day === 6 ? 0.3 : 1);

/** The demo usage of the 嘉兴路街道 facilities over the four weeks before `now`. */
export function demoFacilityUsage(now = new Date()): SeedUsage {
  const random = seededRandom(20_261_125);
  const window = utilisationWindow(now);
  const from = Date.parse(window.from);
  const to = Date.parse(window.to);
  const capacities: SeedUsage['capacities'] = [];
  const events: SeedUsage['events'] = [];
  const facilities = demoFacilities().filter((f) => f.record.streetCode === JIAXING_ROAD_STREET);
  for (const facility of facilities) {
    const code = facility.record.code;
    const open = openMinutesByHour(scheduleOf(facility.record));
    const weights = open.map(
      (minutes, index) => (minutes / 60) * hourWeight(index % 24) * dayWeight(Math.floor(index / 24)),
    );
    const totalWeight = weights.reduce((sum, w) => sum + w, 0);
    if (totalWeight === 0) continue;
    let serial = 0;
    const id = () => `demo-usage-${code}-${String((serial += 1)).padStart(6, '0')}`;
    // Spreads `perWeek` happenings over the window's hours by weight.
    const spread = (perWeek: number, make: (at: number) => void) => {
      for (let at = from; at < to; at += 3_600_000) {
        const expected = (perWeek * weights[hourOfWeek(at)]!) / totalWeight;
        const count = Math.floor(expected + random());
        for (let n = 0; n < count; n += 1) {
          const minute = Math.floor(random() * Math.max(1, Math.min(60, open[hourOfWeek(at)]!)));
          make(at + minute * 60_000);
        }
      }
    };
    for (const serviceKey of facility.record.services.split(';')) {
      const key = `${code}/${serviceKey}`;
      const unit: CapacityUnit = SLOT_SERVICES.has(serviceKey) ? 'slots' : 'staff_hours';
      const weekly =
        WEEKLY[key] ??
        (unit === 'slots' ? 40 + Math.round(random() * 8) * 10 : 6 + Math.round(random() * 14));
      capacities.push({ facilityCode: code, serviceKey, unit, weeklyAmount: weekly });
      const utilisation = DESIGNED[key] ?? 0.4 + random() * 0.35;
      const minutes = unit === 'slots' ? 30 : 45;
      const sessionsPerWeek = unit === 'slots' ? weekly * utilisation : (weekly * utilisation * 60) / minutes;
      spread(sessionsPerWeek, (at) =>
        events.push({
          facilityCode: code,
          eventId: id(),
          kind: 'service_session',
          occurredAt: new Date(at).toISOString(),
          serviceKey,
          durationMinutes: minutes,
          staffId: null,
          terminalId: null,
          transactionType: null,
        }),
      );
      spread(sessionsPerWeek * 0.8, (at) =>
        events.push({
          facilityCode: code,
          eventId: id(),
          kind: 'check_in',
          occurredAt: new Date(at).toISOString(),
          serviceKey: null,
          durationMinutes: null,
          staffId: null,
          terminalId: null,
          transactionType: null,
        }),
      );
    }
    if (DEMO_TERMINAL_SITES.has(code))
      for (const terminal of facility.terminals)
        spread(60, (at) =>
          events.push({
            facilityCode: code,
            eventId: id(),
            kind: 'terminal_transaction',
            occurredAt: new Date(at).toISOString(),
            serviceKey: null,
            durationMinutes: null,
            staffId: null,
            terminalId: terminal.id,
            transactionType: random() < 0.7 ? 'query' : random() < 0.5 ? 'payment' : 'application',
          }),
        );
  }
  return { capacities, events };
}

/**
 * Seeds the demo usage once (facilities that already have capacities are left alone) and
 * computes the street's utilisation and recommendations so the console has them at once.
 */
export async function seedDemoFacilityUsage(db: Db, now = new Date()): Promise<number> {
  const added = await seedFacilityUsage(db, demoFacilityUsage(now), now);
  if (added > 0) await recomputeStreet(db, JIAXING_ROAD_STREET, { now });
  return added;
}
