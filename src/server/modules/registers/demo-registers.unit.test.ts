// The generated demo registers agree with each other and with the ID number they come from.
import { describe, expect, it } from 'vitest';
import { demoPopulation } from '../../../../demo/population.ts';
import { employmentOf } from '../../../../demo/registers/employment.ts';
import { familyOf } from '../../../../demo/registers/family.ts';
import { housingFundOf } from '../../../../demo/registers/housing-fund.ts';
import { medicalInsuranceOf } from '../../../../demo/registers/medical-insurance.ts';
import { DEMO_PROFILES } from '../../../../demo/registers/profiles.ts';
import { ageOn } from '../../../../demo/registers/seed-of.ts';
import { socialInsuranceOf } from '../../../../demo/registers/social-insurance.ts';
import { utilitiesOf } from '../../../../demo/registers/utilities.ts';
import { vehiclesOf } from '../../../../demo/registers/vehicles.ts';
import { isValidIdNumber } from '../../../contracts/id-number.ts';

const asOf = new Date('2026-11-24T08:00:00Z');
const people = demoPopulation().records;

describe('demo registers', () => {
  it('are deterministic from the ID number', () => {
    const id = people[0]!.idNumber;
    expect(socialInsuranceOf(id, asOf)).toEqual(socialInsuranceOf(id, asOf));
    expect(vehiclesOf(id, asOf)).toEqual(vehiclesOf(id, asOf));
    expect(familyOf(id, '张三', asOf)).toEqual(familyOf(id, '张三', asOf));
  });

  it('give every person one working life that the three insurance registers share', () => {
    for (const person of people) {
      const age = ageOn(person.birthDate, asOf);
      const job = employmentOf(person.idNumber, asOf);
      const social = socialInsuranceOf(person.idNumber, asOf);
      const fund = housingFundOf(person.idNumber, asOf);
      const medical = medicalInsuranceOf(person.idNumber, asOf);
      if (age < 16) expect(job.status).toBe('minor');
      if (job.status === 'retired') expect(age).toBeGreaterThanOrEqual(person.gender === 'male' ? 60 : 55);
      if (job.status === 'employed') {
        expect(social.status).toBe('insured');
        expect(fund.status).toBe('active');
        expect(medical.category).toBe('employee');
        expect(social.employerName).toBe(fund.employerName);
        expect(fund.monthlyDepositFen).toBe(Math.round(social.contributionBaseFen * 0.14));
        expect(social.contributions[0]!.month).toBe('2026-10');
        // Started work at 20–24: never contributed before that.
        expect(
          Number(social.firstInsuredMonth!.slice(0, 4)) - Number(person.birthDate.slice(0, 4)),
        ).toBeGreaterThanOrEqual(20);
      }
      if (social.status === 'not_insured') expect(social.contributions).toEqual([]);
      expect(fund.balanceFen).toBeGreaterThanOrEqual(0);
      for (const s of medical.settlements)
        expect(s.fundPaidFen + s.accountPaidFen + s.selfPaidFen).toBe(s.totalFen);
    }
  });

  it('give vehicles and violations only to adults with a licence', () => {
    for (const person of people) {
      const record = vehiclesOf(person.idNumber, asOf);
      if (ageOn(person.birthDate, asOf) < 18) expect(record.drivingLicence).toBeNull();
      if (!record.drivingLicence) expect(record.vehicles).toEqual([]);
      for (const violation of record.violations) {
        expect(record.vehicles.map((v) => v.plateNumber)).toContain(violation.plateNumber);
        expect(violation.fineFen % 100).toBe(0);
        expect(Date.parse(violation.occurredAt)).toBeLessThan(asOf.getTime());
      }
    }
  });

  it('give relatives well-formed ID numbers and children born after their parent grew up', () => {
    for (const person of people.slice(0, 150)) {
      const family = familyOf(person.idNumber, person.name, asOf);
      for (const child of family.children) {
        expect(isValidIdNumber(child.idNumber, asOf)).toBe(true);
        expect(ageOn(person.birthDate, new Date(child.birthDate))).toBeGreaterThanOrEqual(24);
      }
      if (family.spouse) expect(isValidIdNumber(family.spouse.idNumber, asOf)).toBe(true);
      expect(family.householdSize).toBeGreaterThanOrEqual(1);
    }
  });

  it('fix the named profiles on the named residents', () => {
    const zhangsan = demoPopulation().idNumbers.zhangsan!;
    expect(Object.keys(DEMO_PROFILES)).toEqual([zhangsan]);
    const record = vehiclesOf(zhangsan, asOf);
    expect(record.vehicles).toHaveLength(1);
    expect(record.violations).toHaveLength(3);
    expect(familyOf(zhangsan, '张三', asOf).children).toHaveLength(1);
  });

  it('give every home its three utility accounts at the registered address', () => {
    const accounts = utilitiesOf(people[0]!.idNumber, people[0]!.address, asOf);
    expect(accounts.map((a) => a.kind)).toEqual(['water', 'electricity', 'gas']);
    for (const a of accounts) expect(a.address).toBe(people[0]!.address);
  });
});
