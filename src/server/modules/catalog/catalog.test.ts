import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildTestApp, loginAs, type TestApp, type TestSession } from '../../../../test/support/app.ts';
import { buildServiceDefinition } from '../../../../test/support/catalog-factories.ts';
import { describeEachDialect } from '../../../../test/support/dialects.ts';
import { seedDemo } from '../../../../demo/seed.ts';

interface ListItem {
  id: string;
  code: string;
  name: string;
  nameZh: string;
  department: string | null;
  type: string;
  subject: string;
}

describeEachDialect('service catalogue', (dialect) => {
  let t: TestApp;
  let officeAdmin: TestSession;
  let admin: TestSession;
  beforeAll(async () => {
    t = await buildTestApp(dialect);
    officeAdmin = await loginAs(t.app, 'demo-office-admin');
    admin = await loginAs(t.app, 'demo-admin');
  });
  afterAll(() => t.close());

  const search = async (query: string, headers: Record<string, string> = {}) => {
    const response = await t.app.inject({ url: `/api/v1/services?${query}`, headers });
    expect(response.statusCode, response.body).toBe(200);
    return response.json() as {
      items: ListItem[];
      total: number;
      facets: Record<string, Record<string, number>>;
    };
  };

  it('answers the contract shape: items with id, code, name, department, subject; total', async () => {
    const result = await search(`q=${encodeURIComponent('医保')}&limit=5`);
    expect(result.total).toBeGreaterThan(0);
    expect(result.items.length).toBeLessThanOrEqual(5);
    for (const item of result.items) {
      expect(item).toEqual(
        expect.objectContaining({
          id: expect.any(String),
          code: expect.any(String),
          name: expect.any(String),
          subject: expect.any(String),
        }),
      );
    }
    expect(result.items.map((i) => i.nameZh)).toContain('医保信息查询');
  });

  it('filters by department with facet counts that add up', async () => {
    const all = await search('limit=1');
    const byDepartment = all.facets.department!;
    expect(byDepartment['medical-insurance']).toBeGreaterThan(0);
    const filtered = await search('department=medical-insurance&limit=100');
    expect(filtered.total).toBe(byDepartment['medical-insurance']);
    expect(new Set(filtered.items.map((i) => i.department))).toEqual(new Set(['medical-insurance']));
  });

  it('refuses unknown filters and values in the caller language', async () => {
    const response = await t.app.inject({
      url: '/api/v1/services?subject=alien',
      headers: { 'accept-language': 'en' },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.details[0].path).toBe('?/subject');
  });

  it('shows a service page by id and by code, with what the government already holds', async () => {
    const [first] = (await search(`q=${encodeURIComponent('医保信息查询')}&limit=1`)).items;
    const byId = await t.app.inject(`/api/v1/services/${first!.id}`);
    const byCode = await t.app.inject(`/api/v1/services/${first!.code}`);
    expect(byId.statusCode).toBe(200);
    expect(byCode.json().id).toBe(first!.id);
    const detail = byId.json();
    expect(detail.definition.guideZh.length).toBeGreaterThan(10);
    expect(detail.versionId).toEqual(expect.any(String));
    const missing = await t.app.inject('/api/v1/services/NO-SUCH-0001');
    expect(missing.statusCode).toBe(404);
    expect(missing.json().error.code).toBe('CATALOG_ENTRY_NOT_FOUND');
  });

  it('tells where to go: the competent office in 310109 has an address, phone and hours', async () => {
    const response = await t.app.inject('/api/v1/services/MIB-0011');
    expect(response.statusCode, response.body).toBe(200);
    const offices = response.json().competentOffices as {
      districtCode: string;
      officeName: string;
      address: string | null;
      phone: string | null;
      openingHours: string | null;
    }[];
    const hongkou = offices.find((office) => office.districtCode === '310109');
    expect(hongkou).toEqual(
      expect.objectContaining({
        officeName: '虹口区医保局',
        address: expect.stringMatching(/^上海市虹口区.+\d+号（虹口区行政服务中心）$/),
        phone: expect.stringMatching(/^021-\d{8}$/),
        openingHours: 'Mo-Fr 09:00-17:00; Sa 09:00-12:00',
      }),
    );
  });

  it('gives demo offices made before contact details theirs on the next seed, keeping set ones', async () => {
    const { db } = t.runtime.deps.database;
    await db
      .updateTable('offices')
      .set({ address: null, phone: null, openingHours: null })
      .where('code', 'in', ['hrss-310109', 'hrss-310104'])
      .execute();
    await db.updateTable('offices').set({ address: '另址' }).where('code', '=', 'hrss-310104').execute();
    await seedDemo(db);
    await seedDemo(db);
    const rows = await db
      .selectFrom('offices')
      .select(['code', 'address', 'phone', 'openingHours'])
      .where('code', 'in', ['hrss-310109', 'hrss-310104'])
      .orderBy('code')
      .execute();
    expect(rows[0]).toEqual({ code: 'hrss-310104', address: '另址', phone: null, openingHours: null });
    expect(rows[1]).toEqual(
      expect.objectContaining({
        code: 'hrss-310109',
        address: expect.stringContaining('虹口区行政服务中心'),
      }),
    );
  });

  it('gives bundles the figures of their members: slowest days, summed fees, any trip', async () => {
    const result = await search(`q=${encodeURIComponent('开办餐饮店一件事')}&limit=1`);
    const bundle = result.items[0] as ListItem & {
      promisedTimeLimitDays: number;
      feeFen: number;
      tripsNeeded: number;
    };
    expect(bundle.type).toBe('bundle');
    const detail = (await t.app.inject(`/api/v1/services/${bundle.id}`)).json();
    const members = await Promise.all(
      (detail.members as { id: string }[]).map(async (m) =>
        (await t.app.inject(`/api/v1/services/${m.id}`)).json(),
      ),
    );
    expect(bundle.promisedTimeLimitDays).toBe(Math.max(...members.map((m) => m.promisedTimeLimitDays)));
    expect(bundle.feeFen).toBe(members.reduce((sum, m) => sum + m.feeFen, 0));
    expect(bundle.tripsNeeded).toBe(Math.max(...members.map((m) => m.tripsNeeded)));
    expect(detail.promisedTimeLimitDays).toBe(bundle.promisedTimeLimitDays);
  });

  it('suggests as you type', async () => {
    const response = await t.app.inject(`/api/v1/services/suggest?q=${encodeURIComponent('公积金')}`);
    expect(response.statusCode).toBe(200);
    const items = response.json().items as { text: string }[];
    expect(items.length).toBeGreaterThan(0);
    expect(items.every((item) => item.text.includes('公积金'))).toBe(true);
    const ids = (items as unknown as { id: string }[]).map((item) => item.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('lists topics for browsing by life event and enterprise lifecycle', async () => {
    const topics = (await t.app.inject('/api/v1/topics')).json().items as {
      code: string;
      audience: string;
    }[];
    expect(topics.filter((topic) => topic.audience === 'resident').map((topic) => topic.code)).toContain(
      'birth',
    );
    expect(topics.filter((topic) => topic.audience === 'enterprise').map((topic) => topic.code)).toContain(
      'startup',
    );
  });

  it('versions a service: draft is invisible, publish shows it, edits make a new draft, retire removes it', async () => {
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/v1/admin/catalog',
      headers: officeAdmin.headers,
      payload: { entryType: 'service', definition: buildServiceDefinition() },
    });
    expect(created.statusCode, created.body).toBe(201);
    const { entryId } = created.json();
    expect((await search(`q=${encodeURIComponent('户外广告登记')}`)).items.map((i) => i.id)).not.toContain(
      entryId,
    );
    expect((await t.app.inject(`/api/v1/services/${entryId}`)).statusCode).toBe(404);

    const published = await t.app.inject({
      method: 'POST',
      url: `/api/v1/admin/catalog/${entryId}/publish`,
      headers: officeAdmin.headers,
      payload: {},
    });
    expect(published.json()).toMatchObject({ version: 1 });
    expect((await search(`q=${encodeURIComponent('户外广告登记')}`)).items[0]?.id).toBe(entryId);
    const detail = (await t.app.inject(`/api/v1/services/${entryId}`)).json();
    expect(detail.competentOffices).toHaveLength(16);
    expect(
      detail.competentOffices.find((o: { districtCode: string }) => o.districtCode === '310109').officeName,
    ).toBe('虹口区市场监管局');

    const edited = await t.app.inject({
      method: 'PUT',
      url: `/api/v1/admin/catalog/${entryId}/draft`,
      headers: officeAdmin.headers,
      payload: {
        definition: buildServiceDefinition({ nameZh: '户外招牌设置登记', promisedTimeLimitDays: 2 }),
      },
    });
    expect(edited.json()).toMatchObject({ version: 2 });
    const stillV1 = (await t.app.inject(`/api/v1/services/${entryId}`)).json();
    expect(stillV1).toMatchObject({ version: 1, nameZh: '测试用户外广告登记' });

    await t.app.inject({
      method: 'POST',
      url: `/api/v1/admin/catalog/${entryId}/publish`,
      headers: officeAdmin.headers,
      payload: {},
    });
    const v2 = (await t.app.inject(`/api/v1/services/${entryId}`)).json();
    expect(v2).toMatchObject({ version: 2, nameZh: '户外招牌设置登记', promisedTimeLimitDays: 2 });
    expect(v2.versionId).not.toBe(stillV1.versionId);
    const versions = await t.runtime.deps.database.db
      .selectFrom('catalogVersions')
      .select(['version', 'status'])
      .where('entryId', '=', entryId)
      .orderBy('version')
      .execute();
    expect(versions).toEqual([
      { version: 1, status: 'superseded' },
      { version: 2, status: 'published' },
    ]);

    const retired = await t.app.inject({
      method: 'POST',
      url: `/api/v1/admin/catalog/${entryId}/retire`,
      headers: officeAdmin.headers,
    });
    expect(retired.statusCode).toBe(204);
    expect((await t.app.inject(`/api/v1/services/${entryId}`)).statusCode).toBe(404);
    expect(
      (await search(`q=${encodeURIComponent('户外招牌设置登记')}`)).items.map((i) => i.id),
    ).not.toContain(entryId);
    const audit = await t.runtime.deps.database.db
      .selectFrom('auditLog')
      .select('action')
      .where('objectId', '=', entryId)
      .orderBy('seq')
      .execute();
    expect(audit.map((a) => a.action)).toEqual([
      'catalog.draft.save',
      'catalog.publish',
      'catalog.draft.save',
      'catalog.publish',
      'catalog.retire',
    ]);
  });

  it('refuses an invalid definition field by field, in the caller language, and stores nothing', async () => {
    const before = await t.runtime.deps.database.db.selectFrom('catalogEntries').select('id').execute();
    const bad = buildServiceDefinition({
      code: 'SAMR-T002',
      promisedTimeLimitDays: 30,
      legalTimeLimitDays: 10,
      form: { schema: { type: 'object', properties: { a: { type: 'strin' } } }, ui: { order: ['a'] } },
    });
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/admin/catalog',
      headers: { ...officeAdmin.headers, 'accept-language': 'zh-CN' },
      payload: { entryType: 'service', definition: bad },
    });
    expect(response.statusCode).toBe(400);
    const paths = (response.json().error.details as { path: string; message: string }[]).map((d) => d.path);
    expect(paths).toEqual(expect.arrayContaining(['/form/schema', '/promisedTimeLimitDays']));
    const validate = await t.app.inject({
      method: 'POST',
      url: '/api/v1/admin/catalog/validate',
      headers: { ...officeAdmin.headers, 'accept-language': 'en' },
      payload: {
        entryType: 'service',
        definition: {
          ...buildServiceDefinition(),
          form: { schema: { type: 'object', properties: {} }, ui: { order: ['ghost'] } },
        },
      },
    });
    expect(validate.json().errors).toEqual([
      { path: '/form/ui/order/0', message: 'ghost in the field order is not a field of the form' },
    ]);
    const after = await t.runtime.deps.database.db.selectFrom('catalogEntries').select('id').execute();
    expect(after).toHaveLength(before.length);
  });

  it("refuses an office admin another department's service, and a code already in use", async () => {
    const other = await t.app.inject({
      method: 'POST',
      url: '/api/v1/admin/catalog',
      headers: officeAdmin.headers,
      payload: {
        entryType: 'service',
        definition: buildServiceDefinition({ code: 'HRSS-T001', departmentCode: 'hrss' }),
      },
    });
    expect(other.statusCode).toBe(403);
    const [existing] = (await search('department=samr&limit=1')).items;
    const taken = await t.app.inject({
      method: 'POST',
      url: '/api/v1/admin/catalog',
      headers: officeAdmin.headers,
      payload: { entryType: 'service', definition: buildServiceDefinition({ code: existing!.code }) },
    });
    expect(taken.statusCode).toBe(409);
    expect(taken.json().error.code).toBe('CATALOG_CODE_TAKEN');
  });

  it('lets the platform admin edit synonyms, which search uses at once', async () => {
    const before = await search(`q=${encodeURIComponent('挂招牌')}`);
    expect(before.items.map((i) => i.nameZh)).not.toContain('企业设立登记');
    const set = await t.app.inject({
      method: 'PUT',
      url: `/api/v1/admin/synonyms/${encodeURIComponent('挂招牌')}`,
      headers: admin.headers,
      payload: { expandsTo: ['企业设立登记'] },
    });
    expect(set.statusCode).toBe(204);
    const after = await search(`q=${encodeURIComponent('挂招牌')}`);
    expect(after.items.map((i) => i.nameZh)).toContain('企业设立登记');
    const list = (
      await t.app.inject({ url: '/api/v1/admin/synonyms', headers: { cookie: admin.cookie } })
    ).json().items;
    expect(list).toContainEqual({ term: '挂招牌', expandsTo: ['企业设立登记'], isBuiltIn: false });
    const refused = await t.app.inject({
      method: 'PUT',
      url: `/api/v1/admin/synonyms/${encodeURIComponent('挂招牌')}`,
      headers: officeAdmin.headers,
      payload: { expandsTo: [] },
    });
    expect(refused.statusCode).toBe(403);
  });
});

