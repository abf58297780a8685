import { z } from 'zod';
import { Actor } from '../../kernel/actor';
import { DistrictId } from '../../kernel/ids';

/**
 * Who asks a workflow query: the actor and the district they work in. Every answer is scoped by
 * it: a district sees its own cases (`city` sees all), a unit user sees the cases of its unit and
 * of the units below it.
 */
export const QueryViewer = z.object({ actor: Actor, districtId: DistrictId });
export type QueryViewer = z.infer<typeof QueryViewer>;

/**
 * Read-after-write: the `position` a command answered with. The query waits (briefly) until the
 * read models have applied that event, so a client reads what it just wrote.
 */
export const MinPosition = z.number().int().min(0).optional();

export const Page = z.number().int().min(1).max(100_000).default(1);
export const PageSize = z.number().int().min(1).max(100).default(20);
