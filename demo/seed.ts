// The demo city: Shanghai's districts, streets, departments and offices, an invented
// population register, demo enterprises and the demo accounts of CONTRACT.md.
// Running it again changes nothing that is already there.
import { uuidv7 } from 'uuidv7';
import { makeUscc } from '../src/contracts/id-number.ts';
import { hashPassword } from '../src/server/platform/auth/passwords.ts';
import { appendAudit } from '../src/server/platform/audit/audit.ts';
import { nowIso, type Db } from '../src/server/platform/db/database.ts';
import type { StaffRole } from '../src/server/modules/identity/identity.tables.ts';
import type { OfficeTable } from '../src/server/modules/reference/reference.tables.ts';
import {
  fillMissingOfficeContacts,
  findOfficeByCode,
  upsertReferenceData,
} from '../src/server/modules/reference/reference.service.ts';
import { upsertPopulationRecords } from '../src/server/modules/registers/registers.service.ts';
import { DEMO_DEPARTMENTS } from './departments.ts';
import { DEMO_BUNDLES, DEMO_SERVICES } from './catalog/index.ts';
import { seedCatalog } from '../src/server/modules/catalog/catalog-seed.ts';
import { seedFacilities } from '../src/server/modules/facilities/facilities-seed.ts';
import { seedSharing } from '../src/server/modules/sharing/sharing-seed.ts';
import { seedOpenApp } from '../src/server/modules/open-platform/open-platform-seed.ts';
import { DEMO_PARTNER_APP, DEMO_PARTNER_CLIENT_SECRET } from './open-platform/demo-partner.ts';
import {
  DEMO_PARTNER_WEBHOOK_PATH,
  DEMO_PARTNER_WEBHOOK_SECRET,
} from './open-platform/demo-partner-webhook.ts';
import { seedWebhookSubscription } from '../src/server/modules/open-platform/webhooks/webhooks-seed.ts';
import { DEMO_SHARING_APPS, demoSharingRules } from './registers/sharing-rules.ts';
import { demoFacilities } from './facilities.ts';
import { seedDemoFacilityUsage } from './facilities-usage.ts';
import { seedDemoNotifications } from '../src/server/modules/notifications/notifications-demo.ts';
import { demoOfficeContact } from './office-contacts.ts';
import { demoPopulation, NAMED_RESIDENTS } from './population.ts';
import { SHANGHAI_DISTRICTS, demoStreets } from './shanghai-geography.ts';
import { seedDemoCertificates } from './certificates.ts';
import { seedDemoDesk } from './desk.ts';
import { seedDemoDeskRooms } from './desk-rooms.ts';
import { seedDemoInvest } from './desk-invest.ts';
import type { CertificateSigner } from '../src/server/modules/certificates/certificate-signing.ts';

export const DEMO_PASSWORD = 'Demo#2026';

/**
 * Offices: one per district-level department and district, one per city body, one per street;
 * each with an invented address (in the district's or street's service centre), phone and hours.
 */
export function demoOffices(createdAt: string): OfficeTable[] {
  const offices: OfficeTable[] = [];
  for (const department of DEMO_DEPARTMENTS) {
    if (department.level === 'city') {
      offices.push({
        id: uuidv7(),
        code: `${department.code}-city`,
        departmentCode: department.code,
        districtCode: null,
        streetCode: null,
        nameZh: department.shortZh,
        nameEn: department.shortEn,
        ...demoOfficeContact(`${department.code}-city`, { kind: 'city' }),
        createdAt,
      });
    } else if (department.level === 'district') {
      for (const district of SHANGHAI_DISTRICTS) {
        offices.push({
          id: uuidv7(),
          code: `${department.code}-${district.code}`,
          departmentCode: department.code,
          districtCode: district.code,
          streetCode: null,
          nameZh: `${district.nameZh}${department.shortZh}`,
          nameEn: `${district.nameEn} ${department.shortEn}`,
          ...demoOfficeContact(`${department.code}-${district.code}`, {
            kind: 'district',
            districtCode: district.code,
          }),
          createdAt,
        });
      }
    } else {
      for (const street of demoStreets()) {
        offices.push({
          id: uuidv7(),
          code: `${department.code}-${street.code}`,
          departmentCode: department.code,
          districtCode: street.districtCode,
          streetCode: street.code,
          nameZh: `${street.nameZh}${department.shortZh}`,
          nameEn: `${street.nameEn} ${department.shortEn}`,
          ...demoOfficeContact(`${department.code}-${street.code}`, { kind: 'street', street }),
          createdAt,
        });
      }
    }
  }
  return offices;
}

