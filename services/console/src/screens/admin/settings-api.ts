import { apiGet, apiPost } from '../../api/http';
import type { CalendarDayView, CalendarView, CaseType, DeadlineLimitsView } from '@hotline/contracts';

export {
  type CityCategory,
  type CityCategoriesView,
  getCityCategories,
  refreshCityCategories,
} from '../../components/use-category-name';

export type { CalendarDayView, CalendarView };
export type DeadlinesView = DeadlineLimitsView;

type Answer = Promise<{ position: number }>;

export const getCalendar = (year: number, minPosition?: number) =>
  apiGet<CalendarView>('/api/settings/calendar', { year, minPosition });

export const getDeadlines = (minPosition?: number) =>
  apiGet<DeadlinesView>('/api/settings/deadlines', { minPosition });

const category = (code: string) => `/api/settings/categories/${encodeURIComponent(code)}`;

/** The settings commands of the gateway (settings contract), each with its client-supplied id. */
export const settingsApi = {
  defineCategory: (
    input: { code: string; name: string; nameEn: string; parentCode?: string },
    commandId: string,
  ): Answer => apiPost('/api/settings/categories', { commandId, ...input }),
  renameCategory: (code: string, names: { name: string; nameEn: string }, commandId: string): Answer =>
    apiPost(`${category(code)}/rename`, { commandId, ...names }),
  retireCategory: (code: string, commandId: string): Answer =>
    apiPost(`${category(code)}/retire`, { commandId }),
  reactivateCategory: (code: string, commandId: string): Answer =>
    apiPost(`${category(code)}/reactivate`, { commandId }),
  setCalendarDay: (input: Omit<CalendarDayView, 'source'>, commandId: string): Answer =>
    apiPost('/api/settings/calendar/days', { commandId, ...input }),
  clearCalendarDay: (date: string, commandId: string): Answer =>
    apiPost(`/api/settings/calendar/days/${encodeURIComponent(date)}/clear`, { commandId }),
  setDeadline: (caseType: CaseType, workingDays: number, commandId: string): Answer =>
    apiPost(`/api/settings/deadlines/${encodeURIComponent(caseType)}`, { commandId, workingDays }),
};
