import { createHash, randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { bootPlatform, type BootedPlatform } from '@hotline/infra/platform/testing';
import { workflowService } from '@hotline/workflow';
import { signIn, type SessionHeaders } from '@hotline/gateway/testing';
import { createGatewayService, gatewayService } from '@hotline/gateway';

const PNG = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  Buffer.from('IHDR fake image body for the test'),
]);

describe('POST/GET /api/attachments over real HTTP [embedded]', () => {
  let running: BootedPlatform;
  let AGENT: SessionHeaders;

  const upload = (name: string, type: string, content: Buffer, field = 'file'): Promise<Response> => {
    const form = new FormData();
    form.append(field, new Blob([content], { type }), name);
    return fetch(`${running.url}/api/attachments`, { method: 'POST', body: form });
  };

  beforeAll(async () => {
    running = await bootPlatform([workflowService, gatewayService]);
    AGENT = await signIn(running.url, 'agent');
  });
  afterAll(async () => {
    await running.close();
  });

  it('stores an image with its SHA-256 under an unguessable id, serves it back, and a case can reference it', async () => {
    const response = await upload('现场照片.png', 'image/png', PNG);
    expect(response.status).toBe(201);
    const stored = (await response.json()) as Record<string, unknown>;
    expect(stored).toEqual({
      id: expect.stringMatching(/^att-[A-Za-z0-9_-]{24}$/),
      name: '现场照片.png',
      mediaType: 'image/png',
      sizeBytes: PNG.length,
      sha256: createHash('sha256').update(PNG).digest('hex'),
    });
    const again = (await (await upload('a.png', 'image/png', PNG)).json()) as { id: string };
    expect(again.id).not.toBe(stored.id);

    const download = await fetch(`${running.url}/api/attachments/${String(stored.id)}`, { headers: AGENT });
    expect(download.status).toBe(200);
    expect(download.headers.get('content-type')).toBe('image/png');
    expect(download.headers.get('x-content-type-options')).toBe('nosniff');
    expect(download.headers.get('content-disposition')).toContain(encodeURIComponent('现场照片.png'));
    expect(Buffer.from(await download.arrayBuffer()).equals(PNG)).toBe(true);

    const { sha256: _sha256, ...ref } = stored;
    const registered = await fetch(`${running.url}/api/cases`, {
      method: 'POST',
      headers: { ...AGENT, 'content-type': 'application/json' },
      body: JSON.stringify({
        commandId: randomUUID(),
        caseId: `att-case-${randomUUID()}`,
        type: 'report',
        categoryCode: '030101',
        content: '路灯损坏，附现场照片',
        citizen: { name: '李女士', phone: '13800138000' },
        channel: 'web',
        attachments: [ref],
      }),
    });
    expect(registered.status).toBe(201);
    // The case references the upload: kept for good, out of reach of the sweep of unreferenced uploads.
    const attachments = join(running.dir, 'attachments');
    expect(existsSync(join(attachments, 'refs', `${String(stored.id)}.json`))).toBe(true);
    expect(existsSync(join(attachments, 'pending', `${String(stored.id)}.json`))).toBe(false);
    expect(existsSync(join(attachments, 'pending', `${again.id}.json`))).toBe(true);
  });

  it("lets a unit's staff open a file only through a case of theirs that references it", async () => {
    const CENTER = await signIn(running.url, 'center');
    const HANDLER = await signIn(running.url, 'unit-handler-housing');
    const post = (path: string, headers: SessionHeaders, body: Record<string, unknown>) =>
      fetch(`${running.url}${path}`, {
        method: 'POST',
        headers: { ...headers, 'content-type': 'application/json' },
        body: JSON.stringify({ commandId: randomUUID(), ...body }),
      });
    const caseWith = async (attachment: Record<string, unknown>, unitId: string): Promise<string> => {
      const caseId = `att-scope-${randomUUID()}`;
      const registered = await post('/api/cases', AGENT, {
        caseId,
        type: 'report',
        categoryCode: '030101',
        content: '楼道灯不亮，附照片',
        citizen: { name: '王先生', phone: '13800138001' },
        channel: 'web',
        attachments: [attachment],
      });
      expect(registered.status).toBe(201);
      expect((await post(`/api/cases/${caseId}/dispatch`, CENTER, { leadUnitId: unitId })).status).toBe(200);
      return caseId;
    };
    const refOf = async (name: string) => {
      const { sha256: _sha, ...ref } = (await (await upload(name, 'image/png', PNG)).json()) as Record<
        string,
        unknown
      >;
      return ref as { id: string };
    };
    const ours = await refOf('我们的.png');
    const theirs = await refOf('别人的.png');
    const ourCase = await caseWith(ours, 'housing-bureau');
    const theirCase = await caseWith(theirs, 'water-group');
    const open = (id: string, query = '') =>
      fetch(`${running.url}/api/attachments/${id}${query}`, { headers: HANDLER });

    expect((await open(ours.id, `?caseId=${ourCase}`)).status).toBe(200);
    const withoutCase = await open(ours.id);
    expect(withoutCase.status).toBe(400);
    expect(await withoutCase.json()).toMatchObject({ error: { field: 'caseId' } });
    // Another unit's case, or another case's file through ours: as if the file did not exist.
    expect((await open(theirs.id, `?caseId=${theirCase}`)).status).toBe(404);
    expect((await open(theirs.id, `?caseId=${ourCase}`)).status).toBe(404);
    // The center opens any file without naming the case.
    expect((await fetch(`${running.url}/api/attachments/${theirs.id}`, { headers: CENTER })).status).toBe(
      200,
    );
  });

  it('refuses programs, unlisted types and content that contradicts the type with 415 naming the reason', async () => {
    const exe = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(200)]);
    const renamed = await upload('photo.jpg', 'image/jpeg', exe);
    expect(renamed.status).toBe(415);
    expect(await renamed.json()).toMatchObject({ error: { message: expect.stringContaining('executable') } });
    const html = await upload('page.html', 'text/html', Buffer.from('<script>alert(1)</script>'));
    expect(html.status).toBe(415);
    expect(await html.json()).toMatchObject({ error: { message: expect.stringContaining('text/html') } });
    const fakePdf = await upload('report.pdf', 'application/pdf', PNG);
    expect(fakePdf.status).toBe(415);
    expect(await fakePdf.json()).toMatchObject({
      error: { message: expect.stringContaining('does not match') },
    });
  });

  it('refuses a file past 10 MiB with 413 and a request without the file part with 400 naming it', async () => {
    const big = await upload('big.png', 'image/png', Buffer.concat([PNG, Buffer.alloc(10 * 1024 * 1024)]));
    expect(big.status).toBe(413);
    const wrongField = await upload('a.png', 'image/png', PNG, 'picture');
    expect(wrongField.status).toBe(400);
    const notMultipart = await fetch(`${running.url}/api/attachments`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    expect(notMultipart.status).toBe(400);
    expect(await notMultipart.json()).toMatchObject({ error: { field: 'file' } });
  });

  it('answers 404 for an unknown id, 400 for a malformed one, and needs a signed-in user to download', async () => {
    const unknown = await fetch(`${running.url}/api/attachments/att-AAAAAAAAAAAAAAAAAAAAAAAA`, {
      headers: AGENT,
    });
    expect(unknown.status).toBe(404);
    const malformed = await fetch(`${running.url}/api/attachments/..%2Fevents.db`, { headers: AGENT });
    expect(malformed.status).toBe(400);
    const anonymous = await fetch(`${running.url}/api/attachments/att-AAAAAAAAAAAAAAAAAAAAAAAA`);
    expect(anonymous.status).toBe(401);
  });
});

