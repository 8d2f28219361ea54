import { describe, expect, it } from 'vitest';
import { CatalogSearchIndex } from './search-index.ts';
import type { SearchDocument } from './search-types.ts';
import { SEED_SYNONYMS } from './synonyms.ts';

function buildDoc(
  overrides: Partial<SearchDocument> & Pick<SearchDocument, 'code' | 'nameZh' | 'nameEn'>,
): SearchDocument {
  return {
    id: overrides.code,
    kind: 'service',
    aliases: [],
    guideZh: '申请人可在一网通办平台在线提交申请，也可到窗口办理。',
    guideEn: 'Apply online through the one-stop portal or at a service counter.',
    materials: ['居民身份证', 'Resident identity card'],
    departmentCode: 'hrss',
    departmentNameZh: '人力资源和社会保障局',
    subject: 'resident',
    topics: [],
    serviceKind: 'public_service',
    channels: ['online', 'counter'],
    districts: 'all',
    popularity: 50,
    ...overrides,
  };
}

const FIXTURE: SearchDocument[] = [
  buildDoc({
    code: 'HRSS-1',
    nameZh: '社会保障卡申领',
    nameEn: 'Social Security Card Application',
    topics: ['social_security'],
    popularity: 90,
  }),
  buildDoc({
    code: 'HRSS-2',
    nameZh: '社保缴费记录查询',
    nameEn: 'Social Insurance Contribution Record Query',
    serviceKind: 'query',
    topics: ['social_security'],
    channels: ['online', 'terminal'],
    popularity: 80,
  }),
  buildDoc({
    code: 'HRSS-3',
    nameZh: '单位社会保险登记',
    nameEn: 'Employer Social Insurance Registration',
    subject: 'enterprise',
    serviceKind: 'registration',
    topics: ['hiring'],
    popularity: 40,
  }),
  buildDoc({
    code: 'MI-1',
    nameZh: '医疗保险参保信息查询',
    nameEn: 'Medical Insurance Enrolment Query',
    departmentCode: 'medical-insurance',
    departmentNameZh: '医疗保障局',
    serviceKind: 'query',
    topics: ['health'],
    popularity: 70,
  }),
  buildDoc({
    code: 'HF-1',
    nameZh: '住房公积金提取',
    nameEn: 'Housing Provident Fund Withdrawal',
    departmentCode: 'housing-fund',
    departmentNameZh: '住房公积金管理中心',
    serviceKind: 'administrative_payment',
    topics: ['housing'],
    popularity: 85,
  }),
  buildDoc({
    code: 'PS-1',
    nameZh: '普通护照签发',
    nameEn: 'Ordinary Passport Issuance',
    departmentCode: 'police-exit',
    departmentNameZh: '公安局出入境管理局',
    serviceKind: 'administrative_licence',
    channels: ['counter'],
    popularity: 60,
  }),
  buildDoc({
    code: 'PS-2',
    nameZh: '户籍迁入登记',
    nameEn: 'Household Registration Move-in',
    departmentCode: 'police-household',
    departmentNameZh: '公安局（户籍）',
    serviceKind: 'administrative_confirmation',
    topics: ['housing'],
    districts: ['310101', '310104'],
    popularity: 55,
  }),
  buildDoc({
    code: 'TP-1',
    nameZh: '机动车违法处理及罚款缴纳',
    nameEn: 'Traffic Violation Handling and Fine Payment',
    departmentCode: 'police-traffic',
    departmentNameZh: '公安局交通警察总队',
    serviceKind: 'payment',
    topics: ['transport'],
    popularity: 75,
  }),
  buildDoc({
    code: 'TP-2',
    nameZh: '机动车驾驶证换证',
    nameEn: 'Driving Licence Renewal',
    departmentCode: 'police-traffic',
    departmentNameZh: '公安局交通警察总队',
    serviceKind: 'administrative_licence',
    topics: ['transport'],
    popularity: 65,
  }),
  buildDoc({
    code: 'CA-1',
    nameZh: '结婚登记',
    nameEn: 'Marriage Registration',
    departmentCode: 'civil-affairs',
    departmentNameZh: '民政局',
    serviceKind: 'administrative_confirmation',
    topics: ['marriage'],
    channels: ['counter'],
    popularity: 60,
  }),
  buildDoc({
    code: 'SAMR-1',
    nameZh: '食品经营许可证核发',
    nameEn: 'Food Business Licence',
    departmentCode: 'samr',
    departmentNameZh: '市场监督管理局',
    subject: 'both',
    serviceKind: 'administrative_licence',
    topics: ['startup'],
    materials: ['营业执照', 'Business licence'],
    popularity: 50,
  }),
  buildDoc({
    code: 'SAMR-2',
    nameZh: '营业执照遗失补领',
    nameEn: 'Business Licence Replacement',
    departmentCode: 'samr',
    departmentNameZh: '市场监督管理局',
    subject: 'enterprise',
    serviceKind: 'registration',
    topics: ['operation'],
    popularity: 45,
  }),
  buildDoc({
    code: 'B-1',
    kind: 'bundle',
    nameZh: '开办餐饮店一件事',
    nameEn: 'Opening a Restaurant',
    aliases: ['开餐馆'],
    departmentCode: null,
    departmentNameZh: '',
    subject: 'enterprise',
    serviceKind: 'bundle',
    topics: ['startup'],
    keywords: ['食品经营许可证核发', '企业设立登记'],
    popularity: 70,
  }),
];

