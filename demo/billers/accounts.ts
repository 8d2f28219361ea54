// The utility accounts and bills the demo billers hold: the same accounts the utilities register
// shows (demo/registers/utilities.ts, derived from the demo population), each with its bill of the
// latest month (unpaid when the register shows an amount due) and five earlier, paid months.
import { demoPopulation } from '../population.ts';
import { intBetween, randomFor } from '../registers/seed-of.ts';
import { utilitiesOf } from '../registers/utilities.ts';
import type { UtilityAccount } from '../../src/contracts/registers.ts';

export type UtilityKind = UtilityAccount['kind'];
export const UTILITY_KINDS: readonly UtilityKind[] = ['water', 'electricity', 'gas'];

export const BILLERS: Record<
  UtilityKind,
  { nameZh: string; nameEn: string; prefix: string; range: [number, number] }
> = {
  water: {
    nameZh: '上海城投水务（演示）',
    nameEn: 'Shanghai water company (demo)',
    prefix: 'W',
    range: [300, 1500],
  },
  electricity: {
    nameZh: '国网上海市电力公司（演示）',
    nameEn: 'State Grid Shanghai (demo)',
    prefix: 'E',
    range: [800, 6000],
  },
  gas: { nameZh: '上海燃气（演示）', nameEn: 'Shanghai Gas (demo)', prefix: 'G', range: [200, 2000] },
};

export interface HeldAccount {
  kind: UtilityKind;
  accountNumber: string;
  holderName: string;
  idNumber: string;
  address: string;
}

export interface Bill {
  billNo: string;
  kind: UtilityKind;
  accountNumber: string;
  month: string;
  amountFen: number;
  dueDate: string;
  /** As issued; a confirmed payment at the biller makes it paid. */
  paidBeforeDemo: boolean;
}

/** Every account of the demo population, by kind and account number. */
export function demoAccounts(): Map<string, HeldAccount> {
  const accounts = new Map<string, HeldAccount>();
  for (const person of demoPopulation().records) {
    for (const account of utilitiesOf(person.idNumber, person.address)) {
      accounts.set(`${account.kind}:${account.accountNumber}`, {
        kind: account.kind,
        accountNumber: account.accountNumber,
        holderName: person.name,
        idNumber: person.idNumber,
        address: person.address,
      });
    }
  }
  return accounts;
}

/** `张*` / `欧阳**`: the holder's name as a biller shows it to someone checking an account. */
export function maskName(name: string): string {
  const chars = [...name];
  return chars[0] + '*'.repeat(Math.max(1, chars.length - 1));
}

/** Spaces and full-width spaces do not count when an address is compared. */
export const normaliseAddress = (address: string) => address.replace(/[\s\u3000]+/g, '');

function monthBefore(month: string, n: number): string {
  const [year, m] = month.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(year, m - 1 - n, 1)).toISOString().slice(0, 7);
}

function lastDayOfNextMonth(month: string): string {
  const [year, m] = month.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(year, m + 1, 0)).toISOString().slice(0, 10);
}

/** The bills of an account, newest first: the register's latest month and five before it. */
export function billsOf(account: HeldAccount, asOf: Date = new Date()): Bill[] {
  const latest = utilitiesOf(account.idNumber, account.address, asOf).find((a) => a.kind === account.kind)!;
  const biller = BILLERS[account.kind];
  return Array.from({ length: 6 }, (_, n) => {
    const month = monthBefore(latest.lastBillMonth, n);
    const amountFen =
      n === 0
        ? latest.lastBillFen
        : intBetween(randomFor(account.accountNumber, `bill:${month}`), biller.range[0], biller.range[1]) *
          10;
    return {
      billNo: `${biller.prefix}${account.accountNumber}${month.replace('-', '')}`,
      kind: account.kind,
      accountNumber: account.accountNumber,
      month,
      amountFen,
      dueDate: lastDayOfNextMonth(month),
      paidBeforeDemo: n > 0 || latest.dueFen === 0,
    };
  });
}
