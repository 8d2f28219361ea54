// 住房公积金 (公积金中心): the account, balance, monthly deposits (7% + 7% of the same base as
// social insurance) and withdrawals.
import { employmentOf } from './employment.ts';
import { intBetween, monthsBetween, randomFor } from './seed-of.ts';
import type { HousingFundMovement, HousingFundRecord } from '../../src/contracts/registers.ts';

export function housingFundOf(idNumber: string, asOf: Date = new Date()): HousingFundRecord {
  const job = employmentOf(idNumber, asOf);
  const random = randomFor(idNumber, 'housing-fund');
  if (!job.firstMonth || !job.lastMonth) {
    return {
      status: 'none',
      accountNumber: null,
      employerName: null,
      monthlyDepositFen: 0,
      balanceFen: 0,
      movements: [],
    };
  }
  const monthlyDepositFen = Math.round(job.contributionBaseFen * 0.14);
  const months = monthsBetween(job.firstMonth, job.lastMonth);
  const movements: HousingFundMovement[] = [];
  let balance = 0;
  // Earlier years are summed; the last 20 months are itemised with a rent withdrawal or two.
  const itemised = months.slice(-20);
  balance += (months.length - itemised.length) * monthlyDepositFen;
  const rentMonth = itemised[intBetween(random, 0, Math.max(0, itemised.length - 1))];
  for (const month of itemised) {
    balance += monthlyDepositFen;
    movements.push({
      date: `${month}-15`,
      kind: 'deposit',
      amountFen: monthlyDepositFen,
      noteZh: '汇缴',
      noteEn: 'Monthly deposit',
      balanceAfterFen: balance,
    });
    if (month === rentMonth && balance > 600_000) {
      const amount = Math.min(balance - 100_000, intBetween(random, 3, 9) * 100_000);
      balance -= amount;
      movements.push({
        date: `${month}-20`,
        kind: 'withdrawal',
        amountFen: amount,
        noteZh: '租房提取',
        noteEn: 'Withdrawal for rent',
        balanceAfterFen: balance,
      });
    }
    if (month.endsWith('-06')) {
      const interest = Math.round(balance * 0.015);
      balance += interest;
      movements.push({
        date: `${month}-30`,
        kind: 'interest',
        amountFen: interest,
        noteZh: '年度结息',
        noteEn: 'Annual interest',
        balanceAfterFen: balance,
      });
    }
  }
  return {
    status: job.status === 'employed' ? 'active' : 'sealed',
    accountNumber: `SHGJJ${idNumber.slice(6, 14)}${idNumber.slice(14, 17)}`,
    employerName: job.employerName,
    monthlyDepositFen: job.status === 'employed' ? monthlyDepositFen : 0,
    balanceFen: balance,
    movements: movements.reverse().slice(0, 24),
  };
}
