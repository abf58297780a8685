export type TranslateVars = Record<string, string | number>;

/** `{name}` placeholders; an unknown one stays visible so a missing variable is noticed. */
export function format(template: string, vars?: TranslateVars): string {
  if (vars === undefined) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    vars[name] !== undefined ? String(vars[name]) : whole,
  );
}
