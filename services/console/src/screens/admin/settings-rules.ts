/** The settings contract's input rules, checked in the console before a command is sent. */

/** The code a new category must have under a parent of `parentLevel`: 2 digits per level, rest zeros. */
export function categoryCodeRule(parent?: { code: string; level: 1 | 2 | 3 }): RegExp {
  if (parent === undefined) return /^(?!00)\d{2}0000$/;
  return parent.level === 1
    ? new RegExp(`^${parent.code.slice(0, 2)}(?!00)\\d{2}00$`)
    : new RegExp(`^${parent.code.slice(0, 4)}(?!00)\\d{2}$`);
}

/** A handling limit: half-day steps, 0.5 to 60 working days. */
export const isValidLimit = (value: number | null | undefined): value is number =>
  typeof value === 'number' && value >= 0.5 && value <= 60 && Number.isInteger(value * 2);
