// The scopes a partner app may ask for, and the capability each one opens: the register fields
// read through the sharing gateway (with the resident's consent), or the module's data it
// reaches (applications, bills). The plain-language names live in the web catalogues
// (openPlatform.scopes.*); this is the machine side.
import type { RegisterCode } from '../registers/register-adapter.ts';

export interface ScopeDefinition {
  /** The register (基础库) the scope reads, and which of its fields. */
  register?: { code: RegisterCode; fields: string[]; purposeZh: string; purposeEn: string };
  /** True when the scope acts for a resident (needs a resident's sign-in and consent). */
  perResident: boolean;
}

export const OPEN_SCOPES = {
  openid: { perResident: true },
  profile: {
    perResident: true,
    register: {
      code: 'population',
      fields: ['name', 'gender', 'birthDate'],
      purposeZh: '经本人授权，向应用提供姓名、性别、出生日期',
      purposeEn: "Give the app the person's name, gender and date of birth, with their consent",
    },
  },
  social_insurance: {
    perResident: true,
    register: {
      code: 'social_insurance',
      fields: [
        'status',
        'employerName',
        'contributionBaseFen',
        'firstInsuredMonth',
        'contributionMonths',
        'contributionYears',
        'monthlyPensionFen',
        'contributions',
      ],
      purposeZh: '经本人授权，查询社保参保和缴费记录',
      purposeEn: "Show the person's social insurance record, with their consent",
    },
  },
  housing_fund: {
    perResident: true,
    register: {
      code: 'housing_fund',
      fields: ['status', 'accountNumber', 'employerName', 'monthlyDepositFen', 'balanceFen', 'movements'],
      purposeZh: '经本人授权，查询公积金余额与明细',
      purposeEn: "Show the person's housing fund balance and movements, with their consent",
    },
  },
  medical_insurance: {
    perResident: true,
    register: {
      code: 'medical_insurance',
      fields: ['status', 'category', 'personalAccountBalanceFen', 'designatedHospital', 'settlements'],
      purposeZh: '经本人授权，查询医保参保和结算信息',
      purposeEn: "Show the person's medical insurance and settlements, with their consent",
    },
  },
  vehicle_violations: {
    perResident: true,
    register: {
      code: 'vehicles',
      fields: ['drivingLicence', 'vehicles', 'violations'],
      purposeZh: '经本人授权，查询机动车和交通违法记录',
      purposeEn: "Show the person's vehicles and traffic violations, with their consent",
    },
  },
  bills_payments: {
    perResident: true,
    register: {
      code: 'utilities',
      fields: ['accounts'],
      purposeZh: '经本人授权，查询和缴纳账单（水电燃气、办件费用、交通罚款）',
      purposeEn: "Show and pay the person's bills (utilities, application fees, fines), with their consent",
    },
  },
  'applications.read': { perResident: true },
  'applications.submit': { perResident: true },
  /** The published service catalogue; no personal data, so also for client credentials. */
  'services.read': { perResident: false },
} as const satisfies Record<string, ScopeDefinition>;

export type OpenScope = keyof typeof OPEN_SCOPES;

export const ALL_SCOPES = Object.keys(OPEN_SCOPES) as OpenScope[];

/** Scopes an app may list when registering (openid is implied). */
export const REQUESTABLE_SCOPES = ALL_SCOPES.filter((s) => s !== 'openid');

/** Scopes an API token may carry (profile is also an OpenID Connect scope, for /userinfo). */
export const RESOURCE_SCOPES = ALL_SCOPES.filter((s) => s !== 'openid');

export const isOpenScope = (scope: string): scope is OpenScope => Object.hasOwn(OPEN_SCOPES, scope);

/** The register a scope reads, if it reads one. */
export function registerOfScope(scope: string): ScopeDefinition['register'] {
  return isOpenScope(scope) ? (OPEN_SCOPES[scope] as ScopeDefinition).register : undefined;
}
