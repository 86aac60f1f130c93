/**
 * The grammY bot of the Telegram channel, without its transport (long polling or webhook): the API
 * with its retry and pacing transformers, the mailbox, and the middleware that turns updates into core
 * calls.
 *
 *   receive: answer a pressed button at once → mailbox.accept (stored; only then acknowledged)
 *   handle (from the mailbox): error boundary → sequentialize (per chat and per user) → classify
 *            → flood gate → core (replies stored in the outbox, in the same commit) → outbox sender
 *
 * A second delivery of an update stops at the mailbox (never counted by the flood gate); its replies
 * still waiting are sent. "typing…" shows while the core works.
 */
import { setMaxListeners } from 'node:events';
import { sequentialize } from '@grammyjs/runner';
import { Bot, HttpError, type Context, type Transformer } from 'grammy';
import type { Update, UserFromGetMe } from 'grammy/types';
import type { Core } from '../../dialog/types.js';
import type { Logger } from '../../log.js';
import type { Store } from '../../store/db.js';
import { createMailbox, type Acceptance, type Mailbox } from '../mailbox/mailbox.js';
import { createTelegramSender, type TelegramSender } from './deliver.js';
import { chosenKeyboard } from './keyboard.js';
import { describeError, TelegramDeliveryError } from './errors.js';
import { createFloodGate, DEFAULT_FLOOD, type FloodOptions } from './flood.js';
import { classifyUpdate, type InboundEvent } from './inbound.js';
import { resilience, type ResilienceOptions } from './pacing.js';
import { telegramTexts } from './texts.js';

export type TelegramContext = Context & { event?: InboundEvent };

export interface TelegramBotDeps {
  token: string;
  /** Bot API server, e.g. https://api.telegram.org or a local emulator. */
  apiRoot: string;
  core: Core;
  store: Store;
  logger: Logger;
  resilience?: ResilienceOptions;
  flood?: FloodOptions;
  /** How often "typing…" is renewed while the core works (Telegram shows it for about 5 s). */
  typingIntervalMs?: number;
  /** Known bot identity (skips getMe); tests only. */
  botInfo?: UserFromGetMe;
}

export interface TelegramBot {
  readonly bot: Bot<TelegramContext>;
  readonly sender: TelegramSender;
  readonly mailbox: Mailbox;
  /**
   * Takes one update from the transport: answers a pressed button at once, then stores the update.
   * Resolves when it is stored (the transport may acknowledge it then); rejects while stopping.
   */
  receive(update: Update): Promise<Acceptance>;
  /** Updates being handled right now. */
  inFlight(): number;
  /** Resolves when no update is being handled. */
  idle(): Promise<void>;
  /** Makes pending sends (waiting for a retry) give up; used at the end of a shutdown. */
  abortSends(): void;
}

/** Logs failed getUpdates calls (the poller retries them itself) without their URL, which holds the token. */
function logPollingFailures(logger: Logger): Transformer {
  return async (prev, method, payload, signal) => {
    if (method !== 'getUpdates') return prev(method, payload, signal);
    try {
      const res = await prev(method, payload, signal);
      if (!res.ok) logger.warn({ event: 'get-updates-failed', errorCode: res.error_code, description: res.description }, 'getUpdates refused');
      return res;
    } catch (err) {
      if (!signal?.aborted) logger.warn({ event: 'get-updates-failed', ...(err instanceof HttpError ? { message: err.message } : describeError(err)) }, 'getUpdates failed');
      throw err;
    }
  };
}

