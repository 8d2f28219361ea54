// One working life per invented person, from which the social insurance, housing fund and
// medical insurance registers all derive, so the three agree with each other (same employer,
// same contribution base, same start month, retirement at the statutory age).
import {
  DEMO_EMPLOYERS,
  ageOn,
  intBetween,
  lastClosedMonth,
  personFromIdNumber,
  randomFor,
  retirementAge,
} from './seed-of.ts';

export type EmploymentStatus = 'employed' | 'retired' | 'not_working' | 'minor';

export interface Employment {
  status: EmploymentStatus;
  gender: 'male' | 'female';
  birthDate: string;
  age: number;
  /** The current (or last) employer; null for minors and people who never worked. */
  employerName: string | null;
  /** First insured month, YYYY-MM. */
  firstMonth: string | null;
  /** Last contributed month, YYYY-MM (the month just ended while employed). */
  lastMonth: string | null;
  /** Monthly contribution base in fen (Shanghai's 2024 band is about 7,310–36,549 yuan). */
  contributionBaseFen: number;
  /** Retirement date (YYYY-MM-DD) for retirees. */
  retiredOn: string | null;
}

function addYears(date: string, years: number): string {
  return `${Number(date.slice(0, 4)) + years}${date.slice(4)}`;
}

/** The person's working life as of `asOf`, deterministic from the ID number. */
export function employmentOf(idNumber: string, asOf: Date = new Date()): Employment {
  const { birthDate, gender } = personFromIdNumber(idNumber);
  const random = randomFor(idNumber, 'employment');
  const age = ageOn(birthDate, asOf);
  const employerName = DEMO_EMPLOYERS[intBetween(random, 0, DEMO_EMPLOYERS.length - 1)]!;
  const startAge = intBetween(random, 20, 24);
  // Bases in whole yuan, rounded to 10 like the published bands.
  const contributionBaseFen = intBetween(random, 731, 2400) * 10 * 100;
  const base = { gender, birthDate, age, contributionBaseFen };
  if (age < 16) {
    return {
      ...base,
      status: 'minor',
      employerName: null,
      firstMonth: null,
      lastMonth: null,
      retiredOn: null,
    };
  }
  if (age < startAge || random() < 0.04) {
    return {
      ...base,
      status: 'not_working',
      employerName: null,
      firstMonth: null,
      lastMonth: null,
      retiredOn: null,
    };
  }
  const firstMonth = addYears(birthDate, startAge).slice(0, 7);
  const retireAt = retirementAge(gender);
  if (age >= retireAt) {
    const retiredOn = addYears(birthDate, retireAt);
    return {
      ...base,
      status: 'retired',
      employerName,
      firstMonth,
      lastMonth: retiredOn.slice(0, 7),
      retiredOn,
    };
  }
  return {
    ...base,
    status: 'employed',
    employerName,
    firstMonth,
    lastMonth: lastClosedMonth(asOf),
    retiredOn: null,
  };
}
