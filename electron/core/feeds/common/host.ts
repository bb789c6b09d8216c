/**
 * The host of a page URL, used as the page's name when a document carries none (Cachet's API,
 * an Instatus summary without `page.name`, status.io, a feed without a title): the host is what
 * the user typed and recognises. Never throws: a source URL that does not parse is returned
 * as-is, since a name is cosmetic and must not fail a parse that otherwise succeeded.
 */
export function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}
