import { describe, expect, it } from 'vitest';
import type { Draft, TimelineEvent } from '../../api/applications-endpoints.ts';
import {
  cleanDelivery,
  deliveryProblem,
  draftFingerprint,
  isLate,
  keptPrefilledFields,
  resumeFromDraft,
  shanghaiDate,
  sortServerErrors,
  supplementAnswerData,
  supplementFixes,
  timelineRows,
  toRendererPrefill,
} from './application-view.ts';
import { applicantOptions, canApplyOnline } from './apply-rules.ts';

const office = { id: 'o1', nameZh: '虹口区市场监管局', nameEn: 'Hongkou Market Regulation Bureau' };

describe('sortServerErrors', () => {
  it('puts /data paths on the form without the prefix, delivery and the rest apart', () => {
    const sorted = sortServerErrors([
      { path: '/data/operatorName', message: '此项为必填项' },
      { path: '/data/mobile', message: '请输入11位手机号码' },
      { path: '/delivery/address', message: '地址太短' },
      { path: '/serviceId', message: '未知事项' },
      { path: '/serviceId', message: '未知事项' },
      { nonsense: true },
    ]);
    expect(sorted.form).toEqual([
      { path: '/operatorName', message: '此项为必填项' },
      { path: '/mobile', message: '请输入11位手机号码' },
    ]);
    expect(sorted.delivery).toEqual(['地址太短']);
    expect(sorted.general).toEqual(['未知事项']);
  });

  it('keeps a problem of the whole form as a form problem with an empty path', () => {
    expect(sortServerErrors([{ path: '/data', message: '表单无效' }]).form).toEqual([
      { path: '', message: '表单无效' },
    ]);
    expect(sortServerErrors(null)).toEqual({ form: [], delivery: [], general: [] });
  });
});

describe('timelineRows', () => {
  const events: TimelineEvent[] = [
    {
      at: '2026-03-02T01:00:00.000Z',
      kind: 'submitted',
      actorName: null,
      office: null,
      step: null,
      details: {},
    },
    {
      at: '2026-03-02T02:00:00.000Z',
      kind: 'supplement_requested',
      actorName: null,
      office,
      step: { nameZh: '审查', nameEn: 'Review' },
      details: {
        items: [
          { field: 'businessAddress', reason: '须写到门牌号' },
          { material: '经营场所使用证明', reason: '请上传租赁合同' },
        ],
      },
    },
    {
      at: '2026-03-03T02:00:00.000Z',
      kind: 'certificate_issued',
      actorName: null,
      office,
      step: null,
      details: { number: 'SH-BL-2026-000001', serviceCode: 'SAMR-0002' },
    },
    {
      at: '2026-03-04T02:00:00.000Z',
      kind: 'refused',
      actorName: null,
      office,
      step: null,
      details: { reason: '不符合条件' },
    },
    {
      at: '2026-03-05T02:00:00.000Z',
      kind: 'something_new',
      actorName: null,
      office: null,
      step: null,
      details: {},
    },
  ];

  it('names the office and step in the language, and lists a supplement with field titles', () => {
    const rows = timelineRows(events, 'en', (name) =>
      name === 'businessAddress' ? 'Business premises' : name,
    );
    expect(rows.map((row) => row.kind)).toEqual([
      'submitted',
      'supplement_requested',
      'certificate_issued',
      'refused',
      'other',
    ]);
    expect(rows[1]).toMatchObject({
      office: 'Hongkou Market Regulation Bureau',
      step: 'Review',
      items: ['Business premises: 须写到门牌号', '经营场所使用证明: 请上传租赁合同'],
    });
    expect(rows[2]).toMatchObject({ number: 'SH-BL-2026-000001', serviceCode: 'SAMR-0002' });
    expect(rows[3]!.reason).toBe('不符合条件');
    expect(new Set(rows.map((row) => row.key)).size).toBe(rows.length);
  });

  it('uses the Chinese names and colon in Chinese', () => {
    const rows = timelineRows(events, 'zh-CN');
    expect(rows[1]).toMatchObject({ office: '虹口区市场监管局', step: '审查' });
    expect(rows[1]!.items[0]).toBe('businessAddress：须写到门牌号');
  });
});

