// The desk's coordination rooms and visits in the browser: demo-contractor (a contractor invited
// to the canteen's central-kitchen room) sees that room only and is turned away from another
// room's page; demo-manager plans a visit over the district's cap, is warned with the reason,
// and goes ahead only with a reason of his own, which the visit then shows. Axe on every page.
import { describe, expect, it } from 'vitest';
import { apiSession } from './support/api-session.ts';
import { signIn } from './support/browser.ts';
import { setUpJourney } from './support/journey.ts';

const journey = setUpJourney({ viewport: { width: 1280, height: 900 } });
const { freshPage, expectNoSeriousViolations } = journey;

const PROJECT_ROOM = '虹通中央厨房项目协调群（演示）';
const TECH_ROOM = '曲阳数智研发中心扩租协调群（演示）';
const CANTEEN = '上海虹通示范餐饮管理有限公司（演示）';

describe('enterprise desk rooms and visits', () => {
  it('a room member from a contractor sees only that room', async () => {
    const manager = await apiSession(journey.server.baseUrl, 'demo-manager');
    const rooms = (await (await manager.call('GET', '/api/v1/desk/rooms')).json()) as {
      items: { id: string; title: string }[];
    };
    const techRoom = rooms.items.find((room) => room.title === TECH_ROOM)!;

    const contractor = await freshPage();
    await signIn(contractor, 'demo-contractor');
    await contractor.goto('/desk/rooms');
    await contractor.getByRole('heading', { level: 1, name: '协调群' }).waitFor();
    await contractor.getByRole('link', { name: PROJECT_ROOM }).waitFor();
    expect(await contractor.getByRole('listitem').filter({ hasText: '协调群（演示）' }).count()).toBe(1);
    await expect.poll(() => contractor.locator('main').innerText()).not.toContain(TECH_ROOM);
    await expectNoSeriousViolations(contractor, 'the contractor’s rooms');

    await contractor.getByRole('link', { name: PROJECT_ROOM }).click();
    await contractor.getByRole('heading', { level: 1, name: PROJECT_ROOM }).waitFor();
    await contractor.getByRole('heading', { name: /^成员（\d+）$/ }).waitFor();
    await expect.poll(() => contractor.locator('main').innerText()).toContain('回复施工图审查意见');
    await contractor.getByLabel('消息内容').fill('施工图审查意见已回复，请查收。');
    await contractor.getByRole('button', { name: '发送' }).click();
    await contractor.getByText('消息已发送。').waitFor();
    await expectNoSeriousViolations(contractor, 'the project room');

    await contractor.goto(`/desk/rooms/${techRoom.id}`);
    await contractor.getByRole('heading', { level: 1, name: '找不到该协调群，或您不是其成员' }).waitFor();
    await expect.poll(() => contractor.locator('main').innerText()).not.toContain('确认装修备案所需材料');
    await expectNoSeriousViolations(contractor, 'another room');
  });

  it('a visit over the cap warns, and goes ahead only with a reason', async () => {
    // The district allows one visit a month; one is already planned for June 2030.
    const officeAdmin = await apiSession(journey.server.baseUrl, 'demo-office-admin');
    const cap = await officeAdmin.call('PUT', '/api/v1/desk/visit-caps/310109', {
      maxVisits: 1,
      period: 'month',
    });
    expect(cap.status).toBe(200);
    const managerApi = await apiSession(journey.server.baseUrl, 'demo-manager');
    const enterprises = (await (await managerApi.call('GET', '/api/v1/desk/manager/workspace')).json()) as {
      enterprises: { enterpriseId: string; enterpriseName: string }[];
    };
    const canteen = enterprises.enterprises.find((e) => e.enterpriseName === CANTEEN)!;
    const first = await managerApi.call('POST', `/api/v1/desk/enterprises/${canteen.enterpriseId}/visits`, {
      scheduledAt: '2030-06-10T02:00:00.000Z',
      purpose: '了解中央厨房用工需求',
      participants: '冯俊杰',
    });
    expect(first.status).toBe(201);

    const manager = await freshPage();
    await signIn(manager, 'demo-manager');
    await manager.goto('/desk/visits');
    await manager.getByRole('heading', { level: 1, name: '走访（无事不扰）' }).waitFor();
    await manager.getByLabel('企业', { exact: true }).selectOption({ label: CANTEEN });
    await expectNoSeriousViolations(manager, 'visits page');

    await manager.getByLabel('走访时间').fill('2030-06-18T10:00');
    await manager.getByLabel('走访事由').fill('回访施工许可办理情况');
    await manager.getByLabel('参加人员').fill('冯俊杰；企业行政负责人');
    await manager.getByRole('button', { name: '检查是否超限' }).click();
    await manager
      .getByText(/超出走访上限：本区每月最多走访 1 次，2030-06-01 至 2030-06-30 已有 1 次。/)
      .waitFor();
    await expectNoSeriousViolations(manager, 'visit warning');

    await manager.getByRole('button', { name: '提交', exact: true }).click();
    await manager.getByRole('alert').filter({ hasText: '超出走访次数上限' }).waitFor();
    await manager.getByRole('button', { name: '填写理由后仍然提交' }).click();
    await manager.getByText('请填写确需走访的理由').first().waitFor();
    await expectNoSeriousViolations(manager, 'visit needing a reason');
    await manager.getByLabel('确需走访的理由').fill('企业主动邀请现场协调施工许可');
    await manager.getByRole('button', { name: '填写理由后仍然提交' }).click();
    await manager.getByText('走访已计划。').waitFor();
    await expect
      .poll(() => manager.locator('main').innerText())
      .toContain('超限/免打扰期走访理由：企业主动邀请现场协调施工许可');
    await expectNoSeriousViolations(manager, 'visit planned with a reason');

    // The enterprise sees the visit and the reason.
    const enterprise = await freshPage();
    await signIn(enterprise, 'demo-enterprise');
    await enterprise.goto('/desk/visits');
    await enterprise.getByRole('heading', { name: '本企业的走访' }).waitFor();
    await expect.poll(() => enterprise.locator('main').innerText()).toContain('企业主动邀请现场协调施工许可');
    await expect
      .poll(() => enterprise.locator('main').innerText())
      .toContain('本区走访上限：每月最多 1 次。');
    await expectNoSeriousViolations(enterprise, 'the enterprise’s visits');
  });
});

describe('enterprise desk projects', () => {
  it('shows plan against actual as a chart and as a table', async () => {
    const enterprise = await freshPage();
    await signIn(enterprise, 'demo-enterprise');
    await enterprise.goto('/desk/projects');
    await enterprise.getByRole('heading', { level: 1, name: '项目落地' }).waitFor();
    await expectNoSeriousViolations(enterprise, 'projects');
    await enterprise.getByRole('link', { name: '虹通中央厨房新建项目（演示）' }).click();
    await enterprise.getByRole('heading', { level: 1, name: '虹通中央厨房新建项目（演示）' }).waitFor();
    await enterprise.getByRole('img', { name: /共 6 个节点，已完成 2 个，逾期未完成 1 个/ }).waitFor();
    const table = enterprise.getByRole('table', { name: '项目节点：计划日期、实际日期与关联办件' });
    await expect
      .poll(() => table.getByRole('row', { name: /施工许可/ }).innerText())
      .toContain('已逾期 10 天');
    await expectNoSeriousViolations(enterprise, 'project timeline');
  });
});
