export const REMINDERS = 'escalation_reminders';
export const SUPERVISIONS = 'escalation_supervisions';
