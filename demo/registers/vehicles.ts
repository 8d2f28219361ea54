// 机动车和驾驶证 (交警): the person's vehicles, driving licence and traffic violations. Adults
// only; about two in three have a licence and half of those a car.
import { DEMO_PROFILES } from './profiles.ts';
import { ageOn, intBetween, personFromIdNumber, randomFor } from './seed-of.ts';
import type { TrafficViolation, Vehicle, VehicleRecord } from '../../src/contracts/registers.ts';

const MODELS = [
  '上汽大众 朗逸',
  '上汽通用 别克英朗',
  '比亚迪 秦PLUS DM-i',
  '特斯拉 Model 3',
  '荣威 i5',
  '上汽大众 帕萨特',
];
const PLACES = [
  '虹口区四平路海宁路路口',
  '中山北路曲阳路路口',
  '延安高架西向东近茂名路',
  '内环高架中山北一路入口',
  '浦东大道张杨路路口',
  '沪闵路漕宝路路口',
];
const OFFENCES: readonly [zh: string, en: string, points: number, fineYuan: number][] = [
  ['机动车违反禁令标志指示', 'Ignoring a prohibition sign', 3, 200],
  ['机动车违反规定停放', 'Illegal parking', 0, 200],
  ['超过规定时速未达20%', 'Speeding under 20% over the limit', 3, 200],
  ['机动车不按规定车道行驶', 'Driving in the wrong lane', 3, 200],
  ['驾驶机动车违反道路交通信号灯通行', 'Running a red light', 6, 200],
  ['不按规定使用灯光', 'Improper use of lights', 1, 100],
];
const LETTERS = 'ABCDEFGHJKLMN';
const VIN_CHARS = 'ABCDEFGHJKLMNPRSTUVWXYZ0123456789';

export function vehiclesOf(idNumber: string, asOf: Date = new Date()): VehicleRecord {
  const { birthDate } = personFromIdNumber(idNumber);
  const random = randomFor(idNumber, 'vehicles');
  const age = ageOn(birthDate, asOf);
  const profile = DEMO_PROFILES[idNumber];
  if (age < 18 || (!profile?.driver && random() < 0.33))
    return { drivingLicence: null, vehicles: [], violations: [] };
  const licenceYear = Math.min(
    asOf.getUTCFullYear() - 1,
    Number(birthDate.slice(0, 4)) + intBetween(random, 18, 30),
  );
  const firstIssuedOn = `${licenceYear}${birthDate.slice(4)}`;
  const vehicles: Vehicle[] = [];
  if (profile?.car || random() < 0.6) {
    const year = Math.max(licenceYear, asOf.getUTCFullYear() - intBetween(random, 0, 10));
    const plate = `沪${LETTERS[intBetween(random, 0, LETTERS.length - 1)]}${String(intBetween(random, 10000, 99999))}`;
    let vin = 'LSV';
    while (vin.length < 17) vin += VIN_CHARS[intBetween(random, 0, VIN_CHARS.length - 1)];
    const registeredOn = `${year}-${String(intBetween(random, 1, 12)).padStart(2, '0')}-${String(intBetween(random, 1, 28)).padStart(2, '0')}`;
    vehicles.push({
      plateNumber: plate,
      vin,
      brandModelZh: MODELS[intBetween(random, 0, MODELS.length - 1)]!,
      registeredOn,
      inspectionDueOn: `${Math.max(year + 6, asOf.getUTCFullYear() + (random() < 0.5 ? 0 : 1))}${registeredOn.slice(4)}`,
    });
  }
  const violations: TrafficViolation[] = [];
  const vehicle = vehicles[0];
  if (vehicle) {
    const count = profile?.violations ?? intBetween(random, 0, 3);
    for (let i = 0; i < count; i += 1) {
      const [zh, en, points, fine] = OFFENCES[intBetween(random, 0, OFFENCES.length - 1)]!;
      const daysAgo = intBetween(random, 2, 300);
      const occurredAt = new Date(
        asOf.getTime() - daysAgo * 86_400_000 - intBetween(random, 0, 86_399) * 1000,
      );
      violations.push({
        id: `WF${idNumber.slice(-6)}${String(i + 1).padStart(2, '0')}`,
        occurredAt: occurredAt.toISOString(),
        locationZh: PLACES[intBetween(random, 0, PLACES.length - 1)]!,
        descriptionZh: zh,
        descriptionEn: en,
        plateNumber: vehicle.plateNumber,
        points,
        fineFen: fine * 100,
        status: daysAgo < 30 ? 'unprocessed' : daysAgo < 90 ? 'processed_unpaid' : 'paid',
      });
    }
    violations.sort((a, b) => b.occurredAt.localeCompare(a.occurredAt));
  }
  const yearPoints = violations
    .filter((v) => v.status !== 'unprocessed' && asOf.getTime() - Date.parse(v.occurredAt) < 365 * 86_400_000)
    .reduce((sum, v) => sum + v.points, 0);
  return {
    drivingLicence: {
      number: idNumber,
      class: 'C1',
      firstIssuedOn,
      validUntil: `${licenceYear + 16}${birthDate.slice(4)}`,
      pointsLeft: Math.max(0, 12 - yearPoints),
    },
    vehicles,
    violations,
  };
}