describe('drafts and prefill', () => {
  const prefill = toRendererPrefill({
    serviceCode: 'SAMR-0002',
    fields: {
      operatorName: {
        value: '张三',
        source: { register: 'population', nameZh: '人口库', nameEn: 'Population' },
        locked: true,
      },
      mobile: {
        value: '13800000000',
        source: { register: 'population', nameZh: '人口库', nameEn: 'Population' },
        locked: false,
      },
    },
    unavailable: [],
    filledCount: 2,
    fieldCount: 8,
    materials: [],
  });

  it('turns the prefill answer into the renderer prefill', () => {
    expect(prefill?.operatorName).toEqual({
      value: '张三',
      sourceZh: '人口库',
      sourceEn: 'Population',
      locked: true,
    });
    expect(toRendererPrefill(null)).toBeUndefined();
  });

  it('offers values typed in earlier applications, unlocked, never over a register value', () => {
    const answer = {
      serviceCode: 'SAMR-0002',
      fields: {
        operatorName: {
          value: '张三',
          source: { register: 'population', nameZh: '人口库', nameEn: 'Population' },
          locked: true,
        },
      },
      unavailable: [],
      filledCount: 1,
      fieldCount: 8,
      materials: [],
    };
    const earlier = {
      fields: {
        operatorName: { value: '别人', receiptNo: 'SH-20261101-000001', submittedAt: '2026-11-01T02:00:00Z' },
        businessAddress: {
          value: '海宁路100号',
          receiptNo: 'SH-20261101-000001',
          submittedAt: '2026-11-01T02:00:00Z',
        },
      },
    };
    const merged = toRendererPrefill(answer, earlier, (receiptNo) => ({
      zh: `此前 ${receiptNo}`,
      en: `earlier ${receiptNo}`,
    }));
    expect(merged?.operatorName?.value).toBe('张三');
    expect(merged?.businessAddress).toEqual({
      value: '海宁路100号',
      sourceZh: '此前 SH-20261101-000001',
      sourceEn: 'earlier SH-20261101-000001',
      locked: false,
    });
    expect(toRendererPrefill(null, earlier)?.businessAddress?.locked).toBe(false);
  });

  it('resumes a draft, letting locked prefills win and keeping the rest', () => {
    const draft: Draft = {
      id: 'd',
      entryId: 'e',
      enterpriseId: null,
      data: { operatorName: '李四', mobile: '13900000000', tradeName: '小店' },
      attachmentIds: ['a1'],
      delivery: { method: 'pickup', officeId: 'o1' },
      version: 3,
      updatedAt: '2026-03-02T01:00:00.000Z',
    };
    expect(resumeFromDraft(draft, prefill)).toEqual({
      data: { operatorName: '张三', mobile: '13900000000', tradeName: '小店' },
      attachmentIds: ['a1'],
      delivery: { method: 'pickup', officeId: 'o1' },
      version: 3,
    });
    expect(resumeFromDraft(null, undefined)).toEqual({
      data: {},
      attachmentIds: [],
      delivery: { method: 'online' },
      version: 0,
    });
  });

  it('counts as kept only the prefills left unchanged', () => {
    expect(keptPrefilledFields(prefill, { operatorName: '张三', mobile: '13900000000' })).toEqual([
      'operatorName',
    ]);
    expect(keptPrefilledFields(undefined, {})).toEqual([]);
  });

  it('fingerprints drafts regardless of key and file order', () => {
    const a = draftFingerprint({
      data: { a: 1, b: 2 },
      attachmentIds: ['x', 'y'],
      delivery: { method: 'online' },
    });
    const b = draftFingerprint({
      data: { b: 2, a: 1 },
      attachmentIds: ['y', 'x'],
      delivery: { method: 'online' },
    });
    const c = draftFingerprint({
      data: { a: 1, b: 3 },
      attachmentIds: ['x', 'y'],
      delivery: { method: 'online' },
    });
    expect(a).toBe(b);
    expect(a).not.toBe(c);
  });
});

