import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServiceDefinition } from '../../test/support/catalog-factories.ts';
import { openDatabase } from '../server/platform/db/database.ts';

const BIN = path.resolve('bin/tongban.mjs');

describe('tongban import/export services', () => {
  let dataDir: string;
  const run = (...args: string[]) =>
    spawnSync(process.execPath, [BIN, ...args], {
      env: { ...process.env, TONGBAN_DATA_DIR: dataDir, TONGBAN_LOG_LEVEL: 'silent' },
      encoding: 'utf8',
      timeout: 120_000,
    });
  const file = (name: string) => path.join(dataDir, name);
  const entries = async () => {
    const database = openDatabase({ databaseUrl: undefined, dataDir });
    try {
      return await database.db
        .selectFrom('catalogEntries as e')
        .leftJoin('catalogVersions as v', 'v.entryId', 'e.id')
        .select(['e.code', 'e.status', 'v.version', 'v.status as versionStatus', 'v.definition'])
        .orderBy('e.code')
        .orderBy('v.version')
        .execute();
    } finally {
      await database.close();
    }
  };

  beforeAll(() => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tongban-transfer-'));
    expect(run('seed', '--demo').status).toBe(0);
  });
  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  it('imports JSON all or nothing per entry, reporting each refused one with its position and reason', async () => {
    const good = buildServiceDefinition({ code: 'SAMR-IMP1' });
    const bad = buildServiceDefinition({
      code: 'SAMR-IMP2',
      promisedTimeLimitDays: 20,
      legalTimeLimitDays: 10,
    });
    fs.writeFileSync(file('new.json'), JSON.stringify({ services: [good, bad] }));
    const result = run('import', 'services', file('new.json'), '--publish');
    expect(result.status).toBe(1);
    expect(result.stdout).toMatch(/entry 2 \(SAMR-IMP2\): \/promisedTimeLimitDays: /);
    expect(result.stdout).toMatch(/1 imported and published, 1 refused/);
    const codes = (await entries()).map((e) => e.code);
    expect(codes).toContain('SAMR-IMP1');
    expect(codes).not.toContain('SAMR-IMP2');
  });

  it('exports JSON that imports again unchanged, and CSV with the documented header', () => {
    expect(run('export', 'services', file('all.json')).status).toBe(0);
    const exported = JSON.parse(fs.readFileSync(file('all.json'), 'utf8')) as {
      services: { code: string }[];
    };
    expect(exported.services.map((s) => s.code)).toContain('SAMR-IMP1');
    expect(run('export', 'services', file('all.csv')).status).toBe(0);
    const header = fs.readFileSync(file('all.csv'), 'utf8').split('\n')[0];
    expect(header).toBe(
      'code,name_zh,name_en,kind,subject,department,topics,aliases,legal_time_limit_days,promised_time_limit_days,fee_fen,channels,trips_needed,handling_scope,provinces,popularity,legal_basis_zh',
    );
  });

  it('updates flat fields from CSV as new drafts, refusing bad rows by line number', async () => {
    const lines = fs.readFileSync(file('all.csv'), 'utf8').trim().split('\n');
    const imp1 = lines.find((line) => line.startsWith('SAMR-IMP1,'))!;
    const renamed = imp1.replace('测试用户外广告登记', '户外招牌登记（新名）');
    const negativeFee = imp1.replace('SAMR-IMP1', 'NO-SUCH-1');
    fs.writeFileSync(file('update.csv'), [lines[0], renamed, negativeFee].join('\n'));
    const result = run('import', 'services', file('update.csv'));
    expect(result.status).toBe(1);
    expect(result.stdout).toMatch(/line 3 \(NO-SUCH-1\): \/code: No service NO-SUCH-1/);
    const versions = (await entries()).filter((e) => e.code === 'SAMR-IMP1');
    expect(versions.map((v) => [v.version, v.versionStatus])).toEqual([
      [1, 'published'],
      [2, 'draft'],
    ]);
    expect(JSON.parse(versions[1]!.definition!).nameZh).toBe('户外招牌登记（新名）');
  });

  it('says clearly what is wrong with the call', () => {
    expect(run('import', 'services').status).toBe(2);
    expect(run('import', 'services', file('missing.json')).stderr).toMatch(/no such file/);
    fs.writeFileSync(file('broken.json'), '{"services": [');
    const broken = run('import', 'services', file('broken.json'));
    expect(broken.status).toBe(2);
    expect(broken.stderr).toMatch(/not valid JSON/);
    expect(run('import', 'things', 'x.json').stderr).toMatch(/cannot import "things"/);
  });
});
