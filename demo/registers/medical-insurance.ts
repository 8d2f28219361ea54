// 医疗保险 (医保局): insured status and category, the personal account and recent settlements.
import { employmentOf } from './employment.ts';
import { intBetween, randomFor } from './seed-of.ts';
import type { MedicalInsuranceRecord, MedicalSettlement } from '../../src/contracts/registers.ts';

const HOSPITALS = [
  '上海市第一人民医院（演示）',
  '复旦大学附属中山医院（演示）',
  '上海交通大学医学院附属瑞金医院（演示）',
  '虹口区嘉兴路街道社区卫生服务中心（演示）',
  '普陀区中心医院（演示）',
  '静安区闸北中心医院（演示）',
];

function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

export function medicalInsuranceOf(idNumber: string, asOf: Date = new Date()): MedicalInsuranceRecord {
  const job = employmentOf(idNumber, asOf);
  const random = randomFor(idNumber, 'medical');
  const category =
    job.status === 'employed'
      ? 'employee'
      : job.status === 'retired'
        ? 'retiree'
        : job.status === 'minor'
          ? 'minor'
          : 'resident';
  const balance =
    category === 'employee' || category === 'retiree'
      ? intBetween(random, 800, 26_000) * 100
      : intBetween(random, 0, 500) * 100;
  const settlements: MedicalSettlement[] = [];
  const count = intBetween(random, 1, 5);
  for (let i = 0; i < count; i += 1) {
    const daysAgo = intBetween(random, 3, 360);
    const kind = random() < 0.1 ? 'inpatient' : random() < 0.5 ? 'pharmacy' : 'outpatient';
    const total =
      kind === 'inpatient' ? intBetween(random, 8000, 60_000) * 100 : intBetween(random, 40, 900) * 100;
    const fundShare = kind === 'inpatient' ? 0.75 : category === 'retiree' ? 0.7 : 0.5;
    const fundPaid = Math.round(total * fundShare);
    const accountPaid = Math.min(Math.round((total - fundPaid) * 0.6), balance);
    settlements.push({
      date: isoDay(new Date(asOf.getTime() - daysAgo * 86_400_000)),
      hospitalName: HOSPITALS[intBetween(random, 0, HOSPITALS.length - 1)]!,
      kind,
      totalFen: total,
      fundPaidFen: fundPaid,
      accountPaidFen: accountPaid,
      selfPaidFen: total - fundPaid - accountPaid,
    });
  }
  settlements.sort((a, b) => b.date.localeCompare(a.date));
  return {
    status: 'insured',
    category,
    personalAccountBalanceFen: balance,
    designatedHospital: HOSPITALS[intBetween(random, 0, HOSPITALS.length - 1)]!,
    settlements,
  };
}
