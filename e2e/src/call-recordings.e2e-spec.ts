import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { CALL_RECORDING_FILE_NAME, IVR_CALL_CATEGORY, IvrCallEnded, systemActor } from '@hotline/contracts';
import { FileAttachmentStore } from '@hotline/infra/attachments';
import { bootPlatform, type BootedPlatform } from '@hotline/infra/platform/testing';
import { createGatewayService } from '@hotline/gateway';
import { signIn, type SessionHeaders } from '@hotline/gateway/testing';
import { createSipappService } from '@hotline/sipapp';
import { workflowService } from '@hotline/workflow';

/** A short WAV (8 kHz, 16-bit mono): what the sipapp keeps for a recorded call. */
function wavOf(seconds: number, level: number): Buffer {
  const samples = Buffer.alloc(seconds * 16_000);
  for (let i = 0; i < samples.length / 2; i++)
    samples.writeInt16LE(Math.round(level * Math.sin(i / 3)), i * 2);
  const header = Buffer.alloc(44);
  header.write('RIFF', 0);
  header.writeUInt32LE(36 + samples.length, 4);
  header.write('WAVEfmt ', 8);
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(1, 20);
  header.writeUInt16LE(1, 22);
  header.writeUInt32LE(8000, 24);
  header.writeUInt32LE(16000, 28);
  header.writeUInt16LE(2, 32);
  header.writeUInt16LE(16, 34);
  header.write('data', 36);
  header.writeUInt32LE(samples.length, 40);
  return Buffer.concat([header, samples]);
}

interface Page {
  items: Array<{ recordingId: string; caseNumber?: string; numberMasked?: string; agentId?: string }>;
  names: Record<string, string>;
}

