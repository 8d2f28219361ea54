import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { stringify } from 'csv-stringify/sync';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../../../test/support/app.ts';
import { describeEachDialect } from '../../../../test/support/dialects.ts';
import { exportFacilitiesCsv, importFacilitiesCsv } from './facilities-transfer.ts';
import { FACILITY_CSV_COLUMNS } from './facility-record.ts';

const HEADER = FACILITY_CSV_COLUMNS.join(',');

/** A generated CSV: row i is in one of 20 Hongkou/Putuo streets; every 997th row is broken. */
function generatedCsv(rows: number, variant = '') {
  const lines = [HEADER];
  const bad = new Map<number, string>();
  const breakers = [
    (cells: string[]) => ((cells[3] = 'city'), 'tier'),
    (cells: string[]) => ((cells[7] = '91.5'), 'lat'),
    (cells: string[]) => ((cells[13] = 'meals;karaoke'), 'service'),
    (cells: string[]) => ((cells[14] = 'Mo-Fr 9-5'), 'opening_hours'),
    (cells: string[]) => ((cells[5] = '不存在街道'), 'street'),
  ];
  for (let i = 1; i <= rows; i += 1) {
    const street = i % 2 ? `310109${String((i % 8) + 1).padStart(3, '0')}` : '310107001';
    const cells = [
      `G${String(i).padStart(7, '0')}`,
      `测试设施${i}${variant}`,
      i % 3 ? '睦邻点' : '邻里之家',
      i % 10 === 0 ? 'area' : 'village',
      street.slice(0, 6),
      street,
      `上海市测试路${i}号`,
      (31.2 + (i % 1000) / 10000).toFixed(4),
      (121.4 + (i % 997) / 10000).toFixed(4),
      String(2000 + (i % 20)),
      i % 4 ? '' : '2020',
      i % 5 ? 'purchased' : 'self',
      i % 5 ? '上海测试社工服务社（演示）' : '',
      'meals;health',
      'Mo-Fr 09:00-17:00; Sa 09:00-12:00',
    ];
    if (i % 997 === 0) bad.set(i + 1, breakers[(i / 997) % breakers.length]!(cells));
    lines.push(stringify([cells]).trimEnd());
  }
  return { text: `${lines.join('\n')}\n`, bad };
}

