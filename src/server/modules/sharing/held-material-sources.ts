// How a material marked `heldByGovernment` is found for one subject: which register field is
// read, and what value means "the government holds it".
import type { Material } from '../../../contracts/catalog.ts';
import type { RegisterCode } from '../registers/register-adapter.ts';

export interface HeldProbe {
  register: RegisterCode;
  field: string;
  holds(value: unknown): boolean;
}

const present = (value: unknown) => value !== undefined && value !== null && value !== '';
const nonEmptyList = (value: unknown) => Array.isArray(value) && value.length > 0;

const REGISTER_PROBES: Record<string, HeldProbe> = {
  'register:population': { register: 'population', field: 'idNumber', holds: present },
  'register:population.household': { register: 'population', field: 'householdAddress', holds: present },
  'register:social_insurance': {
    register: 'social_insurance',
    field: 'status',
    holds: (v) => v === 'insured' || v === 'retired',
  },
  'register:housing_fund': {
    register: 'housing_fund',
    field: 'status',
    holds: (v) => v === 'active' || v === 'sealed',
  },
  'register:medical_insurance': {
    register: 'medical_insurance',
    field: 'status',
    holds: (v) => v === 'insured',
  },
  'register:vehicles': { register: 'vehicles', field: 'vehicles', holds: nonEmptyList },
  'register:utilities': { register: 'utilities', field: 'accounts', holds: nonEmptyList },
};

/**
 * The probe for a material, or undefined when this subject's record cannot settle it: a
 * register material about someone other than the applicant (a deceased's or a child's ID card)
 * stays with the caseworker.
 */
export function heldProbe(material: Material): HeldProbe | undefined {
  const held = material.heldByGovernment;
  if (!held) return undefined;
  if (held.kind === 'certificate') {
    const type = held.source.replace(/^certificate:/, '');
    return {
      register: 'certificates',
      field: 'certificateTypes',
      holds: (v) => Array.isArray(v) && v.includes(type),
    };
  }
  if (held.source === 'register:population' && !/^(申请人|本人)?居民身份证$/.test(material.nameZh))
    return undefined;
  return REGISTER_PROBES[held.source];
}
