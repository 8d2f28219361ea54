// One whole application, counted: opening the form prefills it (one access record per register
// read), the applicant files it, a caseworker reads the applicant's record for it; every read
// leaves exactly one access record, all of them show up in the applicant's 用数记录, and nothing
// else does.
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { ServiceDefinition } from '../../../contracts/catalog.ts';
import { buildTestApp, loginAs, type TestApp, type TestSession } from '../../../../test/support/app.ts';
import { serviceByCode, submit } from '../../../../test/support/applications.ts';
import { describeEachDialect } from '../../../../test/support/dialects.ts';
import { sampleFormData } from '../../../../test/support/form-samples.ts';
import { heldProbe } from './held-material-sources.ts';

describeEachDialect('access records of a whole application', (dialect) => {
  let t: TestApp;
  let resident: TestSession;

  beforeAll(async () => {
    // No department system answers here (port 9 refuses): social insurance reads fail, leaving no record.
    t = await buildTestApp(dialect, { departmentServerUrl: 'http://127.0.0.1:9', departmentRetries: 0 });
    resident = await loginAs(t.app, 'demo-resident');
  }, 60_000);
  afterAll(() => t?.close());

  const readsOf = (requestId: string) =>
    t.runtime.deps.database.db
      .selectFrom('auditLog')
      .select(['action', 'objectId', 'details', 'subjectPersonId'])
      .where('requestId', '=', requestId)
      .where('action', 'like', 'data.read%')
      .execute();
  const allReads = async () =>
    Number(
      (
        await t.runtime.deps.database.db
          .selectFrom('auditLog')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('action', '=', 'data.read')
          .executeTakeFirstOrThrow()
      ).n,
    );

  it('leaves exactly one access record per register read, each in the applicant’s 用数记录', async () => {
    const start = await allReads();
    const service = await serviceByCode(t.app, 'SAMR-0002');
    const definition = service.definition as unknown as ServiceDefinition;
    // The registers the form's prefill map and its held materials name (the social insurance
    // department is not running here, so a read of it would fail and leave no record).
    const registers = new Set([
      ...Object.values(definition.form.ui.prefill ?? {}).map((source) => source.split('.')[0]!),
      ...definition.materials.flatMap((m) => {
        const probe = heldProbe(m);
        return probe ? [probe.register] : [];
      }),
    ]);
    registers.delete('social_insurance');

    const prefill = await t.app.inject({
      url: `/api/v1/services/${service.id}/prefill`,
      headers: resident.headers,
    });
    expect(prefill.statusCode).toBe(200);
    const prefillReads = await readsOf(prefill.headers['x-request-id'] as string);
    expect(prefillReads.map((r) => r.action).every((a) => a === 'data.read')).toBe(true);
    expect(prefillReads.map((r) => r.objectId).sort()).toEqual([...registers].sort());

    const prefilled = prefill.json().fields as Record<string, { value: unknown }>;
    const data = sampleFormData(
      definition.form.schema,
      Object.fromEntries(Object.entries(prefilled).map(([k, v]) => [k, v.value])),
    );
    const filed = await submit(t.app, resident, {
      serviceId: service.id,
      data,
      prefilledFields: Object.keys(prefilled),
    });
    expect(filed.statusCode).toBe(201);
    const applicationId = filed.json().id as string;
    // Whatever the applications module reads while filing goes through the gateway too.
    const filingReads = await readsOf(filed.headers['x-request-id'] as string);
    for (const read of filingReads) expect(read.action).toBe('data.read');

    const clerk = await loginAs(t.app, 'demo-clerk');
    const staffRead = await t.app.inject({
      method: 'POST',
      url: '/api/v1/staff/register-reads',
      headers: clerk.headers,
      payload: {
        subject: { personId: prefillReads[0]!.subjectPersonId },
        register: 'population',
        fields: ['name', 'idNumber', 'address'],
        purpose: '受理个体工商户设立登记，核对经营者身份',
        applicationId,
      },
    });
    expect(staffRead.statusCode).toBe(200);
    expect(await readsOf(staffRead.headers['x-request-id'] as string)).toHaveLength(1);

    const total = (await allReads()) - start;
    expect(total).toBe(prefillReads.length + filingReads.length + 1);
    const log = (
      await t.app.inject({ url: '/api/v1/me/data-access-records?limit=100', headers: resident.headers })
    ).json() as {
      items: { consumerKind: string; applicationId: string | null; serviceCode: string | null }[];
    };
    const reads = log.items.filter((i) => i.consumerKind !== 'other');
    expect(reads).toHaveLength(total);
    expect(reads[0]).toMatchObject({ consumerKind: 'staff_role', applicationId });
    expect(
      reads.filter((i) => i.consumerKind === 'service_form').every((i) => i.serviceCode === 'SAMR-0002'),
    ).toBe(true);
  });
});
