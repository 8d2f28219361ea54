import { createHash, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildTestApp, loginAs, type TestApp, type TestSession } from '../../../../test/support/app.ts';
import { describeEachDialect } from '../../../../test/support/dialects.ts';
import { AppError } from '../../platform/errors.ts';
import {
  SAMPLE_EXE,
  SAMPLE_HTML,
  SAMPLE_JPEG,
  SAMPLE_OFD,
  SAMPLE_PDF,
  SAMPLE_PNG,
  multipartBody,
  uploadBody,
} from './attachments.test-support.ts';
import { ATTACHMENT_CLEANUP_QUEUE, deleteExpiredUnboundAttachments } from './attachments.jobs.ts';
import {
  bindAttachments,
  findAttachment,
  listApplicationAttachments,
  readAttachmentContent,
} from './attachments.service.ts';

const MAX_BYTES = 64 * 1024;
const MAX_UNBOUND = 25;
const RATE_LIMIT = 40;

const sha256 = (content: Buffer) => createHash('sha256').update(content).digest('hex');

describeEachDialect('attachments', (dialect) => {
  let t: TestApp;
  const sessions: Record<string, TestSession> = {};

  beforeAll(async () => {
    t = await buildTestApp(dialect, {
      uploadMaxBytes: MAX_BYTES,
      uploadMaxUnbound: MAX_UNBOUND,
      uploadRateLimitPerMinute: RATE_LIMIT,
    });
    for (const username of [
      'demo-resident',
      'demo-resident2',
      'demo-enterprise',
      'demo-legal-rep',
      'demo-clerk',
      'demo-reviewer',
    ]) {
      sessions[username] = await loginAs(t.app, username);
    }
  });
  afterAll(() => t?.close());

  const db = () => t.runtime.deps.database.db;

  function upload(
    username: string,
    body: { payload: Buffer; headers: Record<string, string> },
    extraHeaders: Record<string, string> = {},
  ) {
    return t.app.inject({
      method: 'POST',
      url: '/api/v1/attachments',
      headers: { ...sessions[username]!.headers, ...body.headers, ...extraHeaders },
      payload: body.payload,
    });
  }

  async function uploadOk(username: string, fileName = 'scan.pdf', content = SAMPLE_PDF): Promise<string> {
    const response = await upload(username, uploadBody(fileName, content));
    expect(response.statusCode, response.body).toBe(201);
    return (response.json() as { id: string }).id;
  }

  async function userId(username: string): Promise<string> {
    const row = await db()
      .selectFrom('users')
      .select('id')
      .where('username', '=', username)
      .executeTakeFirstOrThrow();
    return row.id;
  }

  const countRows = async (table: 'attachments' | 'attachmentContents') =>
    Number(
      (
        await db()
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  it('accepts a real PDF with its sniffed type, size, sha256 and a display name kept in Chinese', async () => {
    const response = await upload(
      'demo-resident',
      uploadBody('营业执照（副本）.pdf', SAMPLE_PDF, { materialKey: 'licence' }),
    );
    expect(response.statusCode, response.body).toBe(201);
    const body = response.json() as Record<string, unknown>;
    expect(body).toEqual({
      id: expect.any(String),
      fileName: '营业执照（副本）.pdf',
      mediaType: 'application/pdf',
      sizeBytes: SAMPLE_PDF.length,
      sha256: sha256(SAMPLE_PDF),
      materialKey: 'licence',
      createdAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
    });
    const audit = await db()
      .selectFrom('auditLog')
      .selectAll()
      .where('action', '=', 'attachment.upload')
      .where('objectId', '=', body.id as string)
      .executeTakeFirstOrThrow();
    expect(audit.actorUserId).toBe(await userId('demo-resident'));
    expect(JSON.parse(audit.details!)).toEqual({
      fileName: '营业执照（副本）.pdf',
      mediaType: 'application/pdf',
      sizeBytes: SAMPLE_PDF.length,
      sha256: sha256(SAMPLE_PDF),
      materialKey: 'licence',
    });
  });

  it('accepts PNG, JPEG and OFD by their content, whatever the declared type', async () => {
    for (const [name, content, expected] of [
      ['photo.png', SAMPLE_PNG, 'image/png'],
      ['photo.jpg', SAMPLE_JPEG, 'image/jpeg'],
      ['电子证照.ofd', SAMPLE_OFD, 'application/ofd'],
    ] as const) {
      const response = await upload(
        'demo-resident',
        uploadBody(name, content, { contentType: 'application/octet-stream' }),
      );
      expect(response.statusCode, response.body).toBe(201);
      expect(response.json()).toMatchObject({ mediaType: expected, sha256: sha256(content), fileName: name });
    }
    // A PNG named .pdf is stored as the PNG it is, and named so.
    const renamed = await upload('demo-resident', uploadBody('scan.pdf', SAMPLE_PNG));
    expect(renamed.json()).toMatchObject({ mediaType: 'image/png', fileName: 'scan.pdf.png' });
  });

  it('refuses a web page or an executable named .pdf (415), an empty file (400), and stores nothing', async () => {
    const before = await countRows('attachments');
    for (const content of [SAMPLE_HTML, SAMPLE_EXE]) {
      const response = await upload('demo-resident', uploadBody('invoice.pdf', content), {
        'accept-language': 'en',
      });
      expect(response.statusCode).toBe(415);
      expect(response.json().error.code).toBe('ATTACHMENT_TYPE_NOT_ALLOWED');
      expect(response.json().error.message).toMatch(/PDF, OFD, JPG or PNG/);
    }
    const empty = await upload('demo-resident', uploadBody('empty.pdf', Buffer.alloc(0)));
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error.code).toBe('ATTACHMENT_EMPTY');
    expect(await countRows('attachments')).toBe(before);
  });

  it('refuses a file over the size limit with 413 and a clear message, and stores nothing', async () => {
    const before = [await countRows('attachments'), await countRows('attachmentContents')];
    const big = Buffer.concat([SAMPLE_PDF, Buffer.alloc(MAX_BYTES, 0x20)]);
    const response = await upload('demo-resident', uploadBody('big.pdf', big));
    expect(response.statusCode).toBe(413);
    expect(response.json().error).toMatchObject({
      code: 'ATTACHMENT_TOO_LARGE',
      message: '文件过大，单个文件不能超过 64 KB',
      details: { maxBytes: MAX_BYTES },
    });
    // Exactly at the limit is fine.
    const exact = Buffer.concat([SAMPLE_PDF, Buffer.alloc(MAX_BYTES - SAMPLE_PDF.length, 0x20)]);
    const atLimit = await upload('demo-resident', uploadBody('exact.pdf', exact));
    expect(atLimit.statusCode, atLimit.body).toBe(201);
    expect([await countRows('attachments'), await countRows('attachmentContents')]).toEqual([
      before[0]! + 1,
      before[1]! + 1,
    ]);
  });

  it('refuses malformed forms: not multipart, no file, two files, a bad material key', async () => {
    const session = sessions['demo-resident']!;
    const json = await t.app.inject({
      method: 'POST',
      url: '/api/v1/attachments',
      headers: session.headers,
      payload: { materialKey: 'x' },
    });
    expect(json.statusCode).toBe(400);
    expect(json.json().error.code).toBe('ATTACHMENT_FORM_INVALID');
    const cases = [
      multipartBody([{ name: 'materialKey', value: 'id-card' }]),
      multipartBody([
        { name: 'file', fileName: 'a.pdf', contentType: 'application/pdf', content: SAMPLE_PDF },
      ]),
      uploadBody('a.pdf', SAMPLE_PDF, { materialKey: '../../etc' }),
      multipartBody([
        { name: 'materialKey', value: 'id-card' },
        { name: 'file', fileName: 'a.pdf', contentType: 'application/pdf', content: SAMPLE_PDF },
        { name: 'file', fileName: 'b.pdf', contentType: 'application/pdf', content: SAMPLE_PDF },
      ]),
    ];
    const before = await countRows('attachments');
    for (const body of cases) {
      const response = await upload('demo-resident', body);
      expect(response.statusCode, response.body).toBe(400);
      expect(response.json().error.code).toBe('ATTACHMENT_FORM_INVALID');
    }
    expect(await countRows('attachments')).toBe(before);
    // The material key may come after the file too.
    const fileFirst = multipartBody([
      { name: 'file', fileName: 'a.pdf', contentType: 'application/pdf', content: SAMPLE_PDF },
      { name: 'materialKey', value: 'after-the-file' },
    ]);
    const ok = await upload('demo-resident', fileFirst);
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json().materialKey).toBe('after-the-file');
  });

  it('the owner reads, downloads and deletes an unbound upload; nobody else can', async () => {
    const id = await uploadOk('demo-resident', '户口本 首页.pdf');
    const owner = sessions['demo-resident']!;
    const meta = await t.app.inject({
      method: 'GET',
      url: `/api/v1/attachments/${id}`,
      headers: owner.headers,
    });
    expect(meta.statusCode).toBe(200);
    expect(meta.json()).toMatchObject({ id, fileName: '户口本 首页.pdf', mediaType: 'application/pdf' });

    const download = await t.app.inject({
      method: 'GET',
      url: `/api/v1/attachments/${id}/content`,
      headers: owner.headers,
    });
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-type']).toBe('application/pdf');
    expect(download.headers['x-content-type-options']).toBe('nosniff');
    expect(download.headers['content-disposition']).toBe(
      `attachment; filename="___ __.pdf"; filename*=UTF-8''${encodeURIComponent('户口本 首页.pdf')}`,
    );
    expect(download.rawPayload.equals(SAMPLE_PDF)).toBe(true);

    for (const other of ['demo-resident2', 'demo-clerk']) {
      const headers = sessions[other]!.headers;
      for (const request of [
        { method: 'GET' as const, url: `/api/v1/attachments/${id}` },
        { method: 'GET' as const, url: `/api/v1/attachments/${id}/content` },
        { method: 'DELETE' as const, url: `/api/v1/attachments/${id}` },
      ]) {
        const response = await t.app.inject({ ...request, headers });
        expect(response.statusCode, `${other} ${request.method} ${request.url}`).toBe(404);
        expect(response.json().error.code).toBe('ATTACHMENT_NOT_FOUND');
      }
    }

    const removed = await t.app.inject({
      method: 'DELETE',
      url: `/api/v1/attachments/${id}`,
      headers: owner.headers,
    });
    expect(removed.statusCode).toBe(204);
    expect(await findAttachment(db(), id)).toBeUndefined();
    const again = await t.app.inject({
      method: 'GET',
      url: `/api/v1/attachments/${id}`,
      headers: owner.headers,
    });
    expect(again.statusCode).toBe(404);
    const audit = await db()
      .selectFrom('auditLog')
      .select('action')
      .where('objectId', '=', id)
      .orderBy('seq')
      .execute();
    expect(audit.map((row) => row.action)).toEqual(['attachment.upload', 'attachment.delete']);
  });

  it('limits unbound uploads per user, and a removed one frees a place', async () => {
    const ids: string[] = [];
    for (let i = 0; i < MAX_UNBOUND; i += 1)
      ids.push(await uploadOk('demo-enterprise', `page-${i}.png`, SAMPLE_PNG));
    const refused = await upload('demo-enterprise', uploadBody('one-more.png', SAMPLE_PNG), {
      'accept-language': 'en',
    });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error).toMatchObject({
      code: 'ATTACHMENT_UPLOAD_LIMIT',
      details: { limit: MAX_UNBOUND },
    });
    expect(refused.json().error.message).toContain(String(MAX_UNBOUND));
    // Others are not affected.
    await uploadOk('demo-resident2');
    const removed = await t.app.inject({
      method: 'DELETE',
      url: `/api/v1/attachments/${ids[0]}`,
      headers: sessions['demo-enterprise']!.headers,
    });
    expect(removed.statusCode).toBe(204);
    await uploadOk('demo-enterprise', 'one-more.png', SAMPLE_PNG);
  });

  it('binds to an application: owner only, once, idempotent, at most 20, all or nothing', async () => {
    const owner = await userId('demo-legal-rep');
    const stranger = await userId('demo-resident2');
    const ids: string[] = [];
    for (let i = 0; i < 21; i += 1) ids.push(await uploadOk('demo-legal-rep', `material-${i}.pdf`));
    const applicationA = randomUUID();
    const applicationB = randomUUID();
    const bind = (ownerUserId: string, attachmentIds: string[], applicationId: string) =>
      db()
        .transaction()
        .execute((trx) => bindAttachments(trx, { ownerUserId, attachmentIds, applicationId }));
    const codeOf = async (work: Promise<unknown>) => {
      try {
        await work;
        return 'bound';
      } catch (error) {
        if (error instanceof AppError) return error.code;
        throw error;
      }
    };

    // More than 20 at once: refused, and nothing bound.
    expect(await codeOf(bind(owner, ids, applicationA))).toBe('ATTACHMENT_LIMIT');
    expect(await listApplicationAttachments(db(), applicationA)).toEqual([]);
    // Someone else's, or an unknown id: refused, nothing bound (even the good ones listed first).
    expect(await codeOf(bind(stranger, ids.slice(0, 2), applicationA))).toBe('ATTACHMENT_NOT_YOURS');
    expect(await codeOf(bind(owner, [ids[0]!, randomUUID()], applicationA))).toBe('ATTACHMENT_NOT_FOUND');
    expect((await findAttachment(db(), ids[0]!))!.applicationId).toBeNull();

    const bound = await bind(owner, ids.slice(0, 19), applicationA);
    expect(bound.map((view) => view.id)).toEqual(ids.slice(0, 19));
    expect(bound.every((view) => view.applicationId === applicationA && view.boundAt !== null)).toBe(true);
    // A retried submit binds nothing twice and answers the same.
    const retried = await bind(owner, ids.slice(0, 19), applicationA);
    expect(retried.map((view) => [view.id, view.applicationId, view.boundAt])).toEqual(
      bound.map((view) => [view.id, view.applicationId, view.boundAt]),
    );
    // Already bound to A: B may not have it.
    expect(await codeOf(bind(owner, [ids[0]!], applicationB))).toBe('ATTACHMENT_ALREADY_USED');
    // 19 bound + 2 more would be 21: refused as a whole inside the caller's transaction.
    const caller = db()
      .transaction()
      .execute(async (trx) => {
        await trx
          .updateTable('attachments')
          .set({ materialKey: 'touched' })
          .where('id', '=', ids[20]!)
          .execute();
        await bindAttachments(trx, {
          ownerUserId: owner,
          attachmentIds: ids.slice(19, 21),
          applicationId: applicationA,
        });
      });
    expect(await codeOf(caller)).toBe('ATTACHMENT_LIMIT');
    expect((await findAttachment(db(), ids[20]!))!.materialKey).toBe('id-card');
    expect(await listApplicationAttachments(db(), applicationA)).toHaveLength(19);
    // Up to 20 is fine, also when the retried submit lists the ones bound before.
    const twenty = await bind(owner, ids.slice(0, 20), applicationA);
    expect(twenty).toHaveLength(20);
    const listed = await listApplicationAttachments(db(), applicationA);
    expect(listed.map((view) => view.id).sort()).toEqual(ids.slice(0, 20).sort());

    // Bound ones are reached through the application, not through the owner's upload routes.
    const headers = sessions['demo-legal-rep']!.headers;
    for (const request of [
      { method: 'GET' as const, url: `/api/v1/attachments/${ids[0]}` },
      { method: 'GET' as const, url: `/api/v1/attachments/${ids[0]}/content` },
      { method: 'DELETE' as const, url: `/api/v1/attachments/${ids[0]}` },
    ]) {
      const response = await t.app.inject({ ...request, headers });
      expect(response.statusCode).toBe(409);
      expect(response.json().error.code).toBe('ATTACHMENT_ALREADY_USED');
    }
    const read = await readAttachmentContent(db(), ids[0]!);
    expect(read!.content.equals(SAMPLE_PDF)).toBe(true);
    expect(read!.view).toMatchObject({ id: ids[0], applicationId: applicationA, ownerUserId: owner });
    expect(await readAttachmentContent(db(), randomUUID())).toBeUndefined();
    // Bound ones no longer count against the owner's unbound limit.
    await uploadOk('demo-legal-rep');
  });

  it('the hourly clean-up deletes unbound uploads older than a day and keeps bound and recent ones', async () => {
    const owner = await userId('demo-reviewer');
    const oldUnbound = await uploadOk('demo-reviewer', 'old.pdf');
    const oldBound = await uploadOk('demo-reviewer', 'old-bound.pdf');
    const recent = await uploadOk('demo-reviewer', 'recent.pdf');
    await db()
      .transaction()
      .execute((trx) =>
        bindAttachments(trx, { ownerUserId: owner, attachmentIds: [oldBound], applicationId: randomUUID() }),
      );
    const dayAndHourAgo = new Date(Date.now() - 25 * 3600 * 1000).toISOString();
    await db()
      .updateTable('attachments')
      .set({ createdAt: dayAndHourAgo })
      .where('id', 'in', [oldUnbound, oldBound])
      .execute();

    // Starting the app queued exactly one run, at the next whole hour.
    const queued = await db()
      .selectFrom('jobs')
      .select(['id', 'runAt', 'dedupeKey'])
      .where('queue', '=', ATTACHMENT_CLEANUP_QUEUE)
      .where('status', '=', 'queued')
      .execute();
    expect(queued).toHaveLength(1);
    const runAt = new Date(queued[0]!.runAt);
    expect(runAt.getTime() % 3_600_000).toBe(0);
    expect(runAt.getTime()).toBeGreaterThan(Date.now());
    expect(queued[0]!.dedupeKey).toBe(`${ATTACHMENT_CLEANUP_QUEUE}:${runAt.toISOString()}`);

    // Make it due and run the queue as the job runner would.
    await db()
      .updateTable('jobs')
      .set({ runAt: new Date(Date.now() - 1000).toISOString() })
      .where('id', '=', queued[0]!.id)
      .execute();
    await t.runtime.deps.jobs.drain();

    expect(await findAttachment(db(), oldUnbound)).toBeUndefined();
    expect(
      await db()
        .selectFrom('attachmentContents')
        .select('attachmentId')
        .where('attachmentId', '=', oldUnbound)
        .execute(),
    ).toEqual([]);
    expect(await findAttachment(db(), oldBound)).toBeDefined();
    expect(await findAttachment(db(), recent)).toBeDefined();
    const ran = await db()
      .selectFrom('jobs')
      .select('status')
      .where('id', '=', queued[0]!.id)
      .executeTakeFirstOrThrow();
    expect(ran.status).toBe('done');
    const next = await db()
      .selectFrom('jobs')
      .select(['runAt'])
      .where('queue', '=', ATTACHMENT_CLEANUP_QUEUE)
      .where('status', '=', 'queued')
      .execute();
    expect(next).toHaveLength(1);
    expect(new Date(next[0]!.runAt).getTime()).toBeGreaterThan(Date.now());
    const audit = await db()
      .selectFrom('auditLog')
      .select(['actorUserId', 'details'])
      .where('action', '=', 'attachment.expire')
      .executeTakeFirstOrThrow();
    expect(audit.actorUserId).toBeNull();
    expect(JSON.parse(audit.details!)).toMatchObject({ count: 1, ids: [oldUnbound] });
    // Nothing more to do on a second pass.
    expect(await deleteExpiredUnboundAttachments(db())).toBe(0);
  });

  it('rate-limits uploads per user', async () => {
    const statuses: number[] = [];
    for (let i = 0; i <= RATE_LIMIT; i += 1) {
      const response = await upload('demo-clerk', uploadBody('counter.pdf', Buffer.alloc(0)));
      statuses.push(response.statusCode);
    }
    expect(statuses.slice(0, RATE_LIMIT).every((status) => status === 400)).toBe(true);
    const limited = await upload('demo-clerk', uploadBody('counter.pdf', SAMPLE_PDF));
    expect(limited.statusCode).toBe(429);
    expect(limited.json().error.code).toBe('RATE_LIMITED');
    // Another user is not held back.
    await uploadOk('demo-resident2');
  });
});
