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

/**
 * Content keys already computed, per update object: the diff keys a poll's new updates and the
 * store keys the same objects again when it writes them (NFKC normalisation of every body, twice,
 * was a tenth of a first cycle). Updates are never mutated (every change builds a new object), so
 * an object's key cannot go stale; a WeakMap lets it go with the object.
 */
const keys = new WeakMap<TimelineUpdate<string>, string>();
const normalForms = new WeakMap<TimelineUpdate<string>, { label: string; body: string }>();

/** An update's label and body in normal form (text.ts), computed once per update object. */
function normalOf(update: TimelineUpdate<string>): { label: string; body: string } {
  let forms = normalForms.get(update);
  if (forms === undefined) normalForms.set(update, (forms = { label: normaliseText(update.label), body: normaliseText(update.body) }));
  return forms;
}

/** Key of an update in isolation: its vendor id, else a hash of time, label and normalised body. */
export function contentKey(update: TimelineUpdate<string>): string {
  if (update.id !== null && update.id !== '') return update.id;
  let key = keys.get(update);
  if (key === undefined) {
    const forms = normalOf(update);
    keys.set(update, (key = `h${shortHash(`${update.at}|${forms.label}|${forms.body}`)}`));
  }
  return key;
}

/**
 * Same timeline, update for update (vendor id, time, label and text as published): matching can
 * only pair each update with itself, so nothing is new and nothing edited. The common case (98 %
 * of a feed's entries are unchanged between two versions), decided without normalising any text.
 */
export function sameTimeline(known: readonly TimelineUpdate<string>[], next: readonly TimelineUpdate<string>[]): boolean {
  if (known.length !== next.length) return false;
  for (let i = 0; i < known.length; i++) {
    const k = known[i]!;
    const n = next[i]!;
    if (k.at !== n.at || k.body !== n.body || k.label !== n.label || k.id !== n.id) return false;
  }
  return true;
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
  // Normal forms are computed only for updates that share an instant with an unpaired one.
  next.forEach((u, i) => {
    if (u.id === null || u.id === '') return;
    const j = known.findIndex((k, jj) => knownToNext[jj] === -1 && k.id === u.id);
    if (j >= 0) pair(i, j);
  });
  next.forEach((u, i) => {
    if (nextToKnown[i] !== -1 || (u.id !== null && u.id !== '')) return;
    const j = known.findIndex((k, jj) => knownToNext[jj] === -1 && k.at === u.at && normalOf(k).label === normalOf(u).label && normalOf(k).body === normalOf(u).body);
    if (j >= 0) pair(i, j);
  });
  next.forEach((u, i) => {
    if (nextToKnown[i] !== -1 || (u.id !== null && u.id !== '')) return;
    const j = known.findIndex((k, jj) => knownToNext[jj] === -1 && k.at === u.at && normalOf(k).label === normalOf(u).label && (!opts.editsAreNew || normalOf(k).body === ''));
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
  // Each known update continued by its twin in `next`: the newest renderings, nothing new.
  if (sameTimeline(known, next)) return [...next].sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
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
