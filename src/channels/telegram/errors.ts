/**
 * Why Telegram refused to deliver a message, in terms the caller can act on (a reminder to a user who
 * blocked the bot is recorded and not retried). Never carries the message text or the request payload.
 */
import { GrammyError, HttpError } from 'grammy';

export type DeliveryFailure = 'blocked' | 'unknown_chat' | 'rate_limited' | 'network' | 'rejected';

export class TelegramDeliveryError extends Error {
  override name = 'TelegramDeliveryError';
  constructor(
    readonly kind: DeliveryFailure,
    readonly method: string,
    /** Telegram's error_code; 0 for network failures. */
    readonly errorCode: number,
    readonly description: string,
  ) {
    super(`Telegram ${method} failed (${kind}${errorCode ? `, ${errorCode}` : ''}): ${description}`);
  }
}

export function classifyDelivery(err: unknown): TelegramDeliveryError {
  if (err instanceof TelegramDeliveryError) return err;
  if (err instanceof GrammyError) {
    const d = err.description;
    const kind: DeliveryFailure =
      err.error_code === 403
        ? 'blocked'
        : err.error_code === 429
          ? 'rate_limited'
          : err.error_code === 400 && /chat not found|user not found|PEER_ID_INVALID/i.test(d)
            ? 'unknown_chat'
            : 'rejected';
    return new TelegramDeliveryError(kind, err.method, err.error_code, d);
  }
  if (err instanceof HttpError) return new TelegramDeliveryError('network', 'request', 0, err.message);
  return new TelegramDeliveryError('rejected', 'request', 0, err instanceof Error ? err.message : String(err));
}

/** For log lines: what failed, never what was sent. */
export function describeError(err: unknown): Record<string, unknown> {
  if (err instanceof TelegramDeliveryError) return { kind: err.kind, method: err.method, errorCode: err.errorCode, description: err.description };
  if (err instanceof GrammyError) return { method: err.method, errorCode: err.error_code, description: err.description };
  if (err instanceof HttpError) return { name: 'HttpError', message: err.message };
  if (err instanceof Error) return { name: err.name, message: err.message, stack: err.stack };
  return { message: String(err) };
}