describe('delivery', () => {
  it('sends only what belongs to the chosen method', () => {
    expect(cleanDelivery({ method: 'online', officeId: 'o1', address: 'x' })).toEqual({ method: 'online' });
    expect(cleanDelivery({ method: 'pickup', officeId: 'o1', address: 'x' })).toEqual({
      method: 'pickup',
      officeId: 'o1',
    });
    expect(cleanDelivery({ method: 'mail', address: '  上海市虹口区嘉兴路1号 ' })).toEqual({
      method: 'mail',
      address: '上海市虹口区嘉兴路1号',
    });
  });

  it('asks for an office or an address', () => {
    expect(deliveryProblem({ method: 'online' })).toBeNull();
    expect(deliveryProblem({ method: 'pickup' })).toBe('officeRequired');
    expect(deliveryProblem({ method: 'mail', address: ' ' })).toBe('addressRequired');
    expect(deliveryProblem({ method: 'mail', address: '嘉兴路' })).toBe('addressShort');
    expect(deliveryProblem({ method: 'mail', address: '上海市嘉兴路1号' })).toBeNull();
  });
});

describe('supplements', () => {
  const supplements = [
    {
      id: 's1',
      requestedAt: '2026-03-02T02:00:00.000Z',
      status: 'open' as const,
      answeredAt: null,
      ordinal: 1,
      items: [
        { field: 'businessAddress', reason: '须写到门牌号' },
        { field: 'businessAddress', reason: '须与租赁合同一致' },
        { material: '经营场所使用证明', reason: '请上传租赁合同' },
      ],
    },
  ];

  it('lists each field once with all its reasons, and the materials', () => {
    expect(supplementFixes(supplements)).toEqual({
      fieldsToFix: ['businessAddress'],
      fixReasons: { businessAddress: '须写到门牌号；须与租赁合同一致' },
      materials: [{ name: '经营场所使用证明', reason: '请上传租赁合同' }],
    });
  });

  it('answers with the listed fields only', () => {
    expect(
      supplementAnswerData(['businessAddress'], { businessAddress: '海宁路1号', tradeName: '别的' }),
    ).toEqual({
      businessAddress: '海宁路1号',
    });
  });
});

describe('isLate', () => {
  const now = new Date('2026-03-10T03:00:00.000Z');
  it('is late when still open after the promised date, or finished after it', () => {
    expect(isLate({ status: 'in_progress', promisedDate: '2026-03-09', finishedAt: null }, now)).toBe(true);
    expect(isLate({ status: 'in_progress', promisedDate: '2026-03-10', finishedAt: null }, now)).toBe(false);
    expect(
      isLate({ status: 'approved', promisedDate: '2026-03-09', finishedAt: '2026-03-08T10:00:00.000Z' }, now),
    ).toBe(false);
    expect(
      isLate({ status: 'approved', promisedDate: '2026-03-09', finishedAt: '2026-03-09T17:00:00.000Z' }, now),
    ).toBe(true);
  });

  it('is not late while waiting for a supplement or once withdrawn', () => {
    expect(isLate({ status: 'awaiting_supplement', promisedDate: '2026-03-01', finishedAt: null }, now)).toBe(
      false,
    );
    expect(isLate({ status: 'withdrawn', promisedDate: '2026-03-01', finishedAt: null }, now)).toBe(false);
  });

  it('counts days in Shanghai', () => {
    expect(shanghaiDate(new Date('2026-03-09T16:30:00.000Z'))).toBe('2026-03-10');
  });
});

describe('apply rules', () => {
  it('lets services with the online channel and every bundle be applied for, never queries or payments', () => {
    expect(canApplyOnline({ type: 'service', kind: 'registration', channels: ['online', 'counter'] })).toBe(
      true,
    );
    expect(canApplyOnline({ type: 'service', kind: 'registration', channels: ['counter'] })).toBe(false);
    expect(canApplyOnline({ type: 'service', kind: 'query', channels: ['online'] })).toBe(false);
    expect(canApplyOnline({ type: 'bundle', kind: 'bundle', channels: [] })).toBe(true);
  });

  it('offers myself and my enterprises as the service allows', () => {
    const me = {
      person: { id: 'p' } as never,
      enterprises: [{ id: 'e1', name: '示范公司', uscc: '', role: 'agent' as const, expiresAt: null }],
    };
    const labels = (subject: 'resident' | 'enterprise' | 'both') =>
      applicantOptions(me, subject, '本人', (name) => `企业 ${name}`).map((option) => option.value);
    expect(labels('both')).toEqual(['self', 'e1']);
    expect(labels('resident')).toEqual(['self']);
    expect(labels('enterprise')).toEqual(['e1']);
  });
});
