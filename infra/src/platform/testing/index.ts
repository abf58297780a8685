export { bootPlatform, type BootOptions, type BootedPlatform } from './boot-platform';
