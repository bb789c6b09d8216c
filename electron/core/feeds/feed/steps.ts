import type { LabelMeaning } from './labels.ts';

/** One timeline block read: its instant, label, body, and where the vendor posted it. */
export interface Step {
  ms: number;
  at: string;
  label: string;
  body: string;
  meaning: LabelMeaning;
  /** Posting order: 0 is the first update the vendor posted. */
  rank: number;
  /** Resolved / Postmortem for an incident, Completed for a maintenance. */
  closes: boolean;
}

/** In which order a platform lists an entry's blocks, when that is known. */
export type ListingOrder = 'newestFirst' | 'oldestFirst' | 'unknown';

/**
 * Posting ranks for blocks in document order. Statuspage always lists the newest block first
 * [F: every Statuspage capture, 373 GitHub versions]; Instatus lists them oldest first
 * [F: Northflank] but may not always, so an unknown order is taken from the stamps themselves
 * (more descending neighbours than ascending: newest first).
 */
export function postingRanks(msInDocumentOrder: readonly number[], order: ListingOrder): number[] {
  const n = msInDocumentOrder.length;
  let newestFirst = order === 'newestFirst';
  if (order === 'unknown') {
    let ascending = 0;
    let descending = 0;
    for (let i = 1; i < n; i++) {
      const a = msInDocumentOrder[i - 1] ?? 0;
      const b = msInDocumentOrder[i] ?? 0;
      if (b > a) ascending++;
      else if (b < a) descending++;
    }
    newestFirst = descending > ascending;
  }
  return msInDocumentOrder.map((_, i) => (newestFirst ? n - 1 - i : i));
}

/**
 * Oldest first. Ties (same instant) keep the vendor's posting order, except that a closing block
 * goes last among blocks of its own minute: a Resolved is never undone by an update stamped in
 * the same minute, whichever way the feed happened to list them.
 */
export function chronological<T extends Step>(steps: readonly T[]): T[] {
  return [...steps].sort((a, b) => {
    const minute = Math.floor(a.ms / 60_000) - Math.floor(b.ms / 60_000);
    if (minute !== 0) return minute;
    if (a.closes !== b.closes) return a.closes ? 1 : -1;
    return a.ms - b.ms || a.rank - b.rank;
  });
}

/**
 * The closing step that still stands, if any (steps oldest first). A block after it reopens the
 * incident only if it is stamped in a later minute AND the vendor posted it after the closing one:
 * a feed that lists an earlier-posted "Investigating" below "Resolved" with a later stamp
 * [F: ruzismart demo history.atom, Investigating 04:08 listed under Resolved 03:42] must not leave
 * a finished incident open for weeks. "Update" blocks never reopen: they repeat the status.
 */
export function standingClose<T extends Step>(steps: readonly T[]): T | undefined {
  let close: T | undefined;
  for (const step of steps) {
    if (step.closes) {
      close = step;
      continue;
    }
    if (!close || step.meaning.kind === 'continuation' || step.meaning.kind === 'unknown') continue;
    const laterMinute = Math.floor(step.ms / 60_000) > Math.floor(close.ms / 60_000);
    if (laterMinute && step.rank > close.rank) close = undefined;
  }
  return close;
}
