import { z } from 'zod';
import { QueueId } from '@hotline/contracts';

/** The gateway's web-chat settings (`/api/portal/chats`). */
export const chatConfigSchema = z.object({
  HOTLINE_CHAT_QUEUE: QueueId.default('web-chat').describe(
    "The router's queue a citizen's web chat from the portal waits in (an agent holds up to their chat capacity of chats)",
  ),
});

export type ChatConfig = z.infer<typeof chatConfigSchema>;

/** Injection token of the ChatConfig. */
export const CHAT_CONFIG = Symbol('hotline.gateway.chat-config');