export function createTelegramBot(deps: TelegramBotDeps): TelegramBot {
  const log = deps.logger.child({ channel: 'telegram' });
  const bot = new Bot<TelegramContext>(deps.token, {
    client: { apiRoot: deps.apiRoot },
    ...(deps.botInfo ? { botInfo: deps.botInfo } : {}),
  });
  bot.api.config.use(...resilience(deps.resilience), logPollingFailures(log));

  const sends = new AbortController();
  // Every send in flight listens to this one signal; hundreds at once under load is normal, not a leak.
  setMaxListeners(0, sends.signal);
  const sender = createTelegramSender({ api: bot.api, logger: log, signal: sends.signal });
  const flood = createFloodGate(deps.flood ?? DEFAULT_FLOOD);
  const typingEvery = deps.typingIntervalMs ?? 4000;

  bot.use(async (ctx, next) => {
    try {
      await next();
    } catch (err) {
      log.error({ event: 'update-failed', updateType: Object.keys(ctx.update).find((k) => k !== 'update_id'), ...describeError(err) }, 'update handling failed');
    }
  });

  // Updates of one chat, and of one user across chats, are handled one after the other, in order.
  bot.use(
    sequentialize<TelegramContext>((ctx) => {
      const keys: string[] = [];
      if (ctx.chat) keys.push(`c${ctx.chat.id}`);
      if (ctx.from) keys.push(`u${ctx.from.id}`);
      return keys;
    }),
  );

  const answerButton = async (callbackQueryId: string, text?: string) => {
    try {
      await bot.api.answerCallbackQuery(callbackQueryId, text ? { text } : {});
    } catch (err) {
      log.warn({ event: 'answer-callback-failed', ...describeError(err) }, 'could not answer a button press');
    }
  };

  const sendTyping = (chatId: string) => {
    bot.api.sendChatAction(chatId, 'typing').catch((err: unknown) => log.debug({ event: 'chat-action-failed', ...describeError(err) }, 'typing action failed'));
  };

  /** Replies the core could not store (a failure notice): sent once, directly. */
  const deliverDirect = async (chatId: string, replies: Parameters<TelegramSender['deliver']>[1]) => {
    try {
      await sender.deliver(chatId, replies);
    } catch (err) {
      log.warn({ event: 'reply-failed', ...describeError(err) }, 'could not deliver a reply');
    }
  };

  const mailbox = createMailbox({
    channel: 'telegram',
    store: deps.store,
    logger: log,
    handle: (payload) => bot.handleUpdate(payload as Update),
    deliver: (chatId, message) => sender.deliver(chatId, [message]),
    isPermanent: (err) => err instanceof TelegramDeliveryError && (err.kind === 'blocked' || err.kind === 'unknown_chat'),
  });

  bot.use(async (ctx) => {
    const event = classifyUpdate(ctx.update, ctx.me);
    if (event.kind === 'ignore' || event.kind === 'bare-callback') return;
    const updateId = String(ctx.update.update_id);
    const userId = event.kind === 'core' ? event.inbound.userId : event.userId;
    const chatId = event.kind === 'core' ? event.inbound.chatId : event.chatId;
    const verdict = flood.check(userId);
    if (verdict !== 'ok') {
      // Once per user and window at info; the rest of a flood only at debug, so a flood cannot flood the log.
      if (verdict === 'first-excess') log.info({ event: 'flood' }, 'user over the message limit; updates refused for now');
      else log.debug({ event: 'flood' }, 'update refused (flood)');
      // Every refused message is told so: nothing accepted is dropped without a word.
      // What the notice names: the message as typed, a button press (undefined), or "the last message".
      const said = event.kind !== 'core' ? '' : event.callbackQueryId ? undefined : (event.inbound.text ?? '');
      mailbox.reply(chatId, updateId, [{ text: telegramTexts.tooFast(said) }]);
      return;
    }

    if (event.kind === 'non-text') return mailbox.reply(chatId, updateId, [{ text: telegramTexts.nonText }]);
    if (event.kind === 'empty-mention') return mailbox.reply(chatId, updateId, [{ text: telegramTexts.emptyMention(ctx.me.username) }]);

    const cq = ctx.update.callback_query;
    const chosen = cq?.message && cq.data !== undefined ? chosenKeyboard(cq.message.reply_markup, cq.data) : undefined;
    if (chosen && cq?.message) {
      bot.api
        .editMessageReplyMarkup(cq.message.chat.id, cq.message.message_id, { reply_markup: chosen })
        .catch((err: unknown) => log.debug({ event: 'edit-markup-failed', ...describeError(err) }, 'could not replace the pressed keyboard'));
    }
    sendTyping(chatId);
    const typing = setInterval(() => sendTyping(chatId), typingEvery);
    let unstored;
    try {
      unstored = await deps.core.handle(event.inbound, { outbox: true });
    } finally {
      clearInterval(typing);
    }
    mailbox.kick();
    if (unstored.length) await deliverDirect(chatId, unstored);
  });

  bot.catch((err) => log.error({ event: 'update-failed', ...describeError(err.error) }, 'update handling failed'));

  return {
    bot,
    sender,
    mailbox,
    receive(update) {
      // At once, not behind the chat's queue: a pressed button must never spin.
      if (update.callback_query) void answerButton(update.callback_query.id);
      return mailbox.accept(String(update.update_id), update);
    },
    inFlight: () => mailbox.inFlight(),
    idle: () => mailbox.idle(),
    abortSends: () => sends.abort(),
  };
}
