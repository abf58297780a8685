import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WORKFLOW_SERVICE, commandSubject, querySubject, systemActor } from '@hotline/contracts';
import { loadConfig } from '@hotline/infra/config';
import { Platform, platformConfigSchema, startServices, type RunningServices } from '@hotline/infra/platform';
import { firstValueFrom } from 'rxjs';
import { startDistributedWorkflow } from '../../testing/distributed-workflow';
import { envelope, registration, untilReady, viewer, type Body } from '../../testing/workflow-messages';
import { workflowService } from '../../workflow.module';

interface Harness {
  platform: Platform;
  command: (type: string, payload: unknown) => Promise<Body>;
  query: (type: string, payload: unknown) => Promise<Body>;
  close: () => Promise<void>;
}

/** The embedded run: SQLite store, the store-backed event bus, the memory read store. */
async function startEmbedded(dir: string): Promise<Harness> {
  const config = loadConfig(
    platformConfigSchema,
    { HOTLINE_DATA_DIR: dir, LOG_LEVEL: 'warn', EVENT_STORE_DURABILITY: 'normal' },
    'hotline',
  );
  const platform = await Platform.open('hotline', config);
  const running: RunningServices = await startServices(platform, [workflowService], {
    port: 0,
    host: '127.0.0.1',
    handleSignals: false,
  });
  await untilReady(running.url);
  const client = platform.client();
  return {
    platform,
    command: (type, payload) =>
      firstValueFrom(client.send<Body>(commandSubject(WORKFLOW_SERVICE, type), payload)),
    query: (type, payload) =>
      firstValueFrom(client.send<Body>(querySubject(WORKFLOW_SERVICE, type), payload)),
    close: () => running.close(),
  };
}

/** What intake appends when it merges a contact into a case (并单): its event, in the shared store. */
async function intakeMergesContact(platform: Platform, caseId: string, contactId: string): Promise<void> {
  const id = randomUUID();
  await platform.eventStore.append(
    `contact-${contactId}-${id}`,
    [
      {
        id,
        type: 'ContactMergedIntoCase',
        version: 1,
        data: { contactId, caseId, automatic: true, similarity: 0.82 },
        metadata: {
          correlationId: id,
          causationId: id,
          actor: systemActor('intake'),
          districtId: 'taijiang',
        },
        time: new Date().toISOString(),
      },
    ],
    'any',
  );
}

async function untilRepeatCount(harness: Harness, caseId: string, count: number): Promise<Body> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    // Until the read model has the case at all, it is not found: the projection is still behind.
    const detail = await harness
      .query('GetCase', { viewer: viewer(), caseId })
      .catch((error: unknown): Body => ({ error: String(error) }));
    if (detail.repeatCount === count || Date.now() > deadline) return detail;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const repeatEvents = async (harness: Harness, caseId: string) =>
  (await harness.platform.eventStore.readStream(`case-${caseId}`))
    .filter((e) => e.type === 'CaseRepeatContactRecorded')
    .map((e) => e.data as { contactId: string; repeatCount: number });

async function countsEachContactOnce(harness: Harness): Promise<string> {
  const caseId = `repeat-${randomUUID()}`;
  await harness.command(
    'RegisterCase',
    envelope('RegisterCase', registration(caseId), undefined, 'taijiang'),
  );
  await intakeMergesContact(harness.platform, caseId, 'contact-a');
  await intakeMergesContact(harness.platform, caseId, 'contact-b');
  // The same contact merged again (another event): still one repeat.
  await intakeMergesContact(harness.platform, caseId, 'contact-a');
  await intakeMergesContact(harness.platform, caseId, 'contact-c');

  expect(await untilRepeatCount(harness, caseId, 3)).toMatchObject({ caseId, repeatCount: 3 });
  expect(await repeatEvents(harness, caseId)).toEqual([
    expect.objectContaining({ contactId: 'contact-a', repeatCount: 1 }),
    expect.objectContaining({ contactId: 'contact-b', repeatCount: 2 }),
    expect.objectContaining({ contactId: 'contact-c', repeatCount: 3 }),
  ]);
  const timeline = await harness.query('GetCaseTimeline', { viewer: viewer(), caseId });
  expect(JSON.stringify(timeline)).toContain('contacted the hotline again (repeat 3)');
  const sorted = await harness.query('SearchCases', {
    viewer: viewer(),
    districtId: 'taijiang',
    sort: 'repeatCount',
    order: 'desc',
    pageSize: 1,
  });
  expect(sorted).toMatchObject({ items: [{ caseId, repeatCount: 3 }] });
  return caseId;
}

describe('Repeat contacts from intake carried onto the case', () => {
  describe('embedded [SQLite, store-backed event bus, memory read store]', () => {
    const dir = mkdtempSync(join(tmpdir(), 'hotline-repeat-'));
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    it('counts each merged contact once, and after a restart resumes without counting any twice', async () => {
      let harness = await startEmbedded(dir);
      let caseId: string;
      try {
        caseId = await countsEachContactOnce(harness);
      } finally {
        await harness.close();
      }
      harness = await startEmbedded(dir);
      try {
        await intakeMergesContact(harness.platform, caseId, 'contact-d');
        expect(await untilRepeatCount(harness, caseId, 4)).toMatchObject({ repeatCount: 4 });
        expect((await repeatEvents(harness, caseId)).map((e) => e.repeatCount)).toEqual([1, 2, 3, 4]);
      } finally {
        await harness.close();
      }
    });
  });

  describe('distributed [NATS JetStream through the relay, FerretDB]', () => {
    it('counts each merged contact once from the JetStream consumer', async () => {
      const wf = await startDistributedWorkflow();
      try {
        await untilReady(wf.url);
        await countsEachContactOnce({ ...wf, close: () => wf.close() });
      } finally {
        await wf.close();
      }
    });
  });
});
