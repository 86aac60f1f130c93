/**
 * How the channel leaves the platform's webhook state at start-up, as working clients of the real API do:
 *
 * - polling: `getWebhookInfo` first, `deleteWebhook` only when a URL is set (getUpdates does not work
 *   while a webhook is set). A bot that never had a webhook answers these with 400 or 404: that means
 *   "no webhook", never a reason to stop. Any other failure is logged and polling goes on.
 * - webhook: `setWebhook` once the bot's server listens (Zalo calls the URL to verify it), retried with
 *   backoff on 429, 5xx and network trouble; the `verification` Zalo may return is logged for the
 *   operator, a failed one as a warning with Zalo's hint.
 */
import type { Logger } from '../../log.js';
import { backoffDelay, sleep, type BackoffOptions } from './backoff.js';
import type { ZaloClient } from './client.js';
import { isZaloApiError } from './errors.js';
import { errorSummary } from './sender.js';
import { zaloOperatorTexts } from './texts.js';

/** Polling start: removes a webhook left from an earlier run. Throws only on 401 (the token is wrong). */
export async function clearWebhookForPolling(client: ZaloClient, log: Logger, signal?: AbortSignal): Promise<void> {
  const opts = signal ? { signal } : {};
  let url: string | undefined;
  try {
    url = (await client.getWebhookInfo(opts)).url;
  } catch (err) {
    if (isZaloApiError(err) && err.isUnauthorized) throw err;
    if (isZaloApiError(err) && err.meansNoWebhook) {
      log.info({ method: err.method, errorCode: err.errorCode }, zaloOperatorTexts.noWebhookToDelete);
      return;
    }
    // Unknown state: deleting is harmless, and a webhook left in place would starve the poller.
    log.warn(errorSummary(err), 'zalo getWebhookInfo failed; deleting the webhook just in case');
    return deleteQuietly(client, log, opts, true);
  }
  if (!url) return;
  await deleteQuietly(client, log, opts, false);
}

async function deleteQuietly(client: ZaloClient, log: Logger, opts: { signal?: AbortSignal }, unsure: boolean): Promise<void> {
  try {
    await client.deleteWebhook(opts);
    log.info(zaloOperatorTexts.deletedOldWebhook);
  } catch (err) {
    if (isZaloApiError(err) && err.isUnauthorized) throw err;
    if (isZaloApiError(err) && err.meansNoWebhook) {
      log.info({ method: err.method, errorCode: err.errorCode }, zaloOperatorTexts.noWebhookToDelete);
      return;
    }
    log[unsure ? 'warn' : 'error'](errorSummary(err), zaloOperatorTexts.webhookCheckFailed);
  }
}

export interface RegisterWebhookOptions {
  url: string;
  secret: string;
  backoff: BackoffOptions;
  /** Attempts in all, the first included. */
  attempts?: number;
  signal?: AbortSignal;
}

/** Webhook start, after the server listens. Rejects with the last error when every attempt failed. */
export async function registerWebhook(client: ZaloClient, log: Logger, options: RegisterWebhookOptions): Promise<void> {
  const attempts = options.attempts ?? 4;
  const path = new URL(options.url).pathname;
  for (let attempt = 1; ; attempt++) {
    try {
      const result = await client.setWebhook(options.url, options.secret, options.signal ? { signal: options.signal } : {});
      const verification = result.verification;
      if (verification?.ok === false) {
        log.warn(
          { path, verification: { ok: false, outcome: verification.outcome, hint: verification.hint } },
          zaloOperatorTexts.webhookVerificationFailed(verification.outcome, verification.hint),
        );
      } else if (verification?.ok === true) {
        log.info({ path, verification: { ok: true, outcome: verification.outcome } }, zaloOperatorTexts.webhookVerified);
      }
      log.info({ path }, 'zalo webhook registered');
      return;
    } catch (err) {
      if (!isZaloApiError(err) || !err.isRetryable || attempt >= attempts || options.signal?.aborted) throw err;
      const wait = err.retryAfterSeconds ? err.retryAfterSeconds * 1000 : backoffDelay(attempt, options.backoff);
      log.warn({ ...errorSummary(err), attempt, waitMs: wait }, 'zalo setWebhook failed, retrying');
      await sleep(wait, options.signal);
    }
  }
}
