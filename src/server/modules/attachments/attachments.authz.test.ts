// Who is refused on the attachment routes: anonymous callers (401), cookie writes without the
// CSRF token (403), and every user but the owner (404, so an id tells nothing about others).
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildTestApp, loginAs, type TestApp } from '../../../../test/support/app.ts';
import { describeEachDialect } from '../../../../test/support/dialects.ts';
import { SAMPLE_PNG, uploadBody } from './attachments.test-support.ts';

describeEachDialect('attachments access', (dialect) => {
  let t: TestApp;
  let id: string;

  beforeAll(async () => {
    t = await buildTestApp(dialect);
    const owner = await loginAs(t.app, 'demo-resident');
    const body = uploadBody('photo.png', SAMPLE_PNG);
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/attachments',
      headers: { ...owner.headers, ...body.headers },
      payload: body.payload,
    });
    expect(response.statusCode, response.body).toBe(201);
    id = (response.json() as { id: string }).id;
  });
  afterAll(() => t?.close());

  const routes = () => [
    { method: 'GET' as const, url: `/api/v1/attachments/${id}` },
    { method: 'GET' as const, url: `/api/v1/attachments/${id}/content` },
    { method: 'DELETE' as const, url: `/api/v1/attachments/${id}` },
  ];

  it('refuses anonymous callers on every route', async () => {
    const body = uploadBody('photo.png', SAMPLE_PNG);
    const upload = await t.app.inject({
      method: 'POST',
      url: '/api/v1/attachments',
      headers: body.headers,
      payload: body.payload,
    });
    expect(upload.statusCode).toBe(401);
    expect(upload.json().error.code).toBe('AUTH_REQUIRED');
    for (const request of routes()) {
      const response = await t.app.inject(request);
      expect(response.statusCode, `${request.method} ${request.url}`).toBe(401);
    }
  });

  it('refuses cookie writes without the CSRF token', async () => {
    const owner = await loginAs(t.app, 'demo-resident');
    const body = uploadBody('photo.png', SAMPLE_PNG);
    const upload = await t.app.inject({
      method: 'POST',
      url: '/api/v1/attachments',
      headers: { cookie: owner.cookie, ...body.headers },
      payload: body.payload,
    });
    expect(upload.statusCode).toBe(403);
    expect(upload.json().error.code).toBe('AUTH_CSRF_INVALID');
    const remove = await t.app.inject({
      method: 'DELETE',
      url: `/api/v1/attachments/${id}`,
      headers: { cookie: owner.cookie },
    });
    expect(remove.statusCode).toBe(403);
  });

  it('answers every other user, staff and admins included, as if the upload did not exist', async () => {
    for (const username of [
      'demo-resident2',
      'demo-enterprise',
      'demo-clerk',
      'demo-operator',
      'demo-admin',
    ]) {
      const session = await loginAs(t.app, username);
      for (const request of routes()) {
        const response = await t.app.inject({ ...request, headers: session.headers });
        expect(response.statusCode, `${username} ${request.method} ${request.url}`).toBe(404);
        expect(response.json().error.code).toBe('ATTACHMENT_NOT_FOUND');
      }
    }
    const owner = await loginAs(t.app, 'demo-resident');
    const still = await t.app.inject({ ...routes()[0]!, headers: owner.headers });
    expect(still.statusCode).toBe(200);
  });
});