describe('the portal uploads without an account within a quota per address and in total [embedded]', () => {
  let running: BootedPlatform;
  let AGENT: SessionHeaders;
  const upload = (bytes: number, headers: Record<string, string> = {}): Promise<Response> => {
    const form = new FormData();
    form.append(
      'file',
      new Blob([Buffer.concat([PNG, Buffer.alloc(bytes)])], { type: 'image/png' }),
      '照片.png',
    );
    return fetch(`${running.url}/api/attachments`, { method: 'POST', body: form, headers });
  };

  beforeAll(async () => {
    const gateway = createGatewayService({
      attachmentsEnv: { HOTLINE_ANONYMOUS_UPLOADS_PER_HOUR: '3', HOTLINE_ANONYMOUS_PENDING_MIB: '1' },
    });
    running = await bootPlatform([workflowService, gateway]);
    AGENT = await signIn(running.url, 'agent');
  });
  afterAll(async () => {
    await running.close();
  });

  it('refuses an upload past the unreferenced total, then past the files per hour, with 429 and Retry-After; staff are not counted', async () => {
    expect((await upload(600 * 1024)).status).toBe(201);
    const full = await upload(600 * 1024);
    expect(full.status).toBe(429);
    expect(await full.json()).toMatchObject({
      error: { message: expect.stringContaining('unsubmitted files') },
    });
    expect(Number(full.headers.get('retry-after'))).toBeGreaterThan(0);

    expect((await upload(1000)).status).toBe(201);
    expect((await upload(1000)).status).toBe(201);
    const fourth = await upload(1000);
    expect(fourth.status).toBe(429);
    expect(await fourth.json()).toMatchObject({
      error: { message: expect.stringContaining('3 files per hour') },
    });
    expect(Number(fourth.headers.get('retry-after'))).toBeGreaterThan(3000);

    expect((await upload(600 * 1024, AGENT)).status).toBe(201);
  });
});