describe('call recordings: search and play within each role’s scope [embedded]', () => {
  let running: BootedPlatform;
  let AGENT: SessionHeaders;
  let CENTER: SessionHeaders;
  const run = randomUUID().slice(0, 8);
  const recordings: Record<'ours' | 'theirs', { recordingId: string; caseId: string; audio: Buffer }> =
    {} as never;

  const post = (path: string, headers: SessionHeaders, body: Record<string, unknown>) =>
    fetch(`${running.url}${path}`, {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/json' },
      body: JSON.stringify({ commandId: randomUUID(), ...body }),
    });
  const search = async (headers: SessionHeaders, query = ''): Promise<Page> => {
    const response = await fetch(`${running.url}/api/telephony/recordings${query}`, { headers });
    expect(response.status).toBe(200);
    return (await response.json()) as Page;
  };
  const play = (headers: SessionHeaders, recordingId: string) =>
    fetch(`${running.url}/api/telephony/recordings/${recordingId}/audio`, { headers });

  /** A call answered by `agentId` whose contact became a case of `unitId`, recorded and kept. */
  async function recordedCall(name: 'ours' | 'theirs', agentId: string, unitId: string, caller: string) {
    const callId = `rec-${name}-${run}`;
    const caseId = `rec-case-${name}-${run}`;
    const contactId = `ivr-${callId}`;
    // The agent registers the case from the call's contact while talking: before the call's end.
    const registered = await post('/api/cases', AGENT, {
      caseId,
      contactId,
      type: 'report',
      categoryCode: '030101',
      content: '来电反映路灯不亮',
      citizen: { name: '张先生', phone: caller },
      channel: 'phone',
    });
    expect(registered.status).toBe(201);
    expect((await post(`/api/cases/${caseId}/dispatch`, CENTER, { leadUnitId: unitId })).status).toBe(200);
    const audio = wavOf(1, name === 'ours' ? 8_000 : 4_000);
    const saved = await new FileAttachmentStore(join(running.dir, 'attachments')).save(
      CALL_RECORDING_FILE_NAME,
      'audio/wav',
      audio,
    );
    const stream = `${IVR_CALL_CATEGORY}-${callId}`;
    await running.platform.eventStore.append(
      stream,
      [
        {
          id: randomUUID(),
          type: IvrCallEnded.type,
          version: IvrCallEnded.version,
          data: IvrCallEnded.schema.parse({
            callId,
            flowId: 'main',
            flowVersion: 0,
            callerNumber: caller,
            startedAt: new Date(Date.now() - 60_000).toISOString(),
            language: 'zh-CN',
            path: [],
            outcome: 'caller-hung-up',
            contactId,
            agentId,
            recording: { recordingId: saved.id, seconds: 1 },
          }),
          time: new Date().toISOString(),
          metadata: {
            correlationId: callId,
            causationId: callId,
            actor: systemActor('sipapp'),
            districtId: 'city',
          },
        },
      ],
      'noStream',
    );
    recordings[name] = { recordingId: saved.id, caseId, audio };
  }

  beforeAll(async () => {
    running = await bootPlatform([workflowService, createGatewayService(), createSipappService()]);
    AGENT = await signIn(running.url, 'agent');
    CENTER = await signIn(running.url, 'center');
    await recordedCall('ours', 'user:agent', 'housing-bureau', '13800138123');
    await recordedCall('theirs', 'user:agent-elsewhere', 'water-group', '13900139456');
    // The read model follows the store: wait until the center finds both calls.
    for (
      const until = Date.now() + 20_000;
      Date.now() < until;
      await new Promise((r) => setTimeout(r, 200))
    ) {
      const found = (await search(CENTER, '?limit=100')).items.filter((item) =>
        [recordings.ours.recordingId, recordings.theirs.recordingId].includes(item.recordingId),
      );
      if (found.length === 2 && found.every((item) => item.caseNumber)) break;
    }
  }, 120_000);

  afterAll(async () => {
    await running?.close();
  });

  it('lets an agent find and play their own call, with the number masked and the case it became', async () => {
    const page = await search(AGENT, '?numberTail=8123');
    expect(page.items).toEqual([
      expect.objectContaining({
        recordingId: recordings.ours.recordingId,
        numberMasked: '138****8123',
        agentId: 'user:agent',
        caseId: recordings.ours.caseId,
        caseNumber: expect.stringMatching(/^\d{8,16}$/),
      }),
    ]);
    expect(page.names['user:agent']).toBe('演示坐席');
    expect(JSON.stringify(page)).not.toContain('13800138123');
    const audio = await play(AGENT, recordings.ours.recordingId);
    expect(audio.status).toBe(200);
    expect(audio.headers.get('content-type')).toBe('audio/wav');
    expect(audio.headers.get('cache-control')).toBe('private, no-store');
    expect(Buffer.from(await audio.arrayBuffer()).equals(recordings.ours.audio)).toBe(true);
  });

  it("answers another agent's call with 404 and nothing about it, and leaves it out of the agent's search", async () => {
    const refused = await play(AGENT, recordings.theirs.recordingId);
    expect(refused.status).toBe(404);
    const body = await refused.text();
    expect(body).not.toContain('agent-elsewhere');
    expect(body).not.toContain(recordings.theirs.caseId);
    const mine = (await search(AGENT, '?limit=100')).items.map((item) => item.recordingId);
    expect(mine).toContain(recordings.ours.recordingId);
    expect(mine).not.toContain(recordings.theirs.recordingId);
    // Nor through the attachments route, where city-wide staff open any other file by its id: a call
    // is heard there only through a case that references it.
    const attachment = (caseId?: string) =>
      fetch(
        `${running.url}/api/attachments/${recordings.theirs.recordingId}${caseId ? `?caseId=${caseId}` : ''}`,
        { headers: AGENT },
      );
    expect((await attachment()).status).toBe(404);
    expect((await attachment(recordings.ours.caseId)).status).toBe(404);
    expect((await attachment(recordings.theirs.caseId)).status).toBe(404);
  });

  it("lets a unit hear only the calls linked to its cases, and a district's administrator none of the city's", async () => {
    const HOUSING = await signIn(running.url, 'unit-handler-housing');
    const found = (await search(HOUSING, '?limit=100')).items.map((item) => item.recordingId);
    expect(found).toEqual([recordings.ours.recordingId]);
    expect((await play(HOUSING, recordings.ours.recordingId)).status).toBe(200);
    expect((await play(HOUSING, recordings.theirs.recordingId)).status).toBe(404);
    const GULOU = await signIn(running.url, 'district-admin-gulou');
    expect((await play(GULOU, recordings.ours.recordingId)).status).toBe(404);
    expect((await search(GULOU, '?limit=100')).items).toEqual([]);
  });

  it('lets the supervisor search every call by agent and case number', async () => {
    const SUPERVISOR = await signIn(running.url, 'supervisor');
    const byAgent = await search(SUPERVISOR, '?agentId=user:agent-elsewhere&limit=100');
    expect(byAgent.items.map((item) => item.recordingId)).toEqual([recordings.theirs.recordingId]);
    const ours = (await search(SUPERVISOR, '?limit=100')).items.find(
      (item) => item.recordingId === recordings.ours.recordingId,
    )!;
    const byCase = await search(SUPERVISOR, `?caseNumber=${ours.caseNumber}`);
    expect(byCase.items.map((item) => item.recordingId)).toEqual([recordings.ours.recordingId]);
    expect((await play(SUPERVISOR, recordings.theirs.recordingId)).status).toBe(200);
  });

  it('refuses a malformed search naming the field, and a citizen (no session) gets nothing', async () => {
    const bad = await fetch(`${running.url}/api/telephony/recordings?numberTail=12`, { headers: AGENT });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ error: { field: 'numberTail' } });
    const anonymous = await fetch(
      `${running.url}/api/telephony/recordings/${recordings.ours.recordingId}/audio`,
    );
    expect(anonymous.status).toBe(401);
  });
});
