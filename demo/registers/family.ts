// 家庭关系 in the population register: spouse and children of an invented person, consistent
// with their age (married from 25 or so, children born when the parent was 24–38, no
// children born after today). The relatives are invented too, with well-formed ID numbers.
import { makeIdNumber } from '../../src/contracts/id-number.ts';
import { DEMO_PROFILES } from './profiles.ts';
import { ageOn, intBetween, personFromIdNumber, randomFor } from './seed-of.ts';

export interface Relative {
  name: string;
  idNumber: string;
  gender: 'male' | 'female';
  birthDate: string;
}

export interface Family {
  maritalStatus: 'unmarried' | 'married' | 'divorced' | 'widowed';
  spouse: Relative | null;
  children: Relative[];
  /** People in the household (self, spouse, children under 18). */
  householdSize: number;
  householderName: string;
}

const GIVEN_MALE = ['浩然', '宇轩', '子轩', '俊杰', '天佑', '思远', '博文'];
const GIVEN_FEMALE = ['欣怡', '梓萱', '一诺', '雨桐', '诗涵', '嘉怡', '可馨'];
const SPOUSE_SURNAMES = '王李刘陈杨黄周吴徐孙朱胡';

function relative(
  random: () => number,
  surname: string,
  gender: 'male' | 'female',
  birth: Date,
  region: string,
): Relative {
  const birthDate = birth.toISOString().slice(0, 10);
  const given = (gender === 'male' ? GIVEN_MALE : GIVEN_FEMALE)[intBetween(random, 0, 6)]!;
  const sequence = intBetween(random, 10, 98) * 10 + (gender === 'male' ? 1 : 2);
  return {
    name: surname + given,
    idNumber: makeIdNumber(region, birthDate.replaceAll('-', ''), sequence),
    gender,
    birthDate,
  };
}

/** The family of the person with this ID number and name, as of `asOf`. */
export function familyOf(idNumber: string, name: string, asOf: Date = new Date()): Family {
  const { birthDate, gender } = personFromIdNumber(idNumber);
  const random = randomFor(idNumber, 'family');
  const age = ageOn(birthDate, asOf);
  const region = idNumber.slice(0, 6);
  const born = Date.parse(birthDate);
  const year = 365.25 * 86_400_000;
  const profile = DEMO_PROFILES[idNumber];
  if (age < 24 || (!profile?.children && random() < 0.15)) {
    return {
      maritalStatus: 'unmarried',
      spouse: null,
      children: [],
      householdSize: 1,
      householderName: name,
    };
  }
  const spouseGender = gender === 'male' ? 'female' : 'male';
  const spouseBirth = new Date(
    born + intBetween(random, -3, 3) * year + intBetween(random, 0, 300) * 86_400_000,
  );
  const spouseSurname = SPOUSE_SURNAMES[intBetween(random, 0, SPOUSE_SURNAMES.length - 1)]!;
  const spouse = relative(random, spouseSurname, spouseGender, spouseBirth, region);
  const children: Relative[] = [];
  const wanted = profile?.children ?? (random() < 0.2 ? 0 : random() < 0.75 ? 1 : 2);
  let parentAge = intBetween(random, 26, 33);
  for (let i = 0; i < wanted; i += 1) {
    const childBirth = new Date(born + parentAge * year + intBetween(random, 0, 300) * 86_400_000);
    if (childBirth.getTime() >= asOf.getTime()) break;
    const childGender = random() < 0.5 ? 'male' : 'female';
    const surname = gender === 'male' ? name.slice(0, 1) : spouseSurname;
    children.push(relative(random, surname, childGender, childBirth, region));
    parentAge += intBetween(random, 2, 5);
  }
  const minors = children.filter((child) => ageOn(child.birthDate, asOf) < 18).length;
  return {
    maritalStatus: 'married',
    spouse,
    children,
    householdSize: 2 + minors,
    householderName: gender === 'male' || random() < 0.4 ? name : spouse.name,
  };
}
