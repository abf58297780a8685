import type { RouterCommand } from '@hotline/contracts';
import type { Decision } from './decision';
import { routerViolation, RouterErrorCode as Code } from './router.errors';
import type { RouterState } from './router-state';

type Data<T extends RouterCommand['type']> = Extract<RouterCommand, { type: T }>['data'];

/** A supervisor's bulletin to the desks; posting the same id again replaces it. */
export function postBulletin(data: Data<'PostBulletin'>, decision: Decision): void {
  if (data.expiresAt !== undefined && Date.parse(data.expiresAt) <= decision.now) {
    throw routerViolation(Code.InvalidBulletin, 'expiresAt: must be in the future', { field: 'expiresAt' });
  }
  const current = decision.state.bulletins.get(data.bulletinId)?.bulletin;
  if (current !== undefined && JSON.stringify(current) === JSON.stringify(data)) return;
  decision.emit('BulletinPosted', { bulletin: data });
}

export function withdrawBulletin(data: Data<'WithdrawBulletin'>, decision: Decision): void {
  if (!decision.state.bulletins.has(data.bulletinId)) {
    throw routerViolation(Code.UnknownBulletin, `bulletinId: bulletin ${data.bulletinId} is not posted`, {
      field: 'bulletinId',
    });
  }
  decision.emit('BulletinWithdrawn', { bulletinId: data.bulletinId });
}

/** The bulletins on the desks at `now`, the newest first. */
export function activeBulletins(state: RouterState, now: number) {
  return [...state.bulletins.values()]
    .filter((record) => record.until === undefined || record.until > now)
    .sort((a, b) => b.postedAt - a.postedAt || (a.bulletin.bulletinId < b.bulletin.bulletinId ? -1 : 1))
    .map((record) => ({ ...record.bulletin, postedAt: new Date(record.postedAt).toISOString() }));
}
