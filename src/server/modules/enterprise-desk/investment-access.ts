// Who sees the investment pipeline: the service managers and office admins of a district (their
// posts' district) and platform admins (every district). Enterprises never do: the routes admit
// staff and admins only, and these checks come first in every service function.
import type { Principal } from '../../platform/auth/access.ts';
import { AppError } from '../../platform/errors.ts';

const INVESTMENT_ROLES = new Set(['service_manager', 'office_admin']);

/** The districts whose pipeline the caller works with; `all` for platform admins. */
export function investmentDistricts(principal: Principal): 'all' | Set<string> {
  if (principal.isAdmin) return 'all';
  return new Set(
    principal.staff.flatMap((post) =>
      INVESTMENT_ROLES.has(post.role) && post.districtCode ? [post.districtCode] : [],
    ),
  );
}

export function canSeeDistrict(principal: Principal, districtCode: string): boolean {
  const districts = investmentDistricts(principal);
  return districts === 'all' || districts.has(districtCode);
}

/** Refuses (AUTH_FORBIDDEN) a caller who does not serve the district. */
export function assertDistrict(principal: Principal, districtCode: string): void {
  if (!canSeeDistrict(principal, districtCode)) throw new AppError('AUTH_FORBIDDEN');
}
