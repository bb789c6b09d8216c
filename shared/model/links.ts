/**
 * The http(s) links a piece of vendor text carries: markdown links `[text](url)` and bare URLs.
 * Shared by the engine, which decides what may be opened outside the app (only links found in
 * stored data), and the renderer, which shows them.
 */
export function linksIn(text: string): string[] {
  const found = new Set<string>();
  for (const match of text.matchAll(/\]\((https?:\/\/[^\s)]+)\)|(https?:\/\/[^\s<>()"'\]]+[^\s<>()"'\].,;:!?])/gi)) {
    const url = normaliseLink(match[1] ?? match[2] ?? '');
    if (url) found.add(url);
  }
  return [...found];
}

/** An absolute http(s) URL in canonical form, or null (javascript:, file:, relative, malformed). */
export function normaliseLink(text: string): string | null {
  try {
    const url = new URL(text.trim());
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}