interface DemoAccount {
  username: string;
  kind: 'resident' | 'staff' | 'admin';
  displayName: string;
  residentKey?: string;
  staff?: { officeCode: string; role: StaffRole }[];
}

const JIAXING_ROAD = '310109004';

export const DEMO_ACCOUNTS: DemoAccount[] = [
  { username: 'demo-resident', kind: 'resident', displayName: '张三', residentKey: 'zhangsan' },
  { username: 'demo-resident2', kind: 'resident', displayName: '李四', residentKey: 'lisi' },
  { username: 'demo-enterprise', kind: 'resident', displayName: '赵敏', residentKey: 'zhaomin' },
  { username: 'demo-legal-rep', kind: 'resident', displayName: '王芳', residentKey: 'wangfang' },
  {
    username: 'demo-clerk',
    kind: 'staff',
    displayName: '周晓燕（窗口受理）',
    staff: [{ officeCode: 'samr-310109', role: 'window_clerk' }],
  },
  {
    username: 'demo-reviewer',
    kind: 'staff',
    displayName: '孙建国（审查）',
    staff: [{ officeCode: 'samr-310109', role: 'reviewer' }],
  },
  {
    username: 'demo-approver',
    kind: 'staff',
    displayName: '钱振华（审批）',
    staff: [{ officeCode: 'samr-310109', role: 'approver' }],
  },
  {
    username: 'demo-office-admin',
    kind: 'staff',
    displayName: '吴慧敏（部门管理员）',
    staff: [{ officeCode: 'samr-310109', role: 'office_admin' }],
  },
  // The other departments of 开办餐饮店一件事 in 虹口, one officer each who reviews and decides
  // (a small office; in a real one these are two people).
  ...(
    [
      ['demo-fire', '林志强（消防审查/审批）', 'fire'],
      ['demo-water', '何静（水务审查/审批）', 'water'],
      ['demo-tax', '高磊（税务审查/审批）', 'tax'],
      ['demo-housing', '罗晨（住建审查/审批）', 'housing-construction'],
    ] as const
  ).map(([username, displayName, department]) => ({
    username,
    kind: 'staff' as const,
    displayName,
    staff: [
      { officeCode: `${department}-310109`, role: 'reviewer' as const },
      { officeCode: `${department}-310109`, role: 'approver' as const },
      { officeCode: `${department}-310109`, role: 'window_clerk' as const },
    ],
  })),
  {
    username: 'demo-clerk-pudong',
    kind: 'staff',
    displayName: '郑思远（窗口受理）',
    staff: [{ officeCode: 'samr-310115', role: 'window_clerk' }],
  },
  {
    username: 'demo-manager',
    kind: 'staff',
    displayName: '冯俊杰（店小二）',
    staff: [{ officeCode: 'commerce-310109', role: 'service_manager' }],
  },
  {
    // The head of 虹口区商务委's service managers: requests that miss their targets escalate here.
    username: 'demo-desk-head',
    kind: 'staff',
    displayName: '蒋丽华（店小二负责人）',
    staff: [{ officeCode: 'commerce-310109', role: 'office_admin' }],
  },
  {
    username: 'demo-operator',
    kind: 'staff',
    displayName: '褚美玲（驿站运营）',
    staff: [{ officeCode: `street-office-${JIAXING_ROAD}`, role: 'operator' }],
  },
  { username: 'demo-admin', kind: 'admin', displayName: '平台管理员' },
];

export interface DemoEnterprise {
  key: string;
  name: string;
  districtCode: string;
  address: string;
  body9: string;
  legalRepKey: string;
  agents: { residentKey: string; validDays: number }[];
  /** The street or town of the registered address (住所). */
  streetCode?: string;
}

