// The enterprise desk's demo data: the demo enterprises are looked after by demo-manager
// (冯俊杰, service manager of 虹口区商务委), with demo-desk-head (the office's head) for escalation.
// Idempotent: an enterprise that already has a manager keeps it.
import type { Db } from '../src/server/platform/db/database.ts';
import { findOfficeByCode } from '../src/server/modules/reference/reference.service.ts';
import { seedAssignment } from '../src/server/modules/enterprise-desk/assignments.service.ts';

export const DEMO_DESK_OFFICE = 'commerce-310109';

/** Assigns every demo enterprise (by USCC) to demo-manager; returns how many were assigned now. */
export async function seedDemoDesk(db: Db, enterpriseUsccs: readonly string[]): Promise<number> {
  const office = await findOfficeByCode(db, DEMO_DESK_OFFICE);
  const users = await db
    .selectFrom('users')
    .select(['id', 'username'])
    .where('username', 'in', ['demo-manager', 'demo-desk-head'])
    .execute();
  const manager = users.find((u) => u.username === 'demo-manager');
  const head = users.find((u) => u.username === 'demo-desk-head');
  if (!office || !manager) return 0;
  const enterprises = await db
    .selectFrom('enterprises')
    .select(['id', 'districtCode', 'streetCode'])
    .where('uscc', 'in', [...enterpriseUsccs])
    .execute();
  let assigned = 0;
  for (const enterprise of enterprises) {
    const done = await seedAssignment(db, {
      enterpriseId: enterprise.id,
      managerUserId: manager.id,
      officeId: office.id,
      headUserId: head?.id ?? null,
      districtCode: enterprise.districtCode ?? office.districtCode ?? '310109',
      streetCode: enterprise.streetCode,
      contactPhone: '021-65010218',
      contactEmail: 'fengjunjie.demo@hongkou.example.cn',
      officeAddress: office.address,
    });
    if (done) assigned += 1;
  }
  return assigned;
}
