// Who a register read is about. The gateway needs the ID number (or USCC) the registers are
// keyed by, plus the few account facts the account and enterprise registers give out. This is
// read through identity's exported functions.
import type { Db } from '../../platform/db/database.ts';
import { AppError } from '../../platform/errors.ts';
import type { RegisterSubject } from '../registers/register-adapter.ts';
import {
  findEnterpriseIdentity,
  findPersonIdOfUser,
  findPersonIdentity,
} from '../identity/applicants.service.ts';

export type SubjectRef = { personId: string } | { enterpriseId: string };

export interface ResolvedSubject {
  register: RegisterSubject;
  districtCode: string | null;
}

export async function resolveSubject(db: Db, ref: SubjectRef): Promise<ResolvedSubject> {
  if ('personId' in ref) {
    const person = await findPersonIdentity(db, ref.personId);
    if (!person) throw new AppError('REGISTER_SUBJECT_NOT_FOUND');
    return {
      register: {
        kind: 'person',
        personId: person.id,
        idNumber: person.idNumber,
        name: person.name,
        mobile: person.phone,
      },
      districtCode: person.districtCode,
    };
  }
  const enterprise = await findEnterpriseIdentity(db, ref.enterpriseId);
  if (!enterprise) throw new AppError('REGISTER_SUBJECT_NOT_FOUND');
  return {
    register: {
      kind: 'enterprise',
      enterpriseId: enterprise.id,
      uscc: enterprise.uscc,
      name: enterprise.name,
      address: enterprise.address,
      legalRepName: enterprise.legalRepName,
      legalRepIdNumber: enterprise.legalRepIdNumber,
    },
    districtCode: enterprise.districtCode,
  };
}

/** The person a signed-in user is (their users row's person), for enterprise services' applicant fields. */
export function personOfUser(db: Db, userId: string): Promise<string | null> {
  return findPersonIdOfUser(db, userId);
}
