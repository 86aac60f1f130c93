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
    /** The API's error_code (401, 408, 429, 5xx …); the HTTP status for unreadable answers; 0 for network errors. */
    readonly errorCode: number,
    readonly description: string,
    /** Seconds to wait, when the answer said so. */
    readonly retryAfterSeconds?: number,
  ) {
    super(`Zalo ${method} failed: ${kind === 'api' ? `error ${errorCode}` : kind}${description ? ` (${description})` : ''}`);
  }

  /**
   * 408 on getUpdates: nothing arrived within the timeout. Normal. The real API answers it with HTTP
   * status 408 too, so a proxy in between may replace the JSON with its own page: that is idle as well.
   */
  get isIdlePoll(): boolean {
    return (this.kind === 'api' || this.kind === 'invalid_response') && this.errorCode === 408;
  }

  /** 401: the token is wrong or was reset. Retrying cannot help. */
  get isUnauthorized(): boolean {
    return this.kind === 'api' && this.errorCode === 401;
  }

  /**
   * 400 or 404 from getWebhookInfo / deleteWebhook: clients of the real API report these from a bot that
   * never had a webhook. It means "no webhook", not a failure.
   */
  get meansNoWebhook(): boolean {
    return this.kind === 'api' && (this.errorCode === 400 || this.errorCode === 404);
  }

  /**
   * Worth trying again after a pause: network trouble, 429, 5xx (also a gateway's HTML page, which is not
   * JSON: outages answer 502/504 that way, sometimes for hours), and 403 when it says "Internal server
   * error" (Zalo's docs list 403 so). A 403 saying anything else (a user the bot may not write to) is final.
   */
  get isRetryable(): boolean {
    if (this.kind === 'network') return true;
    if (this.kind === 'invalid_response') return this.errorCode >= 500;
    if (this.kind === 'api') {
      return this.errorCode === 429 || this.errorCode >= 500 || (this.errorCode === 403 && /internal server error/i.test(this.description));
    }
    return false;
  }
}

export function isZaloApiError(err: unknown): err is ZaloApiError {
  return err instanceof ZaloApiError;
}
