import type { StaffRole, UserKind } from '../../modules/identity/identity.tables.ts';

/** The signed-in caller, resolved from the session cookie on every request. */
export interface Principal {
  userId: string;
  username: string;
  kind: UserKind;
  displayName: string;
  personId: string | null;
  isAdmin: boolean;
  staff: StaffAssignment[];
  sessionId: string;
  csrfToken: string;
}

export interface StaffAssignment {
  officeId: string;
  departmentCode: string;
  districtCode: string | null;
  streetCode: string | null;
  role: StaffRole;
}

/**
 * Who may call a route. The rule is checked before the handler runs; the ownership half
 * ("own data", "member of enterprise X", "office in district Y") is checked as the first line
 * of the module's service function, where the data is at hand.
 */
export type Access =
  | { kind: 'public' }
  | { kind: 'signedIn' }
  | { kind: 'resident' }
  | { kind: 'staff'; roles?: readonly StaffRole[] }
  | { kind: 'admin' }
  | { kind: 'anyOf'; rules: readonly Access[] };

export const access = {
  public: { kind: 'public' } as Access,
  signedIn: { kind: 'signedIn' } as Access,
  resident: { kind: 'resident' } as Access,
  admin: { kind: 'admin' } as Access,
  staff: (...roles: StaffRole[]): Access => ({ kind: 'staff', ...(roles.length ? { roles } : {}) }),
  anyOf: (...rules: Access[]): Access => ({ kind: 'anyOf', rules }),
};

/** True when the principal satisfies the rule (ownership aside). */
export function isAllowed(rule: Access, principal: Principal | null): boolean {
  switch (rule.kind) {
    case 'public':
      return true;
    case 'signedIn':
      return principal !== null;
    case 'resident':
      return principal !== null && principal.kind === 'resident' && principal.personId !== null;
    case 'staff':
      return (
        principal !== null &&
        principal.staff.some((assignment) => !rule.roles || rule.roles.includes(assignment.role))
      );
    case 'admin':
      return principal?.isAdmin === true;
    case 'anyOf':
      return rule.rules.some((inner) => isAllowed(inner, principal));
  }
}

/** A compact, machine-readable form of the rule, published in OpenAPI as `x-access`. */
export function describeAccess(rule: Access): string {
  switch (rule.kind) {
    case 'staff':
      return rule.roles ? `staff:${rule.roles.join('|')}` : 'staff';
    case 'anyOf':
      return rule.rules.map(describeAccess).join(' or ');
    default:
      return rule.kind;
  }
}
