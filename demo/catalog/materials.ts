// Builders of demo materials, above all those the government already holds (免于提交):
// register records and earlier electronic certificates.
import type { Material } from '../../src/contracts/catalog.ts';

interface MaterialOptions {
  form?: Material['form'];
  copies?: number;
  conditionZh?: string;
  conditionEn?: string;
}

/** A material the applicant provides; conditional when a condition is given. */
export function doc(nameZh: string, nameEn: string, options: MaterialOptions = {}): Material {
  const material: Material = {
    nameZh,
    nameEn,
    requirement: options.conditionZh ? 'conditional' : 'required',
    form: options.form ?? 'electronic',
  };
  if (options.conditionZh) material.conditionZh = options.conditionZh;
  if (options.conditionEn) material.conditionEn = options.conditionEn;
  if (options.copies) material.copies = options.copies;
  return material;
}

function held(
  kind: 'certificate' | 'register',
  source: string,
  sourceNameZh: string,
  sourceNameEn: string,
): NonNullable<Material['heldByGovernment']> {
  return { kind, source: `${kind}:${source}`, sourceNameZh, sourceNameEn };
}

/** A material the government already holds (免于提交). */
function heldDoc(
  nameZh: string,
  nameEn: string,
  from: NonNullable<Material['heldByGovernment']>,
  options: MaterialOptions = {},
): Material {
  return { ...doc(nameZh, nameEn, { form: 'original', ...options }), heldByGovernment: from };
}

export const m = {
  idCard: (whoZh = '', whoEn = '', options: MaterialOptions = {}) =>
    heldDoc(
      `${whoZh}居民身份证`,
      whoEn ? `Resident identity card of the ${whoEn}` : 'Resident identity card',
      held('register', 'population', '人口库', 'Population register'),
      options,
    ),
  householdBook: (options: MaterialOptions = {}) =>
    heldDoc(
      '居民户口簿',
      'Household register booklet',
      held('register', 'population.household', '人口库（户籍）', 'Population register (households)'),
      options,
    ),
  businessLicence: (options: MaterialOptions = {}) =>
    heldDoc(
      '营业执照',
      'Business licence',
      held('certificate', 'business_licence', '营业执照电子证照', 'Electronic business licence'),
      options,
    ),
  marriageCert: (options: MaterialOptions = {}) =>
    heldDoc(
      '结婚证',
      'Marriage certificate',
      held('certificate', 'marriage', '结婚证电子证照', 'Electronic marriage certificate'),
      options,
    ),
  realEstateCert: (options: MaterialOptions = {}) =>
    heldDoc(
      '不动产权证书',
      'Real estate title certificate',
      held('certificate', 'real_estate', '不动产权证书电子证照', 'Electronic real estate title'),
      options,
    ),
  residencePermit: (options: MaterialOptions = {}) =>
    heldDoc(
      '上海市居住证',
      'Shanghai residence permit',
      held('certificate', 'residence_permit', '居住证电子证照', 'Electronic residence permit'),
      options,
    ),
  birthCert: (options: MaterialOptions = {}) =>
    heldDoc(
      '出生医学证明',
      'Medical birth certificate',
      held('certificate', 'birth_medical', '出生医学证明电子证照', 'Electronic medical birth certificate'),
      options,
    ),
  drivingLicence: (options: MaterialOptions = {}) =>
    heldDoc(
      '机动车驾驶证',
      'Driving licence',
      held('certificate', 'driving_licence', '电子驾驶证', 'Electronic driving licence'),
      options,
    ),
  vehicleLicence: (options: MaterialOptions = {}) =>
    heldDoc(
      '机动车行驶证',
      'Vehicle licence',
      held('register', 'vehicles', '机动车库', 'Vehicle register'),
      options,
    ),
  socialInsurance: (nameZh: string, nameEn: string, options: MaterialOptions = {}) =>
    heldDoc(
      nameZh,
      nameEn,
      held('register', 'social_insurance', '社会保险库', 'Social insurance register'),
      options,
    ),
  housingFund: (nameZh: string, nameEn: string, options: MaterialOptions = {}) =>
    heldDoc(nameZh, nameEn, held('register', 'housing_fund', '公积金库', 'Housing fund register'), options),
  medicalInsurance: (nameZh: string, nameEn: string, options: MaterialOptions = {}) =>
    heldDoc(
      nameZh,
      nameEn,
      held('register', 'medical_insurance', '医疗保障库', 'Medical insurance register'),
      options,
    ),
  utilities: (nameZh: string, nameEn: string, options: MaterialOptions = {}) =>
    heldDoc(nameZh, nameEn, held('register', 'utilities', '公用事业库', 'Utilities register'), options),
  /** Any other electronic certificate issued earlier, e.g. ('construction_permit', '施工许可证'). */
  certificate: (source: string, nameZh: string, nameEn: string, options: MaterialOptions = {}) =>
    heldDoc(
      nameZh,
      nameEn,
      held('certificate', source, `${nameZh}电子证照`, `Electronic ${nameEn}`),
      options,
    ),
  photo: () =>
    doc('近期免冠彩色证件照', 'Recent colour passport-style photo', {
      form: 'electronic',
    }),
};