describeEachDialect('departments and topics (platform admin)', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp(dialect);
  });
  afterAll(() => t.close());

  it('adds a department and renames a topic; others are refused', async () => {
    const admin = await loginAs(t.app, 'demo-admin');
    const added = await t.app.inject({
      method: 'PUT',
      url: '/api/v1/admin/departments/sports',
      headers: admin.headers,
      payload: { nameZh: '体育局', nameEn: 'Sports Bureau', level: 'district' },
    });
    expect(added.statusCode).toBe(204);
    const departments = (await t.app.inject('/api/v1/reference/departments')).json().items as {
      code: string;
    }[];
    expect(departments.map((d) => d.code)).toContain('sports');
    const renamed = await t.app.inject({
      method: 'PUT',
      url: '/api/v1/admin/topics/birth',
      headers: admin.headers,
      payload: { nameZh: '生育', nameEn: 'Birth', sortOrder: 1 },
    });
    expect(renamed.statusCode).toBe(204);
    const topics = (await t.app.inject('/api/v1/topics')).json().items as { code: string; nameZh: string }[];
    expect(topics.find((topic) => topic.code === 'birth')!.nameZh).toBe('生育');
    const unknownTopic = await t.app.inject({
      method: 'PUT',
      url: '/api/v1/admin/topics/space-travel',
      headers: admin.headers,
      payload: { nameZh: '太空', nameEn: 'Space', sortOrder: 1 },
    });
    expect(unknownTopic.statusCode).toBe(404);
    const officeAdmin = await loginAs(t.app, 'demo-office-admin');
    const refused = await t.app.inject({
      method: 'PUT',
      url: '/api/v1/admin/departments/sports',
      headers: officeAdmin.headers,
      payload: { nameZh: '体育', nameEn: 'Sports', level: 'district' },
    });
    expect(refused.statusCode).toBe(403);
  });
});
