import type { TimelineUpdate } from '../../../shared/model/index.ts';
import { normaliseText, shortHash } from './text.ts';

/**
 * Which update of a timeline is which, across polls.
 *
 * An update is identified by the vendor's id when it has one (Statuspage JSON). Feeds carry none,
 * so there an update is its (time, label, normalised body): the content key. Matching a new poll
 * against what we knew happens in three passes, so that neither re-rendering nor editing an
 * update makes it "new":
 *   1. vendor id equal;
 *   2. same time, label and normalised body (whitespace/entity re-rendering of the same text);
 *   3. same time and label, body different (the vendor edited the text, or the known copy was
 *      compacted to an empty body by known-state.ts): the same update, edited.
 * Only updates left unmatched after pass 3 are new. Each known update is matched at most once, so
 * two genuine updates posted in the same minute with the same label stay two.
 *
 * Feeds that list only what is ongoing (active-listing.ts) show an item's current text alone, and
 * the vendor edits it in place to say what changed: there an edit IS the news, so `editsAreNew`
 * limits pass 3 to known copies compacted to an empty body, and the edited text becomes a new
 * update with its own event (the earlier text stays in the timeline).
 */

export interface MatchOptions {
  /** Same time and label with another text is a new update, not an edit (active-only feeds). */
  editsAreNew?: boolean;
}

/** Key of an update in isolation: its vendor id, else a hash of time, label and normalised body. */
export function contentKey(update: TimelineUpdate<string>): string {
  if (update.id !== null && update.id !== '') return update.id;
  return `h${shortHash(`${update.at}|${normaliseText(update.label)}|${normaliseText(update.body)}`)}`;
}

export interface UpdateMatch {
  /** Per next update: its key (the matched known update's key, or its own content key). */
  keys: string[];
  /** Per next update: true when no known update continues it. */
  isNew: boolean[];
  /** Per known update: index of the next update that continues it, or -1. */
  knownToNext: number[];
}

/** Match a poll's updates against the known ones (see the module comment for the passes). */
export function matchUpdates(known: readonly TimelineUpdate<string>[], next: readonly TimelineUpdate<string>[], opts: MatchOptions = {}): UpdateMatch {
  const knownKeys = known.map(contentKey);
  const knownToNext = known.map(() => -1);
  const nextToKnown = next.map(() => -1);
  const pair = (i: number, j: number): void => {
    nextToKnown[i] = j;
    knownToNext[j] = i;
  };
  const label = (u: TimelineUpdate<string>): string => normaliseText(u.label);

  next.forEach((u, i) => {
    if (u.id === null || u.id === '') return;
    const j = known.findIndex((k, jj) => knownToNext[jj] === -1 && k.id === u.id);
    if (j >= 0) pair(i, j);
  });
  next.forEach((u, i) => {
    if (nextToKnown[i] !== -1 || (u.id !== null && u.id !== '')) return;
    const body = normaliseText(u.body);
    const j = known.findIndex((k, jj) => knownToNext[jj] === -1 && k.at === u.at && label(k) === label(u) && normaliseText(k.body) === body);
    if (j >= 0) pair(i, j);
  });
  next.forEach((u, i) => {
    if (nextToKnown[i] !== -1 || (u.id !== null && u.id !== '')) return;
    const j = known.findIndex((k, jj) => knownToNext[jj] === -1 && k.at === u.at && label(k) === label(u) && (!opts.editsAreNew || normaliseText(k.body) === ''));
    if (j >= 0) pair(i, j);
  });

  const taken = new Set(knownKeys);
  const keys: string[] = [];
  const isNew: boolean[] = [];
  next.forEach((u, i) => {
    const j = nextToKnown[i] ?? -1;
    if (j >= 0) {
      keys.push(knownKeys[j] ?? contentKey(u));
      isNew.push(false);
      return;
    }
    // Identical twins (same time, label and text twice) still need distinct keys.
    const base = contentKey(u);
    let key = base;
    for (let n = 2; taken.has(key); n++) key = `${base}~${n}`;
    taken.add(key);
    keys.push(key);
    isNew.push(true);
  });
  return { keys, isNew, knownToNext };
}

/**
 * Every update ever seen: the known timeline with each continued update replaced by its newest
 * rendering, plus the new ones; chronological (stable, so same-instant updates keep their order).
 */
export function unionUpdates<U extends TimelineUpdate<string>>(known: readonly U[], next: readonly U[], opts: MatchOptions = {}): U[] {
  const match = matchUpdates(known, next, opts);
  const merged: U[] = known.map((k, j) => {
    const i = match.knownToNext[j] ?? -1;
    return i >= 0 ? (next[i] ?? k) : k;
  });
  next.forEach((u, i) => {
    if (match.isNew[i]) merged.push(u);
  });
  return merged.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
}
