// The enterprise workspace (/desk): for a member, the enterprise's register profile (read through
// the sharing gateway under the enterprise's own right of access), members and agents, its
// service manager, applications, requests and unread messages; for a manager, the enterprises
// they look after with open requests, the next target and unread messages.
import type { Principal } from '../../platform/auth/access.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { AppError } from '../../platform/errors.ts';
import { listEnterpriseApplications } from '../applications/enterprise-applications.ts';
import { getEnterpriseForMember, listEnterpriseMembers } from '../identity/enterprises.service.ts';
import { activeEnterpriseLinks } from '../identity/me.service.ts';
import { sharingGateway } from '../sharing/gateway.ts';
import { enterprisesOverseenBy, findManagerOf, presentManager } from './assignments.service.ts';
import { unreadCounts } from './messages.service.ts';
import { listDeskRequests, listMyRequests } from './requests-queries.ts';

/** The register fields the workspace shows. */
export const PROFILE_FIELDS = [
  'companyType',
  'registeredCapitalWan',
  'industry',
  'sizeClass',
  'employees',
  'establishedOn',
  'businessScope',
  'registrationStatus',
  'legalRepresentative',
] as const;

/** The enterprises the resident acts for (the workspace's picker); empty for anyone else. */
export async function listMyEnterprises(deps: AppDeps, principal: Principal) {
  if (!principal.personId) return [];
  const links = await activeEnterpriseLinks(deps.database.db, principal.personId);
  return links.map((l) => ({ id: l.id, name: l.name, uscc: l.uscc, role: l.role }));
}

/** One enterprise's workspace for a member of it. */
export async function getEnterpriseWorkspace(
  deps: AppDeps,
  principal: Principal,
  enterpriseId: string,
  requestId: string,
) {
  const { db } = deps.database;
  const enterprise = await getEnterpriseForMember(db, principal, enterpriseId);
  let profile: Record<string, unknown> | null = null;
  try {
    profile = await sharingGateway({ db, registers: deps.registers }).read({
      consumer: { kind: 'data_subject', personId: principal.personId!, enterpriseId },
      subject: { enterpriseId },
      register: 'enterprise',
      fields: [...PROFILE_FIELDS],
      purpose: '企业工作台查看本企业登记信息',
      actor: { userId: principal.userId, name: principal.displayName },
      requestId,
    });
  } catch (error) {
    // The page still works without the register; it says the profile could not be read.
    if (!(error instanceof AppError && error.code === 'REGISTER_UNAVAILABLE')) throw error;
  }
  const [members, manager, applications, requests, unread] = await Promise.all([
    listEnterpriseMembers(db, principal, enterpriseId),
    findManagerOf(db, enterpriseId),
    listEnterpriseApplications(db, enterpriseId, 10),
    listMyRequests(db, principal),
    unreadCounts(db, [enterpriseId], 'enterprise'),
  ]);
  return {
    enterprise,
    profile: profile ? pickProfile(profile) : null,
    members,
    manager: manager ? presentManager(manager) : null,
    applications,
    requests: requests.filter((r) => r.enterpriseId === enterpriseId),
    unreadMessages: unread.get(enterpriseId) ?? 0,
  };
}

function pickProfile(values: Record<string, unknown>) {
  const text = (key: string) => (typeof values[key] === 'string' ? (values[key] as string) : null);
  const number = (key: string) => (typeof values[key] === 'number' ? (values[key] as number) : null);
  return {
    companyType: text('companyType'),
    registeredCapitalWan: number('registeredCapitalWan'),
    industry: text('industry'),
    sizeClass: text('sizeClass'),
    employees: number('employees'),
    establishedOn: text('establishedOn'),
    businessScope: text('businessScope'),
    registrationStatus: text('registrationStatus'),
    legalRepresentative: text('legalRepresentative'),
  };
}

/** The manager's desk: each enterprise with its open requests, next target and unread messages. */
export async function getManagerWorkspace(deps: AppDeps, principal: Principal) {
  const { db } = deps.database;
  const [enterprises, requests] = await Promise.all([
    enterprisesOverseenBy(db, principal),
    listDeskRequests(db, principal, false),
  ]);
  const unread = await unreadCounts(
    db,
    enterprises.map((e) => e.enterpriseId),
    'manager',
  );
  const now = deps.clock.now().toISOString();
  return {
    enterprises: enterprises.map((e) => {
      const open = requests.filter((r) => r.enterpriseId === e.enterpriseId);
      const nextDue = open
        .map((r) => (r.firstRespondedAt ? r.resolutionDueAt : r.firstResponseDueAt))
        .sort()[0];
      return {
        enterpriseId: e.enterpriseId,
        enterpriseName: e.enterpriseName,
        relation: e.relation,
        openRequests: open.length,
        overdueRequests: open.filter((r) => r.isResolutionLate || r.isFirstResponseLate).length,
        nextDueAt: nextDue ?? null,
        unreadMessages: unread.get(e.enterpriseId) ?? 0,
      };
    }),
    requests,
    residentRequestsAwaiting: requests.filter((r) => r.enterpriseId === null && r.status === 'submitted')
      .length,
    now,
  };
}