function ids(index: CatalogSearchIndex, query: string, limit = 5): string[] {
  return index.search(query, { limit }).items.map((item) => item.id);
}

const index = CatalogSearchIndex.build(FIXTURE);

describe('CatalogSearchIndex: matching', () => {
  it('finds 2-character queries, as words and inside longer words', () => {
    expect(ids(index, '社保')).toEqual(expect.arrayContaining(['HRSS-1', 'HRSS-2']));
    expect(ids(index, '护照')[0]).toBe('PS-1');
    expect(ids(index, '驾驶')[0]).toBe('TP-2');
    expect(ids(index, '执照')[0]).toBe('SAMR-2');
    expect(ids(index, '户口')[0]).toBe('PS-2');
  });

  it('expands colloquial words through the seed synonyms', () => {
    expect(ids(index, '交通违章')[0]).toBe('TP-1');
    expect(ids(index, '查违章')[0]).toBe('TP-1');
    expect(ids(index, '换驾照')[0]).toBe('TP-2');
    expect(ids(index, '公积金')[0]).toBe('HF-1');
  });

  it('ranks a bundle first for its life event', () => {
    expect(ids(index, '开饭店')[0]).toBe('B-1');
    expect(ids(index, '开餐馆')[0]).toBe('B-1');
  });

  it('applies admin-edited synonyms at once, without re-indexing', () => {
    const edited = CatalogSearchIndex.build(FIXTURE);
    expect(ids(edited, '开奶茶店')).not.toContain('SAMR-1');
    edited.setSynonyms([...SEED_SYNONYMS, { term: '开奶茶店', expandsTo: ['食品经营许可'] }]);
    expect(ids(edited, '开奶茶店')[0]).toBe('SAMR-1');
    edited.setSynonyms(SEED_SYNONYMS.filter((entry) => entry.term !== '交通违章' && entry.term !== '违章'));
    expect(ids(edited, '违章')).not.toContain('TP-1');
    expect(edited.synonyms.some((entry) => entry.term === '开奶茶店')).toBe(false);
  });

  it('tolerates typos in English and in Chinese', () => {
    expect(ids(index, 'pasport')[0]).toBe('PS-1');
    expect(ids(index, 'medical insurence')[0]).toBe('MI-1');
    expect(ids(index, '公基金提取')[0]).toBe('HF-1');
    expect(ids(index, '医宝查询')[0]).toBe('MI-1');
    // One wrong character inside a token jieba could not place: mended through attested bigrams.
    expect(ids(index, '驾使证换证')[0]).toBe('TP-2');
  });

  it('searches English names with stemming and stop words', () => {
    expect(ids(index, 'marriage registration')[0]).toBe('CA-1');
    expect(ids(index, 'renew my driving licences')[0]).toBe('TP-2');
    expect(ids(index, 'driving license')[0]).toBe('TP-2');
    expect(ids(index, 'traffic fine')[0]).toBe('TP-1');
  });

  it('handles mixed Chinese and English input', () => {
    expect(ids(index, '社保 card')[0]).toBe('HRSS-1');
    expect(ids(index, '公积金 withdraw')[0]).toBe('HF-1');
  });

  it('says which words matched, and finds nothing for nonsense', () => {
    const hit = index.search('社保 card').items[0];
    expect(hit?.matched).toEqual(expect.arrayContaining(['社会保障', 'card']));
    expect(index.search('xyzzy').total).toBe(0);
  });

  it('lists everything by popularity for an empty query, with paging', () => {
    const all = index.search('', { limit: 3 });
    expect(all.total).toBe(FIXTURE.length);
    expect(all.items.map((item) => item.id)).toEqual(['HRSS-1', 'HF-1', 'HRSS-2']);
    expect(index.search('  ', { limit: 2, offset: 2 }).items.map((item) => item.id)).toEqual([
      'HRSS-2',
      'TP-1',
    ]);
  });
});

