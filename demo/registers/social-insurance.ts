// 社会保险 (人社局): insured status and the monthly contributions of the five insurances. Served by
// the stand-alone demo department server (demo/department-server), not by the platform itself.
import { employmentOf } from './employment.ts';
import { intBetween, monthsBetween, randomFor } from './seed-of.ts';

export interface SocialInsuranceContribution {
  month: string;
  employerName: string;
  baseFen: number;
  /** Personal shares: pension 8%, medical 2%, unemployment 0.5%. */
  pensionPersonalFen: number;
  medicalPersonalFen: number;
  unemploymentPersonalFen: number;
  /** Employer's share of all five insurances (16% + 9% + 0.5% + 0.26% + 1%, rounded). */
  employerFen: number;
}

export interface SocialInsuranceRecord {
  status: 'insured' | 'retired' | 'not_insured';
  socialSecurityNumber: string;
  employerName: string | null;
  contributionBaseFen: number;
  firstInsuredMonth: string | null;
  /** Months contributed in total, and the same in years (one decimal). */
  contributionMonths: number;
  contributionYears: number;
  /** Monthly pension for retirees, in fen. */
  monthlyPensionFen: number | null;
  /** 社保卡 bank account (金融账户) the card is linked to. */
  cardBankAccount: string | null;
  /** The most recent contributions, newest first (at most 36). */
  contributions: SocialInsuranceContribution[];
}

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
