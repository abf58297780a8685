import { z } from 'zod';

/** Where the gateway finds the built web console. */
export const consoleConfigSchema = z.object({
  HOTLINE_CONSOLE_DIR: z
    .string()
    .optional()
    .describe(
      'Folder of the built web console served at / (default services/console/dist, built by npm start when missing)',
    ),
});
