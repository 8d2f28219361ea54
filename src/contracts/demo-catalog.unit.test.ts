import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { DEMO_BUNDLES, DEMO_SERVICES, catalogStats } from '../../demo/catalog/index.ts';
import { DEMO_DEPARTMENTS } from '../../demo/departments.ts';
import {
  validateBundleDefinition,
  validateServiceDefinition,
} from '../server/modules/catalog/validate-definition.ts';
import { ENTERPRISE_TOPICS, RESIDENT_TOPICS, type ServiceDefinition } from './catalog.ts';
import { addCustomFormats } from './formats.ts';
import { makeIdNumber } from './id-number.ts';

/** Services other parts of the platform (search, demos, tests) look up by their exact name. */
const MUST_HAVE: [nameZh: string, departmentCode: string][] = [
  ['医保信息查询', 'medical-insurance'],
  ['医保个人账户余额查询', 'medical-insurance'],
  ['异地就医备案', 'medical-insurance'],
  ['社保缴费记录查询', 'hrss'],
  ['社会保障卡申领', 'hrss'],
  ['失业保险金申领', 'hrss'],
  ['灵活就业人员参保登记', 'hrss'],
  ['退休申请', 'hrss'],
  ['丧葬补助金申领', 'hrss'],
  ['住房公积金提取（租房）', 'housing-fund'],
  ['住房公积金提取（购房）', 'housing-fund'],
  ['公积金缴存明细查询', 'housing-fund'],
  ['公积金贷款申请', 'housing-fund'],
  ['机动车违法查询', 'police-traffic'],
  ['交通违法罚款缴纳', 'police-traffic'],
  ['驾驶证换证', 'police-traffic'],
  ['机动车检验标志核发', 'police-traffic'],
  ['户口迁移（市内）', 'police-household'],
  ['新生儿出生登记（报户口）', 'police-household'],
  ['居民身份证换领', 'police-household'],
  ['居住证办理', 'police-household'],
  ['结婚登记', 'civil-affairs'],
  ['离婚登记', 'civil-affairs'],
  ['婚姻登记记录证明', 'civil-affairs'],
  ['高龄老人津贴申请', 'civil-affairs'],
  ['养老服务补贴', 'civil-affairs'],
  ['残疾人两项补贴', 'civil-affairs'],
  ['最低生活保障申请', 'civil-affairs'],
  ['殡葬补贴申领', 'civil-affairs'],
  ['临时救助', 'civil-affairs'],
  ['出生医学证明', 'health'],
  ['预防接种证', 'health'],
  ['卫生许可证（公共场所）', 'health'],
  ['医师执业注册', 'health'],
  ['食品经营许可证核发', 'samr'],
  ['企业设立登记', 'samr'],
  ['个体工商户设立登记', 'samr'],
  ['企业变更登记', 'samr'],
  ['企业注销登记', 'samr'],
  ['公众聚集场所投入使用、营业前消防安全检查', 'fire'],
  ['建设工程消防验收', 'fire'],
  ['建设工程规划许可证', 'planning'],
  ['不动产登记（转移登记）', 'planning'],
  ['不动产权证书查询', 'planning'],
  ['建筑工程施工许可证核发', 'housing-construction'],
  ['建设工程竣工验收备案', 'housing-construction'],
  ['排污许可', 'ecology'],
  ['排水许可', 'water'],
  ['城镇污水排入排水管网许可', 'water'],
  ['水费缴纳', 'water'],
  ['电费缴纳', 'street-office'],
  ['燃气费缴纳', 'street-office'],
  ['义务教育入学报名', 'education'],
  ['税务登记', 'tax'],
  ['发票申领', 'tax'],
  ['个人所得税综合所得汇算', 'tax'],
  ['二手房交易税费申报', 'tax'],
  ['酒类商品零售许可', 'commerce'],
  ['娱乐场所经营许可', 'culture-tourism'],
];

interface ObjectSchema {
  type: string;
  properties: Record<string, unknown>;
  required?: string[];
}

function schemaOf(service: { form: { schema: Record<string, unknown> } }): ObjectSchema {
  return service.form.schema as unknown as ObjectSchema;
}

