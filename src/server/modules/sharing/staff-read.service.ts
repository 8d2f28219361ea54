// A caseworker reads a register for an application they handle: the consumer is their staff
// post (department + role, scoped to their office's district), the purpose is required, and
// the read shows up in the person's (or enterprise's) 用数记录 with the office's name.
import type { Principal } from '../../platform/auth/access.ts';
import { AppError } from '../../platform/errors.ts';
import { CASEWORK_ROLES } from '../identity/people.service.ts';
import type { RegisterCode } from '../registers/register-adapter.ts';
import { sharingGateway, type GatewayDeps } from './gateway.ts';
import type { SubjectRef } from './subjects.ts';

export interface StaffReadInput {
  subject: SubjectRef;
  register: RegisterCode;
  fields: string[];
  purpose: string;
  applicationId?: string;
  /** The office the caller acts for, when they hold posts in several. */
  officeId?: string;
}

export async function staffReadRegister(
  deps: GatewayDeps,
  principal: Principal,
  input: StaffReadInput,
  requestId: string,
): Promise<Record<string, unknown>> {
  const post = principal.staff.find(
    (s) => CASEWORK_ROLES.includes(s.role) && (!input.officeId || s.officeId === input.officeId),
  );
  if (!post) throw new AppError('AUTH_FORBIDDEN');
  if (input.purpose.trim().length < 2) throw new AppError('PURPOSE_REQUIRED');
  return sharingGateway(deps).read({
    consumer: {
      kind: 'staff_role',
      officeId: post.officeId,
      departmentCode: post.departmentCode,
      role: post.role,
      districtCode: post.districtCode,
    },
    subject: input.subject,
    register: input.register,
    fields: input.fields,
    purpose: input.purpose.trim(),
    applicationId: input.applicationId,
    actor: { userId: principal.userId, name: principal.displayName, officeId: post.officeId },
    requestId,
  });
}
