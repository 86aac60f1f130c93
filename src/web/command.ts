/**
 * /quantri (admins, private chat): a personal sign-in link to the admin page, good once and for
 * ADMIN_LINK_TTL_MINUTES. The link is stored (hashed) in the same commit as the message, so the reply
 * and the link exist together or not at all. The same on every channel: Zalo admins get the same link.
 */
import type { CommandSpec } from '../dialog/context.js';
import { formatExpiry } from '../server/downloads.js';
import { webAccessFor } from './access.js';
import { signInUrl } from './security.js';
import { webTexts } from './texts.js';

export const adminPageCommand: CommandSpec = {
  names: ['quantri', 'admin'],
  description: webTexts.commandDescription,
  adminOnly: true,
  privateOnly: true,
  run(ctx) {
    const base = ctx.config.publicBaseUrl;
    if (!base) return [{ text: webTexts.commandNoUrl }];
    const link = webAccessFor(ctx.store, ctx.config, () => ctx.now).issueLink({ channel: ctx.inbound.channel, userId: ctx.inbound.userId });
    ctx.logger.info({ event: 'web-link-issued', channel: ctx.inbound.channel }, 'admin page link issued');
    return [{ text: webTexts.commandLink(signInUrl(base, link.token), ctx.config.adminPage.linkTtlMinutes, formatExpiry(link.expiresAt, ctx.config.timeZone)) }];
  },
};