function newAjv(): Ajv {
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats.default(ajv);
  addCustomFormats(ajv);
  return ajv;
}

const byCode = new Map<string, ServiceDefinition>(DEMO_SERVICES.map((s) => [s.code, s]));

describe('demo service catalogue', () => {
  it('is big enough: ≥160 services over ≥15 departments, ≥12 bundles', () => {
    const stats = catalogStats();
    expect(stats.services).toBe(DEMO_SERVICES.length);
    expect(DEMO_SERVICES.length).toBeGreaterThanOrEqual(160);
    expect(Object.keys(stats.byDepartment).length).toBeGreaterThanOrEqual(15);
    expect(DEMO_BUNDLES.length).toBeGreaterThanOrEqual(12);
    const kinds = Object.keys(stats.byKind).sort();
    expect(kinds).toEqual(
      [
        'administrative_confirmation',
        'administrative_licence',
        'administrative_payment',
        'payment',
        'public_service',
        'query',
        'registration',
      ].sort(),
    );
  });

  it('has unique service and bundle codes and names', () => {
    const codes = [...DEMO_SERVICES.map((s) => s.code), ...DEMO_BUNDLES.map((b) => b.code)];
    expect(new Set(codes).size).toBe(codes.length);
    const names = [...DEMO_SERVICES.map((s) => s.nameZh), ...DEMO_BUNDLES.map((b) => b.nameZh)];
    expect(new Set(names).size).toBe(names.length);
    for (const code of codes) expect(code).toMatch(/^[A-Z]+-\d{4}$/);
  });

  it('uses only departments of the demo city', () => {
    const departments = new Set(DEMO_DEPARTMENTS.map((d) => d.code));
    for (const service of DEMO_SERVICES) expect(departments, service.code).toContain(service.departmentCode);
  });

  it('covers every resident and enterprise topic', () => {
    const topics = new Set(DEMO_SERVICES.flatMap((s) => s.topics));
    for (const topic of [...RESIDENT_TOPICS, ...ENTERPRISE_TOPICS]) expect(topics, topic).toContain(topic);
  });

  it.each(MUST_HAVE)('has %s (%s)', (nameZh, departmentCode) => {
    const found = DEMO_SERVICES.find((s) => s.nameZh === nameZh);
    expect(found, nameZh).toBeDefined();
    expect(found!.departmentCode).toBe(departmentCode);
  });

  it('finds the colloquial words people type', () => {
    const aliasOf = (nameZh: string) => DEMO_SERVICES.find((s) => s.nameZh === nameZh)!.aliases;
    expect(aliasOf('食品经营许可证核发')).toEqual(expect.arrayContaining(['开饭店', '开餐馆', '餐饮许可']));
    expect(aliasOf('机动车违法查询')).toEqual(expect.arrayContaining(['交通违章查询', '违章查询', '罚单']));
    expect(aliasOf('新生儿出生登记（报户口）')).toContain('报户口');
    expect(aliasOf('社会保障卡申领')).toContain('social security card');
    expect(aliasOf('退休申请')).toContain('基本养老金申领');
  });

  it('has well-formed service details', () => {
    for (const s of DEMO_SERVICES) {
      const where = `${s.code} ${s.nameZh}`;
      expect(s.nameEn.length, where).toBeGreaterThan(3);
      expect(s.aliases.length, where).toBeGreaterThanOrEqual(2);
      expect(
        s.aliases.some((a) => /[\u4e00-\u9fa5]/.test(a)),
        `${where} Chinese alias`,
      ).toBe(true);
      expect(
        s.aliases.some((a) => /^[\x20-\x7e]+$/.test(a)),
        `${where} English alias`,
      ).toBe(true);
      expect(s.topics.length, where).toBeGreaterThan(0);
      expect(s.legalBasisZh, where).toMatch(/《.+》/);
      expect(s.guideZh.length, where).toBeGreaterThan(30);
      expect(s.guideEn.length, where).toBeGreaterThan(60);
      expect(s.conditionsZh.length, where).toBe(s.conditionsEn.length);
      expect(s.conditionsZh.length, where).toBeGreaterThan(0);
      if (s.kind === 'query') expect(s.materials.length, where).toBeLessThanOrEqual(2);
      else {
        expect(s.materials.length, where).toBeGreaterThanOrEqual(2);
        expect(s.materials.length, where).toBeLessThanOrEqual(6);
      }
      for (const material of s.materials) {
        if (material.requirement === 'conditional') expect(material.conditionZh, where).toBeTruthy();
        if (material.heldByGovernment) {
          expect(material.heldByGovernment.source, where).toMatch(/^(certificate|register):[a-z_.]+$/);
          expect(material.heldByGovernment.source.startsWith(material.heldByGovernment.kind), where).toBe(
            true,
          );
        }
      }
      expect(s.promisedTimeLimitDays, where).toBeLessThanOrEqual(s.legalTimeLimitDays);
      expect(s.promisedTimeLimitDays, where).toBeGreaterThanOrEqual(0);
      if (s.kind === 'query') {
        expect(s.legalTimeLimitDays, where).toBe(0);
        expect(s.tripsNeeded, where).toBe(0);
      }
      expect(Number.isInteger(s.feeFen) && s.feeFen >= 0, where).toBe(true);
      if (s.feeFen > 0) expect(s.feeNoteZh, where).toBeTruthy();
      expect(s.channels.length, where).toBeGreaterThan(0);
      if (s.handlingScope === 'cross_province') expect(s.provinces?.length, where).toBeGreaterThan(0);
      else expect(s.provinces, where).toBeUndefined();
      expect(s.popularity >= 1 && s.popularity <= 100, where).toBe(true);
    }
  });

  it('has real fees on a few services and many cross-province and city-wide ones', () => {
    expect(DEMO_SERVICES.filter((s) => s.feeFen > 0).length).toBeGreaterThanOrEqual(3);
    expect(DEMO_SERVICES.filter((s) => s.handlingScope === 'cross_province').length).toBeGreaterThanOrEqual(
      5,
    );
    expect(DEMO_SERVICES.filter((s) => s.handlingScope === 'city').length).toBeGreaterThanOrEqual(40);
    expect(DEMO_SERVICES.filter((s) => s.subject !== 'resident').length).toBeGreaterThanOrEqual(50);
  });

  it('passes the catalogue module’s own definition checks (as an import would)', () => {
    for (const s of DEMO_SERVICES) expect(validateServiceDefinition(s, 'en'), s.code).toEqual([]);
    for (const b of DEMO_BUNDLES) expect(validateBundleDefinition(b, byCode, 'en'), b.code).toEqual([]);
  });

  it('has forms whose schemas compile and whose UI hints name real fields', () => {
    const ajv = newAjv();
    for (const s of [...DEMO_SERVICES, ...DEMO_BUNDLES]) {
      const schema = schemaOf(s);
      expect(schema.type, s.code).toBe('object');
      expect(() => ajv.compile(s.form.schema), s.code).not.toThrow();
      const fields = Object.keys(schema.properties);
      expect(fields.length, s.code).toBeGreaterThan(0);
      expect([...s.form.ui.order].sort(), s.code).toEqual([...fields].sort());
      for (const name of schema.required ?? []) expect(fields, s.code).toContain(name);
      for (const [name, property] of Object.entries(schema.properties)) {
        const p = property as Record<string, unknown>;
        expect(typeof p.title, `${s.code}.${name}`).toBe('string');
        expect(typeof p['x-title-en'], `${s.code}.${name}`).toBe('string');
      }
      const ui = s.form.ui;
      for (const hints of [ui.widgets, ui.helpZh, ui.helpEn, ui.prefill]) {
        for (const name of Object.keys(hints ?? {})) expect(fields, `${s.code} hint ${name}`).toContain(name);
      }
      for (const source of Object.values(ui.prefill ?? {})) {
        expect(source, s.code).toMatch(
          /^(population|account|enterprise|certificates|social_insurance|housing_fund|medical_insurance|vehicles|utilities)\.[a-zA-Z]+$/,
        );
      }
    }
  });

  it('accepts a filled-in form and refuses a bad ID number', () => {
    const ajv = newAjv();
    const service = DEMO_SERVICES.find((s) => s.nameZh === '结婚登记')!;
    const validate = ajv.compile(service.form.schema);
    const good = {
      applicantName: '张伟',
      idNumber: makeIdNumber('310109', '19920315', 11),
      spouseName: '李娜',
      spouseIdNumber: makeIdNumber('310104', '19940708', 22),
      registryOffice: 'hongkou',
      appointmentDate: '2025-05-20',
      mobile: '13812345678',
      pledge: true,
    };
    expect(validate(good), JSON.stringify(validate.errors)).toBe(true);
    expect(validate({})).toBe(false);
    const valid = good.idNumber;
    const wrongCheck = valid.slice(0, 17) + (valid[17] === '1' ? '2' : '1');
    expect(validate({ ...good, idNumber: wrongCheck })).toBe(false);
    expect(validate.errors?.map((e) => e.instancePath)).toEqual(['/idNumber']);
    expect(validate({ ...good, mobile: '12345' })).toBe(false);
    expect(validate({ ...good, pledge: false })).toBe(false);
    expect(validate({ ...good, somethingElse: 1 })).toBe(false);
  });

  it('prefills identity fields from the registers', () => {
    const prefills = new Set(DEMO_SERVICES.flatMap((s) => Object.values(s.form.ui.prefill ?? {})));
    for (const source of [
      'population.name',
      'population.idNumber',
      'population.address',
      'enterprise.name',
      'enterprise.uscc',
      'enterprise.legalRepresentative',
      'enterprise.address',
    ]) {
      expect(prefills, source).toContain(source);
    }
  });
});