describe('CatalogSearchIndex: filters and facets', () => {
  it('filters by department, kind, channel and topic', () => {
    const result = index.search('', { filters: { departmentCode: 'police-traffic' } });
    expect(result.items.map((item) => item.id).sort()).toEqual(['TP-1', 'TP-2']);
    expect(index.search('', { filters: { kind: 'query' } }).total).toBe(2);
    expect(index.search('', { filters: { channel: 'terminal' } }).items.map((item) => item.id)).toEqual([
      'HRSS-2',
    ]);
    expect(index.search('', { filters: { topic: ['transport', 'marriage'] } }).total).toBe(3);
    expect(index.search('', { filters: { kind: 'bundle' } }).items.map((item) => item.id)).toEqual(['B-1']);
  });

  it("matches 'all' districts to any district and 'both' subjects to either", () => {
    expect(index.search('户籍', { filters: { district: '310101' } }).items[0]?.id).toBe('PS-2');
    expect(index.search('户籍', { filters: { district: '310115' } }).items.map((i) => i.id)).not.toContain(
      'PS-2',
    );
    expect(index.search('', { filters: { district: '310115' } }).total).toBe(FIXTURE.length - 1);
    const enterprise = index.search('', { filters: { subject: 'enterprise' } }).items.map((item) => item.id);
    expect(enterprise.sort()).toEqual(['B-1', 'HRSS-3', 'SAMR-1', 'SAMR-2']);
  });

  it('counts facets over the result filtered by every other facet', () => {
    const { facets, total } = index.search('', {
      filters: { departmentCode: 'police-traffic', kind: 'payment' },
    });
    expect(total).toBe(1);
    // Department counts ignore the department filter but keep the kind filter: one payment service.
    expect(facets.department).toEqual({ 'police-traffic': 1 });
    // Kind counts ignore the kind filter but keep the department filter.
    expect(facets.kind).toEqual({ payment: 1, administrative_licence: 1 });
    expect(facets.topic).toEqual({ transport: 1 });
    const unfiltered = index.search('').facets;
    expect(unfiltered.subject).toEqual({ resident: 10, enterprise: 4 });
    expect(unfiltered.channel.online).toBe(11);
    expect(unfiltered.department['samr']).toBe(2);
  });
});

describe('CatalogSearchIndex: suggestions and updates', () => {
  it('completes names and aliases as you type, most popular first', () => {
    // Names starting with the text first, then names holding it.
    expect(index.suggest('社').map((s) => s.text)).toEqual([
      '社会保障卡申领',
      '社保缴费记录查询',
      '单位社会保险登记',
    ]);
    expect(index.suggest('开餐')[0]).toMatchObject({ text: '开餐馆', id: 'B-1', kind: 'bundle' });
    expect(index.suggest('hous').map((s) => s.text)).toEqual([
      'Housing Provident Fund Withdrawal',
      'Household Registration Move-in',
    ]);
    expect(index.suggest('insur').map((s) => s.id)).toEqual(['HRSS-2', 'MI-1', 'HRSS-3']);
    expect(index.suggest('公积金')[0]?.text).toBe('住房公积金提取');
    expect(index.suggest('', 5)).toEqual([]);
  });

  it('adds, replaces and removes documents incrementally', () => {
    const live = CatalogSearchIndex.build(FIXTURE);
    expect(ids(live, '出生医学证明')).toEqual([]);
    live.add(
      buildDoc({
        code: 'NHC-1',
        nameZh: '出生医学证明签发',
        nameEn: 'Birth Medical Certificate',
        popularity: 30,
      }),
    );
    expect(ids(live, '出生医学证明')[0]).toBe('NHC-1');
    expect(live.suggest('出生')[0]?.id).toBe('NHC-1');
    live.replace(
      buildDoc({ code: 'NHC-1', nameZh: '出生医学证明补发', nameEn: 'Birth Certificate Reissue' }),
    );
    expect(live.size).toBe(FIXTURE.length + 1);
    expect(live.suggest('出生')[0]?.text).toBe('出生医学证明补发');
    expect(live.remove('NHC-1')).toBe(true);
    expect(live.remove('NHC-1')).toBe(false);
    expect(ids(live, '出生医学证明')).toEqual([]);
    expect(live.suggest('出生')).toEqual([]);
    expect(live.search('').total).toBe(FIXTURE.length);
  });

  it('stays correct after compacting many removed documents', () => {
    const live = CatalogSearchIndex.build(FIXTURE);
    for (let i = 0; i < 1500; i += 1) {
      live.add(buildDoc({ code: `GEN-${i}`, nameZh: `临时事项${i}号登记`, nameEn: `Temporary item ${i}` }));
    }
    for (let i = 0; i < 1400; i += 1) live.remove(`GEN-${i}`);
    expect(live.size).toBe(FIXTURE.length + 100);
    expect(ids(live, '公积金')[0]).toBe('HF-1');
    expect(live.search('临时事项').total).toBe(100);
    expect(live.remove('GEN-1450')).toBe(true);
    expect(live.search('临时事项').total).toBe(99);
  });
});
