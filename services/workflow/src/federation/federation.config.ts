import { z } from 'zod';

/** `<unitId>=<busPrefix>`: a district platform, the city's unit it is and its deployment's bus prefix. */
const DistrictPlatform = z
  .string()
  .trim()
  .regex(
    /^[a-z0-9][a-z0-9._:-]{0,127}=[A-Za-z0-9][A-Za-z0-9_-]{0,31}$/,
    'must be <unitId>=<busPrefix>, e.g. sanmen=sanmen',
  )
  .transform((entry) => {
    const [unitId = '', busPrefix = ''] = entry.split('=');
    return { unitId, busPrefix };
  });

/** The city's side of federation (ADR 0011): which of its units are district platforms, and where. */
export const federationConfigSchema = z.object({
  WORKFLOW_FEDERATION_DISTRICTS: z
    .string()
    .optional()
    .transform((value, ctx) =>
      (value ?? '')
        .split(',')
        .map((entry) => entry.trim())
        .filter((entry) => entry !== '')
        .map((entry) => {
          const parsed = DistrictPlatform.safeParse(entry);
          if (!parsed.success) {
            ctx.addIssue({ code: 'custom', message: `${entry}: must be <unitId>=<busPrefix>` });
            return { unitId: '', busPrefix: '' };
          }
          return parsed.data;
        }),
    )
    .describe(
      "District platforms on the same NATS cluster, comma-separated <unitId>=<busPrefix> (distributed mode): the city's dispatches to that unit become the district deployment's cases, its completions come back as the unit's replies (ADR 0011). Empty: no federation",
    ),
});

export type FederationConfig = z.infer<typeof federationConfigSchema>;
