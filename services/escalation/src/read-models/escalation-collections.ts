export const REMINDERS = 'escalation_reminders';
export const SUPERVISIONS = 'escalation_supervisions';
export const EMERGENCY_REPORTS = 'escalation_emergency_reports';
