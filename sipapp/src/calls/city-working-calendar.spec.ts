import type { CalendarView } from '@hotline/contracts';
import type { BusRequests } from '@hotline/infra/bus';
import type { Logger } from '@hotline/infra/telemetry';
import { CITY_CALENDAR_REFRESH_MS, CityWorkingCalendar, cityDays } from './city-working-calendar';

/** Test double of the bus: answers GetCalendar as the workflow would, or fails while `away`. */
function workflowBus(days: CalendarView['days']) {
  const state = { away: true, asked: 0 };
  const bus = {
    query: (_definition: unknown, params: { year: number }) => {
      state.asked += 1;
      if (state.away) return Promise.reject(new Error('no service answers'));
      const view: CalendarView = {
        year: params.year,
        provisional: false,
        days: days.filter((d) => d.date.startsWith(String(params.year))),
      };
      return Promise.resolve(view);
    },
  } as unknown as BusRequests;
  return { bus, state };
}

const quiet = { warn: () => undefined, info: () => undefined } as unknown as Logger;
const tuesday = new Date('2026-12-08T02:00:00Z');

describe('The city working calendar of the sipapp', () => {
  afterEach(() => jest.useRealTimers());

  it("takes only the city's own days over the national calendar", () => {
    expect(
      cityDays([
        {
          year: 2026,
          provisional: false,
          days: [
            { date: '2026-10-01', kind: 'holiday', name: '国庆节', source: 'official' },
            { date: '2026-12-08', kind: 'holiday', name: '台风停工', source: 'city' },
            { date: '2026-12-12', kind: 'workday', name: '调休上班', source: 'city' },
          ],
        },
      ]),
    ).toEqual({ '2026': { holidays: ['2026-12-08'], workdays: ['2026-12-12'] } });
  });

  it('asks again 30 s after the workflow did not answer, then every 10 minutes', async () => {
    jest.useFakeTimers({ now: new Date('2026-12-07T02:00:00Z') });
    const { bus, state } = workflowBus([
      { date: '2026-12-08', kind: 'holiday', name: '台风停工', source: 'city' },
    ]);
    const calendar = new CityWorkingCalendar({ bus, clock: { now: () => new Date() }, logger: quiet });
    await calendar.start();
    // The workflow away: the national calendar stands, Tuesday is a working day.
    expect(calendar.isWorkingDay(tuesday)).toBe(true);
    const askedAtStart = state.asked;
    state.away = false;
    await jest.advanceTimersByTimeAsync(29_000);
    expect(state.asked).toBe(askedAtStart);
    await jest.advanceTimersByTimeAsync(1_000);
    expect(calendar.isWorkingDay(tuesday)).toBe(false);
    const askedAfterRetry = state.asked;
    await jest.advanceTimersByTimeAsync(CITY_CALENDAR_REFRESH_MS - 1_000);
    expect(state.asked).toBe(askedAfterRetry);
    await jest.advanceTimersByTimeAsync(1_000);
    expect(state.asked).toBeGreaterThan(askedAfterRetry);
    calendar.stop();
  });

  it('says an outage once, with its reason and no stack, and says when it ends', async () => {
    jest.useFakeTimers({ now: new Date('2026-12-07T02:00:00Z') });
    const { bus, state } = workflowBus([]);
    const said: { level: string; fields?: object; message: string }[] = [];
    const logger = {
      warn: (fields: object, message: string) => said.push({ level: 'warn', fields, message }),
      info: (message: string) => said.push({ level: 'info', message }),
    } as unknown as Logger;
    const calendar = new CityWorkingCalendar({ bus, clock: { now: () => new Date() }, logger });
    await calendar.start();
    await jest.advanceTimersByTimeAsync(90_000); // three more failed reads
    expect(said).toEqual([
      {
        level: 'warn',
        fields: { reason: 'no service answers' },
        message: "the city's calendar could not be read; the last one known stands",
      },
    ]);
    state.away = false;
    await jest.advanceTimersByTimeAsync(30_000);
    expect(said.map((s) => s.level)).toEqual(['warn', 'info']);
    calendar.stop();
  });
});
