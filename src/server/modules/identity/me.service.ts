import type { Principal } from '../../platform/auth/access.ts';
import { nowIso, type Db } from '../../platform/db/database.ts';
import { listOffices } from '../reference/reference.service.ts';
import { maskIdNumber, maskPhone } from '../../../contracts/id-number.ts';
import type { EnterpriseRole, StaffRole, UserKind } from './identity.tables.ts';

export interface MeView {
  user: { id: string; username: string; kind: UserKind; displayName: string };
  person: {
    id: string;
    name: string;
    idNumberMasked: string;
    phoneMasked: string | null;
    districtCode: string | null;
    districtName: string | null;
    districtNameEn: string | null;
    streetName: string | null;
    streetNameEn: string | null;
    address: string | null;
    verifiedAt: string | null;
  } | null;
  enterprises: { id: string; name: string; uscc: string; role: EnterpriseRole; expiresAt: string | null }[];
  staff: {
    officeId: string;
    officeName: string;
    officeNameEn: string;
    departmentCode: string;
    departmentName: string;
    departmentNameEn: string;
    districtName: string | null;
    districtNameEn: string | null;
    streetName: string | null;
    streetNameEn: string | null;
    role: StaffRole;
  }[];
  isAdmin: boolean;
  csrfToken: string;
}

/** Everything the "我的" page shows about the signed-in user; the caller's own data only. */
export async function getMe(db: Db, principal: Principal): Promise<MeView> {
  const person = principal.personId
    ? await db
        .selectFrom('people as p')
        .leftJoin('districts as d', 'd.code', 'p.districtCode')
        .leftJoin('streets as s', 's.code', 'p.streetCode')
        .select([
          'p.id',
          'p.name',
          'p.idNumber',
          'p.phone',
          'p.districtCode',
          'p.address',
          'p.verifiedAt',
          'd.nameZh as districtName',
          'd.nameEn as districtNameEn',
          's.nameZh as streetName',
          's.nameEn as streetNameEn',
        ])
        .where('p.id', '=', principal.personId)
        .executeTakeFirst()
    : undefined;
  const enterprises = principal.personId ? await activeEnterpriseLinks(db, principal.personId) : [];
  const offices = await listOffices(db, { ids: [...new Set(principal.staff.map((s) => s.officeId))] });
  return {
    user: {
      id: principal.userId,
      username: principal.username,
      kind: principal.kind,
      displayName: principal.displayName,
    },
    person: person
      ? {
          id: person.id,
          name: person.name,
          idNumberMasked: maskIdNumber(person.idNumber),
          phoneMasked: person.phone ? maskPhone(person.phone) : null,
          districtCode: person.districtCode,
          districtName: person.districtName,
          districtNameEn: person.districtNameEn,
          streetName: person.streetName,
          streetNameEn: person.streetNameEn,
          address: person.address,
          verifiedAt: person.verifiedAt,
        }
      : null,
    enterprises,
    staff: principal.staff.flatMap((assignment) => {
      const office = offices.find((o) => o.id === assignment.officeId);
      if (!office) return [];
      return [
        {
          officeId: office.id,
          officeName: office.nameZh,
          officeNameEn: office.nameEn,
          departmentCode: office.departmentCode,
          departmentName: office.departmentNameZh,
          departmentNameEn: office.departmentNameEn,
          districtName: office.districtNameZh,
          districtNameEn: office.districtNameEn,
          streetName: office.streetNameZh,
          streetNameEn: office.streetNameEn,
          role: assignment.role,
        },
      ];
    }),
    isAdmin: principal.isAdmin,
    csrfToken: principal.csrfToken,
  };
}

/** The enterprises a person may act for right now: links not revoked and not expired. */
export async function activeEnterpriseLinks(db: Db, personId: string) {
  const now = nowIso();
  return db
    .selectFrom('enterpriseLinks as l')
    .innerJoin('enterprises as e', 'e.id', 'l.enterpriseId')
    .select(['e.id', 'e.name', 'e.uscc', 'l.role', 'l.expiresAt'])
    .where('l.personId', '=', personId)
    .where('l.revokedAt', 'is', null)
    .where('l.validFrom', '<=', now)
    .where((eb) => eb.or([eb('l.expiresAt', 'is', null), eb('l.expiresAt', '>', now)]))
    .orderBy('e.name')
    .execute();
}