export const DEMO_ENTERPRISES: DemoEnterprise[] = [
  {
    key: 'canteen',
    name: '上海虹通示范餐饮管理有限公司（演示）',
    districtCode: '310109',
    address: '上海市虹口区嘉兴路街道海宁路358号2楼',
    body9: 'MA1HK0001',
    legalRepKey: 'wangfang',
    agents: [{ residentKey: 'zhaomin', validDays: 365 }],
    streetCode: '310109004',
  },
  {
    key: 'tech',
    name: '上海曲阳数智科技有限公司（演示）',
    districtCode: '310109',
    address: '上海市虹口区曲阳路街道中山北路1759号A座8楼',
    body9: 'MA1HK0002',
    legalRepKey: 'chenjing',
    agents: [],
    streetCode: '310109002',
  },
  // The enterprise desk's demo register: enough enterprises of 虹口 for policies to match some
  // and not others, and for the "enterprises retained" figure (demo/registers/enterprise.ts).
  ...(
    [
      [
        'robot',
        '上海北外滩机器人科技有限公司（演示）',
        '上海市虹口区北外滩街道东大名路1089号12楼',
        'MA1HK0003',
        '310109007',
      ],
      [
        'logistics',
        '上海嘉兴路物流有限公司（演示）',
        '上海市虹口区北外滩街道公平路180号3楼',
        'MA1HK0004',
        '310109007',
      ],
      [
        'medical',
        '上海广中医疗器械有限公司（演示）',
        '上海市虹口区广中路街道广中路657号5楼',
        'MA1HK0005',
        '310109003',
      ],
      [
        'trading',
        '上海凉城商贸有限公司（演示）',
        '上海市虹口区凉城新村街道凉城路1109号',
        'MA1HK0006',
        '310109005',
      ],
      [
        'software',
        '上海四川北路软件科技有限公司（演示）',
        '上海市虹口区四川北路街道四川北路1350号9楼',
        'MA1HK0007',
        '310109006',
      ],
      [
        'catering',
        '上海江湾餐饮有限公司（演示）',
        '上海市虹口区江湾镇街道纪念路318号',
        'MA1HK0008',
        '310109008',
      ],
    ] as const
  ).map(([key, name, address, body9, streetCode], index) => ({
    key,
    name,
    districtCode: '310109',
    address,
    body9,
    legalRepKey: index % 2 === 0 ? 'chenjing' : 'liuqiang',
    agents: [],
    streetCode,
  })),
];

export function demoUscc(enterprise: DemoEnterprise): string {
  return makeUscc('91', enterprise.districtCode, enterprise.body9);
}

export interface SeedReport {
  created: boolean;
  accounts: number;
  people: number;
  offices: number;
}

/**
 * Loads the demo city. Idempotent: on a database that already has it, nothing changes. With a
 * signer, the demo people and enterprises also hold a few signed certificates.
 */
