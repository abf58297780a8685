import { parentCategoryOf } from '@hotline/contracts';

/** The city-settings events that change which categories take new cases. */
export const CATEGORY_EVENTS: readonly string[] = ['CategoryRetired', 'CategoryReactivated'];

/**
 * The city's effective categories as intake sees them, from the workflow's city-settings events:
 * a category retired itself or under a retired one is not suggested. Applying an event twice
 * changes nothing, so a replay is safe.
 */
export class EffectiveCategories {
  private readonly retired = new Set<string>();

  apply(event: { type: string; data: unknown }): void {
    const { code } = event.data as { code: string };
    if (event.type === 'CategoryRetired') this.retired.add(code);
    else if (event.type === 'CategoryReactivated') this.retired.delete(code);
  }

  readonly isActive = (code: string): boolean => {
    for (let c: string | undefined = code; c !== undefined; c = parentCategoryOf(c)) {
      if (this.retired.has(c)) return false;
    }
    return true;
  };
}
