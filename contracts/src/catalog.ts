import { MessageRegistry } from './messages/registry';

/**
 * Every command, query and event of the platform. A service's contracts module adds its definitions
 * here, so validation, upcasting and the AsyncAPI document all read one list.
 */
export function platformRegistry(): MessageRegistry {
  return new MessageRegistry();
}
