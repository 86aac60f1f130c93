/**
 * The parts of a Telegram update the bot reads (src/channels/telegram/inbound.ts), validated with zod
 * before a webhook delivery is handled. Loose: Telegram adds fields over time, and everything else in
 * an update is passed on untouched.
 */
import { z } from 'zod';

const int = z.number().int();

const user = z.object({ id: int, is_bot: z.boolean(), first_name: z.string() }).loose();
const chat = z.object({ id: int, type: z.string() }).loose();
const entity = z.object({ type: z.string(), offset: int.nonnegative(), length: int.nonnegative() }).loose();

const message = z
  .object({
    message_id: int,
    chat,
    from: user.optional(),
    text: z.string().optional(),
    entities: z.array(entity).optional(),
    caption: z.string().optional(),
    caption_entities: z.array(entity).optional(),
    reply_to_message: z.object({ from: user.optional() }).loose().optional(),
  })
  .loose();

const callbackQuery = z
  .object({
    id: z.string(),
    from: user,
    data: z.string().optional(),
    // May be an "inaccessible message" (only chat, id and date 0): only the chat is read.
    message: z.object({ chat }).loose().optional(),
  })
  .loose();

/** Anything with an update id is an update (a delivery Telegram must not retry forever). */
export const updateEnvelopeSchema = z.object({ update_id: int.nonnegative() }).loose();

export const telegramUpdateSchema = updateEnvelopeSchema.extend({
  message: message.optional(),
  callback_query: callbackQuery.optional(),
});
