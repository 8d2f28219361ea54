// The provider's storage on both databases: upsert and find per model, lookups by uid and user
// code, expiry honoured on read, `consumed` reported after consume, revokeByGrantId reaching
// every model of the grant, the purge of expired rows, and a Grant that stops when its check fails.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openDatabase, type DatabaseHandle } from '../../platform/db/database.ts';
import { migrateToLatest } from '../../platform/db/migrate.ts';
import {
  createTestDatabase,
  describeEachDialect,
  type TestDatabase,
} from '../../../../test/support/dialects.ts';
import { KyselyOidcAdapter, purgeExpiredOidcPayloads } from './oidc-adapter.ts';

describeEachDialect('oidc-provider adapter', (dialect) => {
  let testDb: TestDatabase;
  let handle: DatabaseHandle;

  beforeAll(async () => {
    testDb = await createTestDatabase(dialect);
    handle = openDatabase({ databaseUrl: testDb.databaseUrl, dataDir: testDb.dataDir });
    await migrateToLatest(handle.db);
  });
  afterAll(async () => {
    await handle.close();
    await testDb.drop();
  });

  it('stores, updates and finds payloads per model, by id, uid and user code', async () => {
    const sessions = new KyselyOidcAdapter(handle.db, 'Session');
    const codes = new KyselyOidcAdapter(handle.db, 'AuthorizationCode');
    await sessions.upsert('s1', { uid: 'u1', accountId: 'a1', kind: 'Session' }, 60);
    await codes.upsert('s1', { grantId: 'g1', kind: 'AuthorizationCode' }, 60);
    expect(await sessions.find('s1')).toMatchObject({ accountId: 'a1' });
    expect(await sessions.findByUid('u1')).toMatchObject({ accountId: 'a1' });
    expect(await codes.find('s1')).toMatchObject({ grantId: 'g1' });
    await sessions.upsert('s1', { uid: 'u1', accountId: 'a2', kind: 'Session' }, 60);
    expect(await sessions.find('s1')).toMatchObject({ accountId: 'a2' });
    const devices = new KyselyOidcAdapter(handle.db, 'DeviceCode');
    await devices.upsert('d1', { userCode: 'ABCD-EFGH', grantId: 'g9', kind: 'DeviceCode' }, 60);
    expect(await devices.findByUserCode('ABCD-EFGH')).toMatchObject({ grantId: 'g9' });
    await sessions.destroy('s1');
    expect(await sessions.find('s1')).toBeUndefined();
    expect(await codes.find('s1')).toBeDefined();
  });

  it('honours expiry and purges expired rows', async () => {
    const tokens = new KyselyOidcAdapter(handle.db, 'AccessToken');
    await tokens.upsert('expired', { grantId: 'g2', kind: 'AccessToken' }, 60);
    await handle.db
      .updateTable('oidcPayloads')
      .set({ expiresAt: new Date(Date.now() - 1000).toISOString() })
      .where('id', '=', 'expired')
      .execute();
    await tokens.upsert('live', { grantId: 'g2', kind: 'AccessToken' }, 60);
    expect(await tokens.find('expired')).toBeUndefined();
    expect(await tokens.find('live')).toBeDefined();
    expect(await purgeExpiredOidcPayloads(handle.db)).toBeGreaterThanOrEqual(1);
    const left = await handle.db
      .selectFrom('oidcPayloads')
      .select('id')
      .where('id', '=', 'expired')
      .execute();
    expect(left).toEqual([]);
  });

  it('reports consumption, and revokes everything a grant issued', async () => {
    const refresh = new KyselyOidcAdapter(handle.db, 'RefreshToken');
    const access = new KyselyOidcAdapter(handle.db, 'AccessToken');
    const grants = new KyselyOidcAdapter(handle.db, 'Grant');
    await refresh.upsert('r1', { grantId: 'g3', kind: 'RefreshToken' }, 600);
    await access.upsert('a3', { grantId: 'g3', kind: 'AccessToken' }, 600);
    await grants.upsert('g3', { accountId: 'acc', clientId: 'c', kind: 'Grant' }, 600);
    await access.upsert('other', { grantId: 'g4', kind: 'AccessToken' }, 600);
    expect((await refresh.find('r1'))?.consumed).toBeUndefined();
    await refresh.consume('r1');
    expect((await refresh.find('r1'))?.consumed).toEqual(expect.any(Number));
    await refresh.revokeByGrantId('g3');
    expect(await refresh.find('r1')).toBeUndefined();
    expect(await access.find('a3')).toBeUndefined();
    expect(await access.find('other')).toBeDefined();
  });

  it('hides a payload whose liveness check fails (a grant whose consents were all withdrawn)', async () => {
    let alive = true;
    const grants = new KyselyOidcAdapter(handle.db, 'Grant', async () => alive);
    await grants.upsert('g5', { accountId: 'acc', clientId: 'c', kind: 'Grant' }, 600);
    expect(await grants.find('g5')).toBeDefined();
    alive = false;
    expect(await grants.find('g5')).toBeUndefined();
  });
});
