import { randomUUID } from 'node:crypto';
import { bootPlatform, type BootedPlatform } from '@hotline/infra/platform/testing';
import { workflowService } from '@hotline/workflow';
import { signIn, type SessionHeaders } from '@hotline/gateway/testing';
import { gatewayService } from '@hotline/gateway';

type Json = Record<string, unknown>;

describe('/api/settings over real HTTP [embedded]', () => {
  let running: BootedPlatform;
  let ADMIN: SessionHeaders;
  let AGENT: SessionHeaders;

  const post = async (path: string, body: Json, session = ADMIN) => {
    const response = await fetch(`${running.url}/api/settings/${path}`, {
      method: 'POST',
      headers: { ...session, 'content-type': 'application/json' },
      body: JSON.stringify({ commandId: randomUUID(), ...body }),
    });
    return { status: response.status, body: (await response.json()) as Json };
  };
  const get = async <T = Json>(path: string, session = AGENT): Promise<T> => {
    const response = await fetch(`${running.url}/api/settings/${path}`, { headers: session });
    expect(response.status).toBe(200);
    return (await response.json()) as T;
  };

  beforeAll(async () => {
    running = await bootPlatform([workflowService, gatewayService]);
    ADMIN = await signIn(running.url, 'city-admin');
    AGENT = await signIn(running.url, 'agent');
  });
  afterAll(async () => {
    await running.close();
  });

  it('lets the city admin define, rename and retire a category that everyone then reads', async () => {
    const category = { code: '030198', name: '油烟扰民', nameEn: 'Cooking fumes', parentCode: '030100' };
    expect((await post('categories', category, AGENT)).status).toBe(403);
    const defined = await post('categories', category);
    expect(defined).toMatchObject({ status: 201, body: { position: expect.any(Number) } });
    expect(await post('categories', category)).toMatchObject({
      status: 422,
      body: { error: { kind: 'rule', code: 'SETTINGS_CATEGORY_EXISTS', field: 'code' } },
    });
    await post('categories/030198/rename', { name: '餐饮油烟', nameEn: 'Restaurant fumes' });
    const retired = await post('categories/030198/retire', {});
    const view = await get<{ version: number; categories: Json[] }>(
      `categories?minPosition=${String(retired.body.position)}`,
    );
    expect(view.categories.find((c) => c.code === '030198')).toEqual({
      code: '030198',
      name: '餐饮油烟',
      nameEn: 'Restaurant fumes',
      parentCode: '030100',
      level: 3,
      active: false,
      source: 'city',
    });
    expect(view.categories.find((c) => c.code === '030100')).toMatchObject({
      level: 2,
      active: true,
      source: 'base',
    });
    expect(view.version).toBe(3);
  });

  it('shows official and city calendar days of a year, and clears the city’s own', async () => {
    expect(await post('calendar/days', { date: '2026-02-30', kind: 'holiday', name: '错日' })).toMatchObject({
      status: 400,
      body: { error: { field: 'date' } },
    });
    await post('calendar/days', { date: '2026-06-10', kind: 'holiday', name: '市庆日' });
    const { year, days } = await get<{ year: number; days: Json[] }>('calendar?year=2026');
    expect(year).toBe(2026);
    expect(days).toContainEqual({ date: '2026-06-10', kind: 'holiday', name: '市庆日', source: 'city' });
    expect(days).toContainEqual(
      expect.objectContaining({ date: '2026-10-01', kind: 'holiday', source: 'official' }),
    );
    expect(days.some((d) => d.kind === 'workday' && d.source === 'official')).toBe(true);
    const cleared = await post('calendar/days/2026-06-10/clear', {});
    expect(cleared.status).toBe(200);
    const after = await get<{ days: Json[] }>('calendar?year=2026');
    expect(after.days.find((d) => d.date === '2026-06-10')).toBeUndefined();
  });

  it('sets a limit in half days and refuses other precisions naming the field', async () => {
    expect(await post('deadlines/complaint', { workingDays: 0.3 })).toMatchObject({
      status: 400,
      body: { error: { field: 'workingDays' } },
    });
    expect(await post('deadlines/gossip', { workingDays: 2 })).toMatchObject({
      status: 400,
      body: { error: { field: 'caseType' } },
    });
    expect((await post('deadlines/help', { workingDays: 2.5 })).status).toBe(200);
    const limits = await get<{ limits: Json[]; yellowWithinWorkingDays: number }>('deadlines');
    expect(limits.limits).toContainEqual({ caseType: 'help', workingDays: 2.5, source: 'city' });
    expect(limits.limits).toHaveLength(6);
    expect(limits.yellowWithinWorkingDays).toBe(1);
  });
});
