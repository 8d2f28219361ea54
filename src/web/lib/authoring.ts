// Who may author the catalogue: office admins for their department's services, platform
// admins for everything (and alone for bundles, which span departments).
import type { Department } from '../api/catalog-types.ts';
import type { Me } from '../api/types.ts';

export function isPlatformAdmin(me: Me): boolean {
  return me.isAdmin;
}

export function canAuthor(me: Me): boolean {
  return me.isAdmin || me.staff.some((post) => post.role === 'office_admin');
}

/** The departments a user may author services for: every one for platform admins. */
export function authorDepartments(me: Me, departments: Department[]): Department[] {
  if (me.isAdmin) return departments;
  const codes = new Set(
    me.staff.filter((post) => post.role === 'office_admin').map((post) => post.departmentCode),
  );
  return departments.filter((department) => codes.has(department.code));
}
