export { ConfigError, type ConfigIssue } from './config.error';
export { secret, isSecretName, settingInfo, type SettingInfo } from './setting-schema';
export { envInt, envPort, envBool, envUrl } from './env-types';
export { loadConfig, describeConfig, type Env } from './load-config';
export { settingsTable, settingsMarkdown, type SettingRow } from './settings-table';
export { commonConfigSchema, type CommonConfig } from './common-config.schema';