describe('demo bundles (一件事)', () => {
  it.each(DEMO_BUNDLES.map((b) => [b.nameZh, b] as const))('%s is consistent', (_name, bundle) => {
    const members = bundle.memberCodes.map((code) => byCode.get(code));
    for (const [i, member] of members.entries()) expect(member, bundle.memberCodes[i]).toBeDefined();
    expect(new Set(bundle.memberCodes).size).toBe(bundle.memberCodes.length);
    expect(new Set(members.map((s) => s!.departmentCode)).size).toBeGreaterThanOrEqual(2);
    expect(bundle.guideZh.length).toBeGreaterThan(30);
    expect(bundle.aliases.length).toBeGreaterThan(0);

    const merged = schemaOf(bundle);
    const mergedFields = Object.keys(merged.properties);
    const mappedFields = bundle.mapping.map((m) => m.field);
    expect(new Set(mappedFields).size).toBe(mappedFields.length);
    for (const field of mappedFields) expect(mergedFields).toContain(field);
    for (const field of mergedFields)
      expect(mappedFields, `${field} is asked but fills nothing`).toContain(field);

    const covered = new Set<string>();
    for (const { field, targets } of bundle.mapping) {
      expect(targets.length, field).toBeGreaterThan(0);
      for (const target of targets) {
        expect(bundle.memberCodes, `${field} → ${target.serviceCode}`).toContain(target.serviceCode);
        const memberFields = Object.keys(schemaOf(byCode.get(target.serviceCode)!).properties);
        expect(memberFields, `${field} → ${target.serviceCode}.${target.field}`).toContain(target.field);
        covered.add(`${target.serviceCode}#${target.field}`);
      }
    }
    for (const member of members) {
      for (const field of schemaOf(member!).required ?? []) {
        expect(covered, `${member!.code}.${field} is not filled`).toContain(`${member!.code}#${field}`);
      }
    }
  });

  it('include the named life events', () => {
    const names = DEMO_BUNDLES.map((b) => b.nameZh);
    for (const name of [
      '新生儿出生一件事',
      '开办餐饮店一件事',
      '企业开办一件事',
      '退休一件事',
      '二手房交易登记一件事',
      '结婚一件事',
      '身后一件事',
      '残疾人服务一件事',
      '入学一件事',
      '企业注销一件事',
      '员工录用一件事',
      '建设工程竣工验收一件事',
    ]) {
      expect(names).toContain(name);
    }
  });
});
