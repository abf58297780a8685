export { intakeService, createIntakeService, IntakeModule, type IntakeModuleOptions } from './intake.module';
export { intakeConfigSchema, type IntakeConfig } from './intake.config';
export { IntakeChannels, type ChannelAddresses } from './channels/intake-channels';
export { IntakeReadModels } from './read-models/intake-read-models';
export type { CaseDesk, CaseDeskRequest } from './case-desk/case-desk.port';
export { importHistory, type ImportReport } from './classification/history-import/import-history';
export { readCsv, readXlsx } from './classification/history-import/read-table';
