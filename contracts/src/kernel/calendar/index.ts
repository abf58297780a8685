export * from './calendar-data';
export * from './calendar.errors';
export * from './china-calendar';
export { chinaTime, formatChinaTime, type LocalDate } from './china-time';
export * from './working-calendar';
export * from './working-hours';
