import type { CommandOf } from '@hotline/contracts';

/** The parsed data of one command definition. */
export type CommandData<D> = CommandOf<D>['data'];
