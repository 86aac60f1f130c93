/**
 * The admin page's protections that do not depend on who is signed in: the response headers (a strict
 * Content-Security-Policy with no inline script or style at all, no caching, no referrer, no framing),
 * the check that a request came through the configured public address, and the session cookie's
 * attributes.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';

export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'content-security-policy':
    "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'",
  'cache-control': 'no-store',
  // same-origin, not no-referrer: with no-referrer the browser sends "Origin: null" on the page's own forms.
  'referrer-policy': 'same-origin',
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'x-robots-tag': 'noindex, nofollow',
  'cross-origin-opener-policy': 'same-origin',
};

export function withSecurityHeaders(reply: FastifyReply): FastifyReply {
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) reply.header(name, value);
  return reply;
}

export interface PublicAddress {
  /** "https://bot.example.vn" */
  origin: string;
  /** "bot.example.vn" (with the port when it is not the scheme's default). */
  host: string;
  /** The path the page lives under: PUBLIC_BASE_URL's path + "/quantri". */
  basePath: string;
  secure: boolean;
}

export function publicAddress(publicBaseUrl: string): PublicAddress {
  const url = new URL(publicBaseUrl);
  return { origin: url.origin, host: url.host, basePath: `${url.pathname.replace(/\/+$/, '')}/quantri`, secure: url.protocol === 'https:' };
}

/** The sign-in link /quantri sends. */
export function signInUrl(publicBaseUrl: string, token: string): string {
  return `${publicAddress(publicBaseUrl).origin}${publicAddress(publicBaseUrl).basePath}/vao/${token}`;
}

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value)?.split(',')[0]?.trim().toLowerCase();

/**
 * Whether the request was addressed to the public host: directly (Host) or through a reverse proxy
 * that says so (X-Forwarded-Host). A request to the server's bare IP address or another name gets nothing.
 */
export function cameThroughPublicAddress(req: FastifyRequest, address: PublicAddress): boolean {
  const expected = address.host.toLowerCase();
  return first(req.headers.host) === expected || first(req.headers['x-forwarded-host']) === expected;
}

/** A POST must come from the page itself: the browser's Origin, when it sends one, is the public origin. */
export function cameFromThePage(req: FastifyRequest, address: PublicAddress): boolean {
  const origin = req.headers.origin;
  return origin === undefined || origin === address.origin;
}

export const SESSION_COOKIE = 'quantri_phien';

/** `maxAgeSeconds`: the session's lifetime (Max-Age, relative: the server's clock decides, the server checks it too). */
export function sessionCookieOptions(address: PublicAddress, maxAgeSeconds?: number) {
  return {
    path: address.basePath,
    httpOnly: true,
    secure: address.secure,
    sameSite: 'strict' as const,
    ...(maxAgeSeconds !== undefined ? { maxAge: maxAgeSeconds } : {}),
  };
}
