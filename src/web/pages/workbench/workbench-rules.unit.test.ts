import { describe, expect, it } from 'vitest';
import type { Me, MeStaffPost } from '../../api/types.ts';
import {
  actionsFor,
  canAssign,
  canWork,
  checkSupplement,
  hasCasework,
  isWindowClerk,
  percent,
  timeBadge,
  toSupplementItems,
  type SupplementDraftItem,
} from './workbench-rules.ts';

function post(role: string, officeId = 'office-hk'): MeStaffPost {
  return {
    officeId,
    officeName: '虹口区市场监管局',
    officeNameEn: 'Hongkou Market Regulation',
    departmentCode: 'samr',
    departmentName: '市场监管局',
    departmentNameEn: 'Market Regulation',
    districtName: '虹口区',
    districtNameEn: 'Hongkou',
    streetName: null,
    streetNameEn: null,
    role,
  };
}

function me(...staff: MeStaffPost[]): Me {
  return {
    user: { id: 'user-1', username: 'demo', kind: staff.length ? 'staff' : 'resident', displayName: '王' },
    person: null,
    enterprises: [],
    staff,
    isAdmin: false,
    csrfToken: 'x',
  };
}

describe('who has the workbench', () => {
  it('is for casework posts only; the counter for window clerks', () => {
    expect(hasCasework(me(post('reviewer')))).toBe(true);
    expect(hasCasework(me(post('office_admin')))).toBe(true);
    expect(hasCasework(me(post('service_manager')))).toBe(false);
    expect(hasCasework(me(post('operator')))).toBe(false);
    expect(hasCasework(me())).toBe(false);
    expect(isWindowClerk(me(post('window_clerk')))).toBe(true);
    expect(isWindowClerk(me(post('reviewer'), post('approver')))).toBe(false);
  });

  it('works a task with its role in its office; the office admin may assign it', () => {
    const task = { office: { id: 'office-hk' }, role: 'reviewer' };
    expect(canWork(me(post('reviewer')), task)).toBe(true);
    expect(canWork(me(post('reviewer', 'office-pd')), task)).toBe(false);
    expect(canWork(me(post('window_clerk')), task)).toBe(false);
    expect(canAssign(me(post('office_admin')), task)).toBe(true);
    expect(canWork(me(post('office_admin')), task)).toBe(false);
    expect(canAssign(me(post('office_admin', 'office-pd')), task)).toBe(false);
  });
});

describe('actions per step', () => {
  const open = (kind: string, awaitingSupplement = false) => ({ kind, status: 'open', awaitingSupplement });

  it('fit the kind of step', () => {
    expect(actionsFor(open('acceptance'))).toEqual(['accept', 'request_supplement', 'refuse']);
    expect(actionsFor(open('review'))).toEqual(['pass', 'request_supplement', 'refuse']);
    expect(actionsFor(open('decision'))).toEqual(['approve', 'refuse']);
    expect(actionsFor(open('completion'))).toEqual(['complete']);
  });

  it('leave only a refusal while the applicant fixes a supplement, and nothing on a closed step', () => {
    expect(actionsFor(open('review', true))).toEqual(['refuse']);
    expect(actionsFor(open('acceptance', true))).toEqual(['refuse']);
    expect(actionsFor({ kind: 'review', status: 'done', awaitingSupplement: false })).toEqual([]);
    expect(actionsFor(open('something_else'))).toEqual([]);
  });

  it('hand out a fresh array each time', () => {
    const first = actionsFor(open('decision'));
    first.push('complete');
    expect(actionsFor(open('decision'))).toEqual(['approve', 'refuse']);
  });
});

describe('time-left badge', () => {
  it('is green, amber, red or grey with words to match', () => {
    expect(timeBadge('ok', 3)).toEqual({ tone: 'ok', labelKey: 'ok', count: 3 });
    expect(timeBadge('due_soon', 1)).toEqual({ tone: 'soon', labelKey: 'dueSoon', count: 1 });
    expect(timeBadge('due_soon', 0)).toEqual({ tone: 'soon', labelKey: 'dueToday', count: 0 });
    expect(timeBadge('overdue', -2)).toEqual({ tone: 'overdue', labelKey: 'overdue', count: 2 });
    expect(timeBadge('paused', 2)).toEqual({ tone: 'paused', labelKey: 'paused', count: 2 });
    expect(timeBadge(null, null)).toEqual({ tone: 'closed', labelKey: 'closed', count: 0 });
  });

  it('never says overdue by zero days', () => {
    expect(timeBadge('overdue', 0).count).toBe(1);
    expect(timeBadge('overdue', null).count).toBe(1);
  });
});

describe('supplement builder', () => {
  const formFields = ['businessAddress', 'tradeName'];
  const item = (
    key: string,
    kind: 'field' | 'material',
    target: string,
    reason: string,
  ): SupplementDraftItem => ({
    key,
    kind,
    target,
    reason,
  });
  const check = (items: SupplementDraftItem[], isSecondRequest = false, overrideReason = '') =>
    checkSupplement(items, { formFields, isSecondRequest, overrideReason });

  it('accepts one complete list of fields and materials, each with a reason', () => {
    const items = [
      item('a', 'field', 'businessAddress', '经营场所地址须写到门牌号'),
      item('b', 'material', ' 经营场所使用证明 ', '请上传租赁合同'),
    ];
    expect(check(items)).toEqual([]);
    expect(toSupplementItems(items)).toEqual([
      { field: 'businessAddress', reason: '经营场所地址须写到门牌号' },
      { material: '经营场所使用证明', reason: '请上传租赁合同' },
    ]);
  });

  it('refuses an empty list, an unknown field, a nameless material, a short reason and repeats', () => {
    expect(check([])).toEqual([{ kind: 'empty' }]);
    expect(
      check([
        item('a', 'field', 'noSuchField', '原因写清楚'),
        item('b', 'material', '   ', '原因写清楚'),
        item('c', 'field', 'tradeName', '字'),
        item('d', 'field', 'tradeName', '重复了这一项'),
      ]),
    ).toEqual([
      { kind: 'target', key: 'a' },
      { kind: 'target', key: 'b' },
      { kind: 'reason', key: 'c' },
      { kind: 'duplicate', key: 'd' },
    ]);
    expect(check([item('a', 'material', 'x'.repeat(201), '原因写清楚')])).toEqual([
      { kind: 'target', key: 'a' },
    ]);
    expect(check([item('a', 'field', 'tradeName', 'x'.repeat(501))])).toEqual([{ kind: 'reason', key: 'a' }]);
  });

  it('needs an override reason for a second request, and at most 50 items', () => {
    const one = [item('a', 'field', 'tradeName', '字号与登记不符')];
    expect(check(one, true, ' ')).toEqual([{ kind: 'override' }]);
    expect(check(one, true, '首次告知时漏列')).toEqual([]);
    const many = Array.from({ length: 51 }, (_, index) =>
      item(`k${index}`, 'material', `材料${index}`, '请补交'),
    );
    expect(check(many)).toEqual([{ kind: 'tooMany' }]);
  });
});

describe('office figures', () => {
  it('shows rates as percentages, and nothing when no application is finished yet', () => {
    expect(percent(0.875, 'en')).toBe('87.5%');
    expect(percent(1, 'zh-CN')).toBe('100%');
    expect(percent(null, 'en')).toBeNull();
  });
});
