// The desk's coordination rooms and project landing in the demo city (invented, and saying so):
// demo-contractor (刘强 of an invented construction company) who may see only the room he was
// invited to; the canteen company's new central kitchen as a project with milestones (one of them
// late) and its room with the enterprise, the contractor, the street office and the district fire
// department; and a second room of the tech company the contractor is not in. Idempotent.
import { uuidv7 } from 'uuidv7';
import { hashPassword } from '../src/server/platform/auth/passwords.ts';
import { shanghaiDate } from '../src/server/platform/calendar/working-days.ts';
import { nowIso, type Db } from '../src/server/platform/db/database.ts';
import { seedProject, seedRoom } from '../src/server/modules/enterprise-desk/rooms.seed.ts';

export const DEMO_CONTRACTOR = 'demo-contractor';
const CONTRACTOR_COMPANY = '上海虹建建设工程有限公司（演示）';
const CANTEEN = '上海虹通示范餐饮管理有限公司（演示）';
const TECH = '上海曲阳数智科技有限公司（演示）';

const day = (offset: number) => shanghaiDate(new Date(Date.now() + offset * 86_400_000));

/** demo-contractor: 刘强 (a named demo resident), working for an invented contractor. */
async function ensureContractor(
  db: Db,
  password: string,
  contractorIdNumber: string,
): Promise<string | undefined> {
  const existing = await db
    .selectFrom('users')
    .select('id')
    .where('username', '=', DEMO_CONTRACTOR)
    .executeTakeFirst();
  if (existing) return existing.id;
  const person = await db
    .selectFrom('people')
    .select('id')
    .where('idNumber', '=', contractorIdNumber)
    .executeTakeFirst();
  if (!person) return undefined;
  const id = uuidv7();
  await db
    .insertInto('users')
    .values({
      id,
      username: DEMO_CONTRACTOR,
      passwordHash: await hashPassword(password),
      kind: 'resident',
      personId: person.id,
      displayName: '刘强（承建商）',
      failedLoginCount: 0,
      lockedUntil: null,
      lastLoginAt: null,
      disabledAt: null,
      createdAt: nowIso(),
    })
    .execute();
  return id;
}

/** Loads the demo project, rooms and contractor account; changes nothing already there. */
export async function seedDemoDeskRooms(db: Db, password: string, contractorIdNumber: string): Promise<void> {
  const contractorId = await ensureContractor(db, password, contractorIdNumber);
  const users = new Map(
    (
      await db
        .selectFrom('users')
        .select(['id', 'username'])
        .where('username', 'in', [
          'demo-manager',
          'demo-enterprise',
          'demo-operator',
          'demo-fire',
          'demo-housing',
        ])
        .execute()
    ).map((u) => [u.username, u.id]),
  );
  const enterprises = new Map(
    (
      await db.selectFrom('enterprises').select(['id', 'name']).where('name', 'in', [CANTEEN, TECH]).execute()
    ).map((e) => [e.name, e.id]),
  );
  const manager = users.get('demo-manager');
  const canteen = enterprises.get(CANTEEN);
  const tech = enterprises.get(TECH);
  if (!manager || !canteen || !tech || !contractorId) return;
  const agent = users.get('demo-enterprise')!;
  const operator = users.get('demo-operator')!;
  const fire = users.get('demo-fire')!;
  const housing = users.get('demo-housing')!;
  const office = '虹口区商务委员会';

  await seedProject(db, {
    enterpriseId: canteen,
    name: '虹通中央厨房新建项目（演示）',
    description: '在嘉兴路街道新建约 3,200 平方米的中央厨房，为区内 12 家门店统一配送。',
    siteAddress: '上海市虹口区嘉兴路街道周家嘴路 998 号（演示）',
    createdByUserId: manager,
    milestones: [
      { kind: 'land', plannedDate: day(-120), actualDate: day(-122), note: '租赁合同已签订' },
      { kind: 'planning_permit', plannedDate: day(-60), actualDate: day(-52), note: '' },
      { kind: 'construction_permit', plannedDate: day(-10), actualDate: null, note: '施工图审查意见待回复' },
      { kind: 'fire_inspection', plannedDate: day(45), actualDate: null, note: '' },
      { kind: 'completion_acceptance', plannedDate: day(75), actualDate: null, note: '' },
      { kind: 'opening', plannedDate: day(100), actualDate: null, note: '' },
    ],
    room: {
      title: '虹通中央厨房项目协调群（演示）',
      description: '企业、承建商、街道、消防与住建部门共同推进中央厨房落地。',
      ownerUserId: manager,
      ownerOrganisation: office,
      members: [
        { userId: agent, organisationKind: 'enterprise', organisationName: CANTEEN },
        { userId: contractorId, organisationKind: 'contractor', organisationName: CONTRACTOR_COMPANY },
        { userId: operator, organisationKind: 'street_office', organisationName: '嘉兴路街道办事处' },
        { userId: fire, organisationKind: 'department', organisationName: '虹口区消防救援支队' },
        { userId: housing, organisationKind: 'department', organisationName: '虹口区建设管理委员会' },
      ],
      tasks: [
        { title: '回复施工图审查意见', ownerUserId: contractorId, dueDate: day(1) },
        { title: '提交施工许可申请材料', ownerUserId: agent, dueDate: day(3) },
        { title: '消防设计预审沟通', ownerUserId: fire, dueDate: day(7) },
      ],
      checklist: [
        { label: '建设工程规划许可证', step: '施工许可', isDone: true },
        { label: '施工图审查合格书', step: '施工许可', isDone: false },
        { label: '施工合同', step: '施工许可', isDone: false },
        { label: '消防设计文件', step: '消防验收', isDone: false },
      ],
      messages: [
        {
          authorUserId: manager,
          body: '各位好，本群用于协调中央厨房项目，施工许可是当前节点，请按材料清单准备。',
        },
        { authorUserId: contractorId, body: '施工图审查意见已收到，明天回复。' },
      ],
    },
  });

  await seedRoom(db, tech, {
    title: '曲阳数智研发中心扩租协调群（演示）',
    description: '研发中心扩租至 A 座 9 楼：物业、街道与企业协调装修与入驻。',
    ownerUserId: manager,
    ownerOrganisation: office,
    members: [{ userId: operator, organisationKind: 'street_office', organisationName: '曲阳路街道办事处' }],
    tasks: [{ title: '确认装修备案所需材料', ownerUserId: operator, dueDate: day(5) }],
    checklist: [{ label: '租赁合同', step: '装修备案', isDone: false }],
    messages: [],
  });
}
