// 社会保险 (人社局): insured status and the monthly contributions of the five insurances. Served by
// the stand-alone demo department server (demo/department-server), not by the platform itself.
import { employmentOf } from './employment.ts';
import { intBetween, monthsBetween, randomFor } from './seed-of.ts';
import type { SocialInsuranceRecord } from '../../src/contracts/registers.ts';

const percentOf = (fen: number, percent: number) => Math.round((fen * percent) / 100);

export function socialInsuranceOf(idNumber: string, asOf: Date = new Date()): SocialInsuranceRecord {
  const job = employmentOf(idNumber, asOf);
  const random = randomFor(idNumber, 'social-insurance');
  const cardBankAccount = `62220210${String(intBetween(random, 10_000_000, 99_999_999))}${String(intBetween(random, 100, 999))}`;
  if (!job.firstMonth || !job.lastMonth || !job.employerName) {
    return {
      status: 'not_insured',
      socialSecurityNumber: idNumber,
      employerName: null,
      contributionBaseFen: 0,
      firstInsuredMonth: null,
      contributionMonths: 0,
      contributionYears: 0,
      monthlyPensionFen: null,
      cardBankAccount: job.status === 'minor' ? null : cardBankAccount,
      contributions: [],
    };
  }
  const months = monthsBetween(job.firstMonth, job.lastMonth);
  const recent = months.slice(-36).reverse();
  const contributions = recent.map((month) => ({
    month,
    employerName: job.employerName!,
    baseFen: job.contributionBaseFen,
    pensionPersonalFen: percentOf(job.contributionBaseFen, 8),
    medicalPersonalFen: percentOf(job.contributionBaseFen, 2),
    unemploymentPersonalFen: percentOf(job.contributionBaseFen, 0.5),
    employerFen: percentOf(job.contributionBaseFen, 26.76),
  }));
  const years = Math.round((months.length / 12) * 10) / 10;
  return {
    status: job.status === 'retired' ? 'retired' : 'insured',
    socialSecurityNumber: idNumber,
    employerName: job.employerName,
    contributionBaseFen: job.contributionBaseFen,
    firstInsuredMonth: job.firstMonth,
    contributionMonths: months.length,
    contributionYears: years,
    // A rough demo formula: 1% of the base per year contributed, plus a basic part.
    monthlyPensionFen:
      job.status === 'retired' ? 180_000 + Math.round(job.contributionBaseFen * 0.01 * years) : null,
    cardBankAccount,
    contributions,
  };
}
