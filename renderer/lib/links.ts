/**
 * The only links vendor text may carry: absolute http(s). `javascript:`, `data:`, `file:` and
 * relative links (which would resolve against our own origin) are shown as text instead.
 */
export function safeHref(href: string | null | undefined): string | null {
  if (!href) return null;
  try {
    const url = new URL(href.trim());
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}