export async function seedDemo(
  db: Db,
  options: { signer?: CertificateSigner; partnerRedirectUris?: string[] } = {},
): Promise<SeedReport> {
  const already = await db
    .selectFrom('users')
    .select('id')
    .where('username', '=', 'demo-admin')
    .executeTakeFirst();
  const createdAt = nowIso();
  const offices = demoOffices(createdAt);
  await upsertReferenceData(db, {
    districts: SHANGHAI_DISTRICTS.map((d, index) => ({
      code: d.code,
      nameZh: d.nameZh,
      nameEn: d.nameEn,
      sortOrder: index + 1,
    })),
    streets: demoStreets(),
    departments: DEMO_DEPARTMENTS.map(({ code, nameZh, nameEn, level }) => ({ code, nameZh, nameEn, level })),
    offices,
  });
  // Demo databases made before offices had contact details get them too; set ones are kept.
  await fillMissingOfficeContacts(db, offices);
  const population = demoPopulation();
  await upsertPopulationRecords(db, population.records);
  // New demo services of a later release reach an existing demo database too (idempotent by code).
  await seedCatalog(db, { services: DEMO_SERVICES, bundles: DEMO_BUNDLES });
  await seedFacilities(db, demoFacilities());
  await seedDemoFacilityUsage(db);
  await seedSharing(db, demoSharingRules(DEMO_SERVICES, DEMO_BUNDLES), DEMO_SHARING_APPS);
  // The demo partner app (examples/partner-app), approved, with its demo-only secret.
  await seedOpenApp(db, {
    ...DEMO_PARTNER_APP,
    redirectUris: options.partnerRedirectUris ?? ['http://localhost:4000/callback'],
    clientSecret: DEMO_PARTNER_CLIENT_SECRET,
  });
  // Its webhook, on the origin of its (first) redirect URI, with the demo-only signing secret.
  await seedWebhookSubscription(db, {
    appId: DEMO_PARTNER_APP.id,
    url: new URL(
      DEMO_PARTNER_WEBHOOK_PATH,
      options.partnerRedirectUris?.[0] ?? 'http://localhost:4000/',
    ).toString(),
    events: ['application.status_changed', 'bill.issued', 'payment.settled'],
    secret: DEMO_PARTNER_WEBHOOK_SECRET,
  });
  if (already) {
    await seedDemoDesk(db, DEMO_ENTERPRISES.map(demoUscc));
    await seedDemoDeskRooms(db, DEMO_PASSWORD, population.idNumbers.liuqiang!);
    await seedDemoInvest(db);
    if (options.signer)
      await seedDemoCertificates(db, options.signer, { canteenUscc: demoUscc(DEMO_ENTERPRISES[0]!) });
    return {
      created: false,
      accounts: DEMO_ACCOUNTS.length,
      people: population.records.length,
      offices: offices.length,
    };
  }

  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await db.transaction().execute(async (trx) => {
    const personIds: Record<string, string> = {};
    for (const resident of NAMED_RESIDENTS) {
      const idNumber = population.idNumbers[resident.key]!;
      const registerRecord = population.records.find((r) => r.idNumber === idNumber)!;
      const id = uuidv7();
      personIds[resident.key] = id;
      await trx
        .insertInto('people')
        .values({
          id,
          name: resident.name,
          idNumber,
          phone: `1380000${String(1000 + Object.keys(personIds).length).padStart(4, '0')}`,
          districtCode: registerRecord.districtCode,
          streetCode: registerRecord.streetCode,
          address: registerRecord.address,
          verifiedAt: createdAt,
          createdAt,
        })
        .execute();
    }
    for (const account of DEMO_ACCOUNTS) {
      const userId = uuidv7();
      await trx
        .insertInto('users')
        .values({
          id: userId,
          username: account.username,
          passwordHash,
          kind: account.kind,
          personId: account.residentKey ? personIds[account.residentKey]! : null,
          displayName: account.displayName,
          failedLoginCount: 0,
          lockedUntil: null,
          lastLoginAt: null,
          disabledAt: null,
          createdAt,
        })
        .execute();
      if (account.username === 'demo-resident') await seedDemoNotifications(trx, userId);
      for (const post of account.staff ?? []) {
        const office = await findOfficeByCode(trx, post.officeCode);
        if (!office) throw new Error(`demo office ${post.officeCode} is missing`);
        await trx
          .insertInto('staffRoles')
          .values({ id: uuidv7(), userId, officeId: office.id, role: post.role, createdAt })
          .execute();
      }
    }
    for (const enterprise of DEMO_ENTERPRISES) {
      const enterpriseId = uuidv7();
      await trx
        .insertInto('enterprises')
        .values({
          id: enterpriseId,
          name: enterprise.name,
          uscc: demoUscc(enterprise),
          legalRepPersonId: personIds[enterprise.legalRepKey]!,
          districtCode: enterprise.districtCode,
          streetCode: enterprise.streetCode ?? null,
          address: enterprise.address,
          createdAt,
        })
        .execute();
      const links = [
        { personKey: enterprise.legalRepKey, role: 'legal_rep' as const, expiresAt: null },
        ...enterprise.agents.map((agent) => ({
          personKey: agent.residentKey,
          role: 'agent' as const,
          expiresAt: new Date(Date.now() + agent.validDays * 86_400_000).toISOString(),
        })),
      ];
      for (const link of links) {
        await trx
          .insertInto('enterpriseLinks')
          .values({
            id: uuidv7(),
            enterpriseId,
            personId: personIds[link.personKey]!,
            role: link.role,
            validFrom: createdAt,
            expiresAt: link.expiresAt,
            grantedByUserId: null,
            revokedAt: null,
            createdAt,
          })
          .execute();
      }
    }
    await appendAudit(trx, { actor: null, action: 'demo.seed', details: { accounts: DEMO_ACCOUNTS.length } });
  });
  await seedDemoDesk(db, DEMO_ENTERPRISES.map(demoUscc));
  await seedDemoDeskRooms(db, DEMO_PASSWORD, population.idNumbers.liuqiang!);
  await seedDemoInvest(db);
  if (options.signer)
    await seedDemoCertificates(db, options.signer, { canteenUscc: demoUscc(DEMO_ENTERPRISES[0]!) });
  return {
    created: true,
    accounts: DEMO_ACCOUNTS.length,
    people: population.records.length,
    offices: offices.length,
  };
}
