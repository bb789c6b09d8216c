import { timingSafeEqual } from 'node:crypto';

/*
 * SECURITY-CRITICAL. `upstream serve` exposes the engine (add vendors, change settings, read the
 * history) to a browser on this machine. Every other web page the user visits can also send
 * requests to 127.0.0.1, so each rule below stops one attack; do not relax one without replacing
 * what it stops:
 * - the token (URL once, then an HttpOnly cookie) stops other local users and pages that cannot
 *   read our stdout;
 * - the Host check stops DNS rebinding (a foreign name resolving to 127.0.0.1 makes the browser
 *   treat our server as that site's origin);
 * - the Origin check on every command stops cross-origin writes (other localhost ports are
 *   "same-site", so SameSite=Strict alone would not stop them);
 * - no CORS headers, ever, so no other origin can read an answer;
 * - the CSP keeps injected vendor text from running script even if a sanitiser had a bug.
 */

/** Hosts the server answers to; it binds 127.0.0.1 only, `localhost` is what people type. */
export function allowedHost(hostHeader: string | undefined, port: number): boolean {
  if (!hostHeader) return false;
  const host = hostHeader.trim().toLowerCase();
  return host === `127.0.0.1:${port}` || host === `localhost:${port}`;
}

/**
 * A command's Origin must be this very server, as the page addressed it. Browsers send Origin on
 * every POST; a request without one did not come from our page.
 */
export function allowedOrigin(origin: string | undefined, hostHeader: string | undefined, port: number): boolean {
  if (!origin || !allowedHost(hostHeader, port)) return false;
  return origin.trim().toLowerCase() === `http://${hostHeader!.trim().toLowerCase()}`;
}

/** Cookies ignore ports, so two `upstream serve` on one machine need distinct names. */
export function cookieName(port: number): string {
  return `upstream_token_${port}`;
}

/** The token cookie: unreadable by script, never sent by another site, the whole server's path. */
export function tokenCookie(port: number, token: string): string {
  return `${cookieName(port)}=${token}; HttpOnly; SameSite=Strict; Path=/`;
}

/** The token a request carries in its cookie, if any. */
export function tokenFromCookies(cookieHeader: string | undefined, port: number): string | null {
  if (!cookieHeader) return null;
  const name = `${cookieName(port)}=`;
  for (const part of cookieHeader.split(';')) {
    const trimmed = part.trim();
    if (trimmed.startsWith(name)) return trimmed.slice(name.length);
  }
  return null;
}

/** Constant-time comparison, so response timing does not leak the token byte by byte. */
export function tokenMatches(candidate: string | null | undefined, token: string): boolean {
  if (!candidate) return false;
  const a = Buffer.from(candidate);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * Only our own bundle runs; vendor text can never bring script, frames, forms or remote content.
 * `connect-src 'self'` covers the API and the event stream; links to vendors open in new tabs
 * (navigation is not governed by connect-src).
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "manifest-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "object-src 'none'",
].join('; ');

/** Headers on every answer. No Access-Control-* header is ever sent. */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'content-security-policy': CONTENT_SECURITY_POLICY,
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
  'permissions-policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=()',
};
