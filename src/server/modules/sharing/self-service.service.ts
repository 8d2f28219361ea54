// Self-service queries (社保缴费记录, 公积金, 医保, 违法记录, 水电燃气户号): the person reads their own
// records through the gateway under their own right of access; each read is an access record.
import type { Principal } from '../../platform/auth/access.ts';
import { AppError } from '../../platform/errors.ts';
import type { RegisterCode } from '../registers/register-adapter.ts';
import { sharingGateway, type GatewayDeps } from './gateway.ts';

export const SELF_SERVICE_REGISTERS = {
  'social-insurance': 'social_insurance',
  'housing-fund': 'housing_fund',
  'medical-insurance': 'medical_insurance',
  vehicles: 'vehicles',
  utilities: 'utilities',
} as const satisfies Record<string, RegisterCode>;

export type SelfServiceSlug = keyof typeof SELF_SERVICE_REGISTERS;

/** What each query shows (the whole record minus the derived prefill shortcuts). */
const QUERY_FIELDS: Record<SelfServiceSlug, string[]> = {
  'social-insurance': [
    'status',
    'employerName',
    'contributionBaseFen',
    'firstInsuredMonth',
    'contributionMonths',
    'contributionYears',
    'monthlyPensionFen',
    'contributions',
  ],
  'housing-fund': ['status', 'accountNumber', 'employerName', 'monthlyDepositFen', 'balanceFen', 'movements'],
  'medical-insurance': [
    'status',
    'category',
    'personalAccountBalanceFen',
    'designatedHospital',
    'settlements',
  ],
  vehicles: ['drivingLicence', 'vehicles', 'violations'],
  utilities: ['accounts'],
};

export interface SelfServiceResult {
  register: string;
  nameZh: string;
  nameEn: string;
  data: Record<string, unknown>;
}

const PURPOSE: Record<SelfServiceSlug, string> = {
  'social-insurance': '本人查询社保缴费记录',
  'housing-fund': '本人查询公积金余额与明细',
  'medical-insurance': '本人查询医保信息',
  vehicles: '本人查询机动车和交通违法记录',
  utilities: '本人查询水电燃气户号',
};

/** The signed-in resident's own record in one register. */
export async function readOwnRecord(
  deps: GatewayDeps,
  principal: Principal,
  slug: SelfServiceSlug,
  requestId: string,
): Promise<SelfServiceResult> {
  if (!principal.personId) throw new AppError('AUTH_FORBIDDEN');
  const register = SELF_SERVICE_REGISTERS[slug];
  const adapter = deps.registers.get(register);
  const data = await sharingGateway(deps).read({
    consumer: { kind: 'data_subject', personId: principal.personId },
    subject: { personId: principal.personId },
    register,
    fields: QUERY_FIELDS[slug],
    purpose: PURPOSE[slug],
    actor: { userId: principal.userId, name: principal.displayName },
    requestId,
  });
  return { register, nameZh: adapter.nameZh, nameEn: adapter.nameEn, data };
}
