/**
 * Child process for the kill -9 test (crash.test.ts): applies numbered polls 0, 1, 2… to the
 * database given as argv[2], as fast as it can, until the parent SIGKILLs it. On every start it
 * resumes after the last committed poll (read back from the stored known state), first
 * replaying that poll as a restarted engine might, and reports on stdout
 * `ready <next poll> replayed-fresh <events the replay returned as new>` (must be 0).
 *
 * Poll i writes, all in one transaction: INCIDENTS incidents `p<i>-<k>` first seen at pollAt(i),
 * UPDATES updates each, a postmortem on `p<i>-0` ("Postmortem poll <i>…"), a status change of
 * components `api` and `web`, EVENTS events at pollAt(i), stored reachability `since` pollAt(i) and a poll
 * log row with bytes = i (retries = REPLAY_RETRIES for a replay). The parent checks that each
 * poll is there whole or not at all.
 */
import { writeSync } from 'node:fs';
import type { PollResult } from '../../../../electron/core/polling/poll-result.ts';
import type { StatusLevel, VendorSource } from '../../../../shared/model/index.ts';
import { component, event, incident, openStore, poll, snapshot, update } from './factories.ts';

export const CRASH_VENDOR: VendorSource = {
  id: 'crashco', name: 'CrashCo', url: 'https://status.crashco.test', platform: 'statuspage',
  adapter: 'statuspage-json', base: 'https://status.crashco.test',
};
export const INCIDENTS = 3;
export const UPDATES = 3;
export const EVENTS = 4;
/** Marks a replayed poll in the poll log, so the parent can tell first applications apart. */
export const REPLAY_RETRIES = 9;

const LEVELS: StatusLevel[] = ['operational', 'degraded', 'major_outage'];
const BASE = Date.parse('2024-01-01T00:00:00.000Z');

/** When poll i ran; also the first-seen instant of its incidents and the instant of its events. */
export function pollAt(i: number): string {
  return new Date(BASE + i * 60_000).toISOString();
}

/** The number of the poll that ran at `at` (inverse of pollAt). */
export function pollIndex(at: string): number {
  return (Date.parse(at) - BASE) / 60_000;
}

/** The poll numbered i, identical every time it is built (that is what a replay relies on). */
export function crashPoll(i: number, replay = false): PollResult {
  const at = pollAt(i);
  const incidents = Array.from({ length: INCIDENTS }, (_, k) => {
    const updates = Array.from({ length: UPDATES }, (_, u) => update(at, `Kestrel ${i}-${k} note ${u}: engineers are working on it.`, 'investigating', `Note ${u}`));
    return k === 0
      ? incident(`p${i}-${k}`, updates, { title: `Kestrel outage ${i}-${k}`, status: 'postmortem', resolvedAt: at, postmortem: `Postmortem poll ${i}: the kestrel queue overflowed.` })
      : incident(`p${i}-${k}`, updates, { title: `Kestrel outage ${i}-${k}` });
  });
  return poll(at, {
    vendor: CRASH_VENDOR,
    bytes: i,
    retries: replay ? REPLAY_RETRIES : 0,
    reachability: { reachable: true, since: at, failures: 0, failingSince: null },
    snapshot: snapshot({ incidents, components: [component('api', LEVELS[i % 3]!), component('web', LEVELS[(i + 1) % 3]!)] }),
    events: Array.from({ length: EVENTS }, (_, e) => event(`crashco:${i}:${e}`, { vendorId: CRASH_VENDOR.id, subjectId: `p${i}-0`, at, detectedAt: at })),
  });
}

function main(file: string): void {
  const store = openStore(file);
  const since = store.loadVendorState(CRASH_VENDOR.id).reachability?.since;
  const last = since ? pollIndex(since) : null;
  const fresh = last === null ? 0 : store.applyPoll(crashPoll(last, true)).length;
  const next = last === null ? 0 : last + 1;
  writeSync(1, `ready ${next} replayed-fresh ${fresh}\n`);
  for (let i = next; ; i++) store.applyPoll(crashPoll(i));
}

if (import.meta.main) main(process.argv[2] ?? 'history.db');
