/**
 * Errors of the Zalo client. They name the API method, never the request URL: the bot token is part of
 * the URL and must not reach a log line or an error message.
 */

export type ZaloErrorKind = 'api' | 'network' | 'invalid_response';

export class ZaloApiError extends Error {
  override name = 'ZaloApiError';
  constructor(
    readonly method: string,
    readonly kind: ZaloErrorKind,
    /** The API's error_code (401, 408, 429, 5xx …); 0 for network errors and unreadable answers. */
    readonly errorCode: number,
    readonly description: string,
    /** Seconds to wait, when the answer said so. */
    readonly retryAfterSeconds?: number,
  ) {
    super(`Zalo ${method} failed: ${kind === 'api' ? `error ${errorCode}` : kind}${description ? ` (${description})` : ''}`);
  }

  /** 408 on getUpdates: nothing arrived within the timeout. Normal. */
  get isIdlePoll(): boolean {
    return this.kind === 'api' && this.errorCode === 408;
  }

  /** 401: the token is wrong or was reset. Retrying cannot help. */
  get isUnauthorized(): boolean {
    return this.kind === 'api' && this.errorCode === 401;
  }

  /** Worth trying again after a pause: network trouble, 429, 5xx. */
  get isRetryable(): boolean {
    if (this.kind === 'network') return true;
    if (this.kind === 'api') return this.errorCode === 429 || this.errorCode >= 500;
    return false;
  }
}

export function isZaloApiError(err: unknown): err is ZaloApiError {
  return err instanceof ZaloApiError;
}
