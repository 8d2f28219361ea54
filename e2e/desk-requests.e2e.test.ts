// The enterprise desk's requests (诉求, 有求必应) in the browser: demo-enterprise files a request
// from its workspace; demo-manager (店小二) accepts it and routes it to 虹口区市场监管局; the office's
// clerk (demo-clerk) answers from the office queue; the enterprise sees the answer, confirms and
// rates it. axe on every page.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { signIn } from './support/browser.ts';
import { setUpJourney } from './support/journey.ts';

const journey = setUpJourney({ viewport: { width: 1280, height: 900 } });
const { freshPage, expectNoSeriousViolations } = journey;

const openDesk = async (page: Page) => {
  await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '企业服务' }).click();
};

describe('enterprise desk requests', () => {
  it('is filed by the enterprise, routed by its manager, answered by the office, confirmed and rated', async () => {
    // The enterprise's agent opens the workspace and files a request.
    const enterprise = await freshPage();
    await signIn(enterprise, 'demo-enterprise');
    await openDesk(enterprise);
    await enterprise.getByRole('heading', { level: 1, name: '企业工作台' }).waitFor();
    await enterprise.getByRole('heading', { name: '我的服务专员（店小二）' }).waitFor();
    await expect.poll(() => enterprise.locator('main').innerText()).toContain('冯俊杰（店小二）');
    await expectNoSeriousViolations(enterprise, 'workspace');

    await enterprise.getByRole('link', { name: '提出诉求' }).first().click();
    await enterprise.getByRole('heading', { level: 1, name: '提出诉求' }).waitFor();
    await enterprise.getByRole('button', { name: '提交诉求' }).click();
    await enterprise.getByText('请填写标题').first().waitFor();
    await expectNoSeriousViolations(enterprise, 'new request with errors');
    await enterprise.getByLabel('类别').selectOption({ label: '审批许可' });
    await enterprise.getByLabel('标题').fill('增加堂食面积后的许可变更');
    await enterprise.getByLabel('具体情况').fill('计划把隔壁铺面并入经营，需要知道食品经营许可怎样变更。');
    await enterprise.getByRole('button', { name: '提交诉求' }).click();
    await enterprise.getByRole('heading', { level: 1, name: /^诉求 SQ-\d{8}-\d{4}$/ }).waitFor();
    const heading = await enterprise.getByRole('heading', { level: 1 }).innerText();
    const referenceNo = heading.replace('诉求 ', '');
    await enterprise.getByText('待受理', { exact: true }).first().waitFor();
    await expectNoSeriousViolations(enterprise, 'request as filed');
    const requestUrl = enterprise.url();

    // The manager sees it on the desk, accepts it and routes it to the market regulator.
    const manager = await freshPage();
    await signIn(manager, 'demo-manager');
    await openDesk(manager);
    await manager.getByRole('heading', { level: 1, name: '店小二工作台' }).waitFor();
    await manager.getByRole('link', { name: referenceNo }).waitFor();
    await expectNoSeriousViolations(manager, 'manager desk');
    await manager.getByRole('link', { name: referenceNo }).click();
    await manager.getByRole('heading', { level: 1, name: `诉求 ${referenceNo}` }).waitFor();
    await manager.getByRole('button', { name: '受理', exact: true }).click();
    await manager.getByText('已受理', { exact: true }).first().waitFor();
    await manager.getByLabel('部门 1', { exact: true }).selectOption({ label: '虹口区市场监管局' });
    await manager.getByLabel('部门 1 的办理要求').fill('请答复食品经营许可变更的流程和时限。');
    await expectNoSeriousViolations(manager, 'request for its manager');
    await manager.getByRole('button', { name: '转办', exact: true }).click();
    await manager.getByText('部门办理中', { exact: true }).first().waitFor();

    // The office's clerk answers its part from the office queue.
    const clerk = await freshPage();
    await signIn(clerk, 'demo-clerk');
    await openDesk(clerk);
    await clerk.getByRole('heading', { level: 1, name: '部门转办事项' }).waitFor();
    await expectNoSeriousViolations(clerk, 'office queue');
    await clerk.getByRole('link', { name: `查看并答复 ${referenceNo}` }).click();
    await clerk.getByRole('heading', { name: '答复本部门的事项' }).waitFor();
    await clerk.getByLabel('答复内容').fill('请在“一网通办”提交食品经营许可变更，3个工作日内办结。');
    await expectNoSeriousViolations(clerk, 'request for the office');
    await clerk.getByRole('button', { name: '提交答复' }).click();
    await clerk.getByText('已答复', { exact: true }).first().waitFor();

    // The enterprise sees the answer, confirms and rates it.
    await enterprise.goto(requestUrl);
    await enterprise.getByRole('heading', { name: '确认解决并评价' }).waitFor();
    await expect.poll(() => enterprise.locator('main').innerText()).toContain('3个工作日内办结');
    await expectNoSeriousViolations(enterprise, 'answered request');
    await enterprise.getByLabel('5 分 很满意').check();
    await enterprise.getByLabel('评价意见（可选）').fill('答复清楚，很及时。');
    await enterprise.getByRole('button', { name: '确认已解决' }).click();
    await enterprise.getByText('已解决', { exact: true }).first().waitFor();
    await expect.poll(() => enterprise.locator('main').innerText()).toContain('评价：5 分');
    await expectNoSeriousViolations(enterprise, 'resolved request');
  });
});
