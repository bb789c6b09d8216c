/**
 * Feed text on a terminal is hostile input: a vendor's body could carry escape sequences that
 * recolour, retitle or clear the user's terminal. Every string from a feed goes through `clean`.
 */
export function clean(text: string): string {
  return text.replace(/\u001b\[[0-9;?]*[ -/]*[@-~]/g, '').replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, ' ');
}

/** One line of at most `max` characters: whitespace collapsed, an ellipsis when cut. */
export function excerpt(text: string, max: number): string {
  const flat = clean(text).replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1).trimEnd()}…` : flat;
}

/**
 * An instant in the user's zone (the process's TZ), e.g. "25 Nov 2022, 14:39 UTC". Stored times
 * are UTC; only the edge renders local time.
 */
export function localTime(iso: string, locale?: string): string {
  const ms = Date.parse(iso);
  if (!Number.isFinite(ms)) return iso;
  return new Intl.DateTimeFormat(locale ?? 'en-GB', {
    day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZoneName: 'short',
  }).format(new Date(ms));
}
