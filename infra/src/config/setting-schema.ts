import { z } from 'zod';

/**
 * What a setting's schema says about itself. Zod keeps descriptions and metadata on the schema a
 * method was called on, so wrappers (`.optional()`, `.default()`) hide them: walk down to the core.
 */
export interface SettingInfo {
  description: string;
  /** The default as it would be written in the environment, or undefined when there is none. */
  default: string | undefined;
  required: boolean;
  secret: boolean;
}

interface SchemaInternals {
  _zod: { def: { type: string; innerType?: z.ZodType; in?: z.ZodType; defaultValue?: unknown } };
}

const SECRET_NAME = /PASSWORD|SECRET|TOKEN|KEY/i;

/** Marks a setting as secret: its value never appears in logs or error messages. */
export const secret = <S extends z.ZodType>(schema: S): S => schema.meta({ hotlineSecret: true });

/** A default as an operator would write it in the environment. */
const envText = (value: unknown): string | undefined => {
  if (value === undefined) return undefined;
  return typeof value === 'string' ? value : JSON.stringify(value);
};

export const isSecretName = (name: string): boolean => SECRET_NAME.test(name);

export function settingInfo(name: string, schema: z.ZodType): SettingInfo {
  let description = '';
  let defaultValue: unknown;
  let hasDefault = false;
  let optional = false;
  let marked = false;
  let current: z.ZodType | undefined = schema;
  while (current) {
    const meta = z.globalRegistry.get(current);
    if (meta?.hotlineSecret === true) marked = true;
    if (description === '' && typeof meta?.description === 'string') description = meta.description;
    const def: SchemaInternals['_zod']['def'] = (current as unknown as SchemaInternals)._zod.def;
    if (def.type === 'default' && !hasDefault) {
      hasDefault = true;
      defaultValue = def.defaultValue;
    }
    if (def.type === 'optional') optional = true;
    current = def.innerType ?? (def.type === 'pipe' ? def.in : undefined);
  }
  return {
    description,
    default: hasDefault ? envText(defaultValue) : undefined,
    required: !hasDefault && !optional,
    secret: marked || isSecretName(name),
  };
}
