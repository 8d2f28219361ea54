// 水电燃气户号: the water (自来水), electricity (国网上海) and gas (燃气) accounts of the home the
// person lives in, with the latest bill. Everyone with a registered address has all three.
import { intBetween, randomFor } from './seed-of.ts';
import type { UtilityAccount } from '../../src/contracts/registers.ts';

export function utilitiesOf(idNumber: string, address: string, asOf: Date = new Date()): UtilityAccount[] {
  const random = randomFor(idNumber, 'utilities');
  const month = new Date(Date.UTC(asOf.getUTCFullYear(), asOf.getUTCMonth() - 1, 1))
    .toISOString()
    .slice(0, 7);
  const digits = (n: number) => Array.from({ length: n }, () => String(intBetween(random, 0, 9))).join('');
  const bill = (min: number, max: number) => intBetween(random, min, max) * 10;
  const accounts: UtilityAccount[] = [
    {
      kind: 'water',
      accountNumber: `1${digits(9)}`,
      providerZh: '上海城投水务（演示）',
      providerEn: 'Shanghai water company (demo)',
      address,
      lastBillMonth: month,
      lastBillFen: bill(300, 1500),
      dueFen: 0,
    },
    {
      kind: 'electricity',
      accountNumber: `31${digits(8)}`,
      providerZh: '国网上海市电力公司（演示）',
      providerEn: 'State Grid Shanghai (demo)',
      address,
      lastBillMonth: month,
      lastBillFen: bill(800, 6000),
      dueFen: 0,
    },
    {
      kind: 'gas',
      accountNumber: `8${digits(9)}`,
      providerZh: '上海燃气（演示）',
      providerEn: 'Shanghai Gas (demo)',
      address,
      lastBillMonth: month,
      lastBillFen: bill(200, 2000),
      dueFen: 0,
    },
  ];
  for (const account of accounts) if (random() < 0.25) account.dueFen = account.lastBillFen;
  return accounts;
}
