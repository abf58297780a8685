import { SendStaffNotice } from '@hotline/contracts';
import { commandEndpoint, type BusEndpoint } from '@hotline/infra/bus';
import type { StaffNoticeService } from './staff-notice.service';

/** `intake.command.SendStaffNotice`: other services' SMS and mail to a unit's staff. */
export const staffNoticeEndpoints = (service: StaffNoticeService): BusEndpoint[] => [
  commandEndpoint(SendStaffNotice, (command) => service.send(command)),
];
