/**
 * The shapes of the Zalo Bot Platform API, validated with zod. Tolerant where the platform's documentation
 * is uncertain (see shared/reference/zalo-bot-api.md, points marked [U]): ids may come as numbers,
 * `photo` or `photo_url`, `display_name` may be missing, unknown fields are kept.
 */
import { z } from 'zod';

/** Ids are opaque strings; accept a number too and keep it as a string. */
const id = z
  .union([z.string(), z.number()])
  .transform((v) => String(v))
  .pipe(z.string().min(1));

/** Every answer of the API: `ok` decides, never the HTTP status. */
export const apiResponseSchema = z
  .object({
    ok: z.boolean(),
    result: z.unknown().optional(),
    error_code: z.coerce.number().int().optional(),
    description: z.string().optional(),
    /** Not documented for Zalo; honoured when present (Telegram-style). */
    parameters: z.object({ retry_after: z.coerce.number().optional() }).loose().optional(),
  })
  .loose();
export type ApiResponse = z.infer<typeof apiResponseSchema>;

export const zaloUserSchema = z
  .object({
    id,
    display_name: z.string().nullish(),
    is_bot: z.boolean().optional(),
  })
  .loose();

export const zaloChatSchema = z
  .object({
    id,
    chat_type: z.string().optional(),
  })
  .loose();

export const zaloMessageSchema = z
  .object({
    message_id: id,
    /** Epoch milliseconds. */
    date: z.coerce.number().optional(),
    from: zaloUserSchema,
    chat: zaloChatSchema,
    text: z.string().optional(),
    photo: z.string().optional(),
    photo_url: z.string().optional(),
    caption: z.string().optional(),
    sticker: z.string().optional(),
  })
  .loose();
export type ZaloMessage = z.infer<typeof zaloMessageSchema>;

/** One update, from `getUpdates` or a webhook body. `message` is checked only for the events we handle. */
export const zaloUpdateSchema = z
  .object({
    event_name: z.string().min(1),
    message: z.unknown().optional(),
  })
  .loose();
export type ZaloUpdate = z.infer<typeof zaloUpdateSchema>;

export const getMeResultSchema = z
  .object({
    id,
    account_name: z.string().optional(),
    /** The name people see (and @mention in groups); reported by clients of the real API [U]. */
    display_name: z.string().nullish(),
    account_type: z.string().optional(),
    can_join_groups: z.boolean().optional(),
  })
  .loose();
export type ZaloBotInfo = z.infer<typeof getMeResultSchema>;

export const webhookInfoSchema = z
  .object({
    url: z.string().optional(),
    updated_at: z.coerce.number().optional(),
  })
  .loose();
export type ZaloWebhookInfo = z.infer<typeof webhookInfoSchema>;

/**
 * setWebhook's answer. Zalo calls the URL to test it and may report how that went in `verification`
 * (seen in an SDK of the real API [U]): `ok`, an `outcome` word and a `hint` for the operator.
 */
export const setWebhookResultSchema = webhookInfoSchema.extend({
  verification: z
    .object({
      ok: z.boolean().optional(),
      url: z.string().optional(),
      outcome: z.string().optional(),
      hint: z.string().optional(),
    })
    .loose()
    .optional(),
});
export type ZaloSetWebhookResult = z.infer<typeof setWebhookResultSchema>;

export const sentMessageSchema = z
  .object({
    message_id: id.optional(),
    date: z.coerce.number().optional(),
  })
  .loose();
export type ZaloSentMessage = z.infer<typeof sentMessageSchema>;

/** `sendChatAction` answers `{ok: true}` with no result (or `true`). */
export const anyResultSchema = z.unknown();