describeEachDialect('facilities CSV import and export', (dialect) => {
  let t: TestApp;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tongban-facilities-'));
  beforeAll(async () => {
    t = await buildTestApp(dialect);
  });
  afterAll(async () => {
    await t.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });
  const db = () => t.runtime.deps.database.db;
  const importText = (text: string) => {
    const refused: { line: number; reason: string }[] = [];
    return importFacilitiesCsv(db(), Readable.from([text]), {
      onRefused: (line, _code, reason) => refused.push({ line, reason }),
      thisYear: 2026,
    }).then((report) => ({ report, refused }));
  };
  const exportText = async () => {
    const file = path.join(dir, `export-${Date.now()}-${Math.random()}.csv`);
    const output = fs.createWriteStream(file);
    await exportFacilitiesCsv(db(), output);
    await new Promise((resolve) => output.end(resolve));
    return fs.readFileSync(file, 'utf8');
  };

  it('computes exact figures on a small known network', async () => {
    await db().deleteFrom('facilityEvents').execute();
    await db().deleteFrom('facilityRecommendations').execute();
    await db().deleteFrom('facilityUtilisation').execute();
    await db().deleteFrom('facilityCapacities').execute();
    await db().deleteFrom('facilityKeys').execute();
    await db().deleteFrom('facilityTerminals').execute();
    await db().deleteFrom('facilities').execute();
    const rows = [
      'K1,嘉兴路街道市民驿站,市民驿站,street,虹口区,嘉兴路街道,上海市虹口区海宁路1号,31.26,121.49,2016,,purchased,乐群社工（演示）,meals;health,Mo-Fr 09:00-17:00',
      'K2,嘉兴路第一分站,市民驿站,area,310109,310109004,上海市虹口区海宁路2号,31.261,121.491,2005,2013,self,,culture,Mo-Fr 09:00-17:00',
      'K3,某居民区睦邻点,睦邻点,village,310109,310109004,上海市虹口区海宁路3号,31.262,121.492,2001,2019,self,,culture,Mo-Fr 09:00-17:00',
      'K4,曲阳路睦邻点,睦邻点,village,310109,曲阳路街道,上海市虹口区曲阳路4号,31.28,121.50,2010,,self,,culture,Mo-Fr 09:00-17:00',
      'K5,石泉路邻里之家,邻里之家,village,普陀区,石泉路街道,上海市普陀区石泉路5号,31.25,121.43,2018,,self,,health,Sa-Su 10:00-16:00',
    ];
    const { report, refused } = await importText([HEADER, ...rows].join('\n'));
    expect(refused).toEqual([]);
    expect(report).toEqual({ rows: 5, created: 5, updated: 0, refused: 0 });
    const stats = (await t.app.inject('/api/v1/facilities/stats')).json();
    expect(stats).toMatchObject({
      total: 5,
      byTier: { street: 1, area: 1, village: 3 },
      byNameType: { 市民驿站: 2, 睦邻点: 2, 邻里之家: 1 },
      builtOrRenovatedSince2014Share: 3 / 5,
      // 嘉兴路 buys the service; 曲阳路 and 石泉路 run theirs themselves.
      purchasedServiceShare: 1 / 3,
    });
    expect(stats.byDistrict).toEqual([
      expect.objectContaining({ code: '310107', total: 1, purchasedServiceShare: 0 }),
      expect.objectContaining({
        code: '310109',
        total: 4,
        streetsWithFacilities: 2,
        purchasedServiceShare: 0.5,
      }),
    ]);
  });

  const size = dialect === 'sqlite' ? 100_000 : 2_000;

  it(`imports ${size} generated rows, reporting each bad row by line and importing the rest`, async () => {
    const { text, bad } = generatedCsv(size);
    const started = performance.now();
    const { report, refused } = await importText(text);
    const seconds = (performance.now() - started) / 1000;
    console.info(`[${dialect}] imported ${size} facility rows in ${seconds.toFixed(1)} s`);
    expect(refused.map((entry) => entry.line)).toEqual([...bad.keys()]);
    for (const entry of refused) expect(entry.reason).toContain(bad.get(entry.line)!);
    expect(report).toEqual({ rows: size, created: size - bad.size, updated: 0, refused: bad.size });
    expect((await t.app.inject('/api/v1/facilities/stats')).json().total).toBe(5 + size - bad.size);
    const audit = await db()
      .selectFrom('auditLog')
      .select('details')
      .where('action', '=', 'facility.import')
      .execute();
    expect(audit.length).toBe(1 + Math.ceil((size - bad.size) / 1000));
  }, 120_000);

  it('re-imports idempotently by code, applying updates', async () => {
    const { text, bad } = generatedCsv(size, '（改）');
    const { report } = await importText(text);
    expect(report).toEqual({ rows: size, created: 0, updated: size - bad.size, refused: bad.size });
    const one = await db()
      .selectFrom('facilities')
      .select('name')
      .where('code', '=', 'G0000001')
      .executeTakeFirstOrThrow();
    expect(one.name).toBe('测试设施1（改）');
    expect((await t.app.inject('/api/v1/facilities/stats')).json().total).toBe(5 + size - bad.size);
  }, 120_000);

  it('exports what the import reads back identically', async () => {
    const first = await exportText();
    expect(first.split('\n')[0]).toBe(HEADER);
    expect(first.split('\n').length).toBe(5 + size - generatedCsv(size).bad.size + 2);
    const { report } = await importText(first);
    expect(report.refused).toBe(0);
    expect(report.created).toBe(0);
    expect(await exportText()).toBe(first);
  }, 120_000);
});
