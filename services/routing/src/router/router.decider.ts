import type { RouterCommand, RouterEvent } from '@hotline/contracts';
import type { Decider } from '@hotline/infra/command';
import { decide } from './router.decide';
import { evolve } from './router.evolve';
import { RouterState } from './router-state';

/** The router of one district: stream `router-<districtId>`. */
export const routerDecider: Decider<RouterCommand, RouterEvent, RouterState> = {
  decide,
  evolve,
  initialState: () => new RouterState(),
};

export const routerStreamId = (districtId: string): string => `router-${districtId}`;
