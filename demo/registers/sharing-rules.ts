// The demo city's sharing catalogue (共享目录): a rule for every demo service form (and bundle
// form) naming the register fields its prefill map and its held materials read, the casework
// posts' rules, and two invented third-party apps. Loaded once by the demo seed; edited later
// by platform admins through /admin/sharing.
import type { BundleDefinition, ServiceDefinition } from '../../src/contracts/catalog.ts';
import { heldProbe } from '../../src/server/modules/sharing/held-material-sources.ts';
import type { SharingRuleSeed, SharingAppSeed } from '../../src/server/modules/sharing/sharing-seed.ts';

const PUBLIC_DATA_BASIS = '《上海市公共数据和一网通办管理办法》第三十条（共享使用）';

function formRules(
  entry: ServiceDefinition | BundleDefinition,
  materials: ServiceDefinition['materials'],
): SharingRuleSeed[] {
  const byRegister = new Map<string, Set<string>>();
  const add = (register: string, field: string) => {
    if (!byRegister.has(register)) byRegister.set(register, new Set());
    byRegister.get(register)!.add(field);
  };
  for (const source of Object.values(entry.form.ui.prefill ?? {})) {
    const [register, field] = source.split('.') as [string, string];
    add(register, field);
  }
  for (const material of materials) {
    const probe = heldProbe(material);
    if (probe) add(probe.register, probe.field);
  }
  const basis = 'legalBasisZh' in entry ? `${entry.legalBasisZh}；${PUBLIC_DATA_BASIS}` : PUBLIC_DATA_BASIS;
  return [...byRegister].map(([register, fields]) => ({
    ruleKey: `form:${entry.code}:${register}`,
    consumerKind: 'service_form' as const,
    consumerRef: entry.code,
    register,
    fields: [...fields].sort(),
    purposeZh: `办理「${entry.nameZh}」：预填表单、核验免于提交的材料`,
    purposeEn: `${entry.nameEn}: prefill the form and check materials held by government`,
    legalBasisZh: basis,
  }));
}

const CASEWORK = ['window_clerk', 'reviewer', 'approver'] as const;

function staffRules(): SharingRuleSeed[] {
  const rules: SharingRuleSeed[] = [];
  const byDepartment: [department: string, register: string, fields: string[], zh: string, en: string][] = [
    [
      '*',
      'population',
      ['name', 'idNumber', 'gender', 'birthDate', 'address', 'householdAddress'],
      '受理、审核、审批办件时核对申请人身份',
      'Check the applicant when handling an application',
    ],
    [
      'samr',
      'enterprise',
      [
        'name',
        'uscc',
        'address',
        'legalRepresentative',
        'companyType',
        'registeredCapitalWan',
        'industry',
        'businessScope',
        'registrationStatus',
      ],
      '市场主体登记和许可办件',
      'Enterprise registration and licensing',
    ],
    [
      'hrss',
      'social_insurance',
      [
        'status',
        'employerName',
        'contributionBaseFen',
        'firstInsuredMonth',
        'contributionMonths',
        'contributionYears',
        'contributions',
      ],
      '社会保险业务办件',
      'Social insurance cases',
    ],
    [
      'housing-fund',
      'housing_fund',
      ['status', 'accountNumber', 'employerName', 'monthlyDepositFen', 'balanceFen', 'movements'],
      '公积金提取、贷款办件',
      'Housing fund withdrawals and loans',
    ],
    [
      'medical-insurance',
      'medical_insurance',
      ['status', 'category', 'personalAccountBalanceFen', 'settlements'],
      '医保待遇办件',
      'Medical insurance benefit cases',
    ],
    [
      'police-traffic',
      'vehicles',
      ['drivingLicence', 'vehicles', 'violations'],
      '机动车和驾驶证业务办件',
      'Vehicle and driving licence cases',
    ],
  ];
  for (const [department, register, fields, zh, en] of byDepartment) {
    for (const role of CASEWORK) {
      rules.push({
        ruleKey: `staff:${department}:${role}:${register}`,
        consumerKind: 'staff_role',
        consumerRef: `${department}:${role}`,
        register,
        fields,
        purposeZh: zh,
        purposeEn: en,
        legalBasisZh: `${PUBLIC_DATA_BASIS}；《中华人民共和国个人信息保护法》第三十四条`,
      });
    }
  }
  return rules;
}

export const DEMO_SHARING_APPS: SharingAppSeed[] = [
  {
    id: 'demo-health-app',
    nameZh: '健康随申助手（演示）',
    nameEn: 'Health Helper (demo)',
    operatorZh: '上海示范健康科技有限公司（演示）',
  },
  {
    id: 'demo-rent-app',
    nameZh: '安居租房助手（演示）',
    nameEn: 'Rental Helper (demo)',
    operatorZh: '上海示范安居服务有限公司（演示）',
  },
];

function appRules(): SharingRuleSeed[] {
  const consentBasis = '《中华人民共和国个人信息保护法》第十三条第一款第（一）项（取得个人同意）';
  return [
    {
      ruleKey: 'app:demo-health-app:medical_insurance',
      consumerKind: 'third_party_app',
      consumerRef: 'demo-health-app',
      register: 'medical_insurance',
      fields: ['status', 'category', 'personalAccountBalanceFen', 'settlements'],
      purposeZh: '经本人授权，展示医保参保和结算信息',
      purposeEn: "Show the person's medical insurance, with their consent",
      legalBasisZh: consentBasis,
    },
    {
      ruleKey: 'app:demo-rent-app:housing_fund',
      consumerKind: 'third_party_app',
      consumerRef: 'demo-rent-app',
      register: 'housing_fund',
      fields: ['status', 'balanceFen', 'monthlyDepositFen'],
      purposeZh: '经本人授权，测算租房提取额度',
      purposeEn: 'Estimate rent withdrawals, with the person’s consent',
      legalBasisZh: consentBasis,
    },
  ];
}

/** Every demo sharing rule. */
export function demoSharingRules(
  services: ServiceDefinition[],
  bundles: BundleDefinition[],
): SharingRuleSeed[] {
  const byCode = new Map(services.map((s) => [s.code, s]));
  return [
    ...services.flatMap((service) => formRules(service, service.materials)),
    ...bundles.flatMap((bundle) =>
      formRules(
        bundle,
        bundle.memberCodes.flatMap((code) => byCode.get(code)?.materials ?? []),
      ),
    ),
    ...staffRules(),
    ...appRules(),
  ];
}
