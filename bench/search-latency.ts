import { existsSync, mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync, type StatementSync } from 'node:sqlite';
import type { Incident, IncidentStatus, Snapshot, VendorSource } from '../shared/model/index.ts';
import { parseFeedXml } from '../electron/core/feeds/feed/adapter.ts';
import { ftsQuery, HistoryStore } from '../electron/core/history/index.ts';
import { RANKED_WINDOW } from '../electron/core/history/search.ts';
import { initialReachability } from '../electron/core/changes/reachability.ts';
import { replayVersions } from '../test/support/replay.ts';
import { fmt, percentile, type BenchSection } from './report.ts';
import { prng } from '../test/support/prng.ts';

/**
 * Full-text search (HistoryStore.search: FTS5, bm25, snippet) over a 100,000-incident history,
 * against the naive alternative on the same tables: `LIKE '%word%'` over titles and update bodies.
 * The history is built by applying poll results straight to the store (the engine's write path
 * without HTTP or parsing), so its build time is reported too.
 */
export interface SearchLatencyOptions {
  vendors?: number;
  polls?: number;
  incidentsPerPoll?: number;
  queries?: number;
}

/** The replay corpus's words for GitHub's products, swapped for other vendors' so 100 vendors do not all say "Codespaces". */
const GITHUB_WORDS = /\b(GitHub|Codespaces|Actions|Copilot|Pages|Packages|Issues|Pull Requests|Webhooks|Git Operations|API Requests|Dependabot|npm)\b/g;
const PRODUCTS = [
  'Payments', 'Checkout', 'Dashboard', 'Webhooks', 'Billing', 'Object Storage', 'DNS', 'CDN', 'Email Delivery', 'SMS', 'Search',
  'Authentication', 'Login', 'Database', 'Queues', 'Builds', 'Deployments', 'Analytics', 'Realtime', 'Voice', 'Video', 'Logs',
  'Metrics', 'Tracing', 'Functions', 'Edge Network', 'Image Processing', 'Notifications', 'Invoices', 'Subscriptions',
];
const REGIONS = ['us-east-1', 'eu-west-1', 'ap-southeast-2', 'Frankfurt', 'Tokyo', 'São Paulo', 'Virginia', 'Oregon', 'Mumbai', 'London'];
const STOP = new Set('that this with from have been were will they their there which while about after before into some more than them these those what when where your also other over only such then very because being could should would cannot'.split(' '));


/** Distinct titles and update bodies of the replay corpus: real incident prose to vary. */
function replayCorpus(): { titles: string[]; bodies: string[] } {
  const titles = new Set<string>();
  const bodies = new Set<string>();
  for (const body of replayVersions()) {
    const parsed = parseFeedXml(body, 'http://bench.invalid/history.atom', '2026-01-01T00:00:00.000Z');
    if (!parsed.ok) throw new Error(parsed.error.message);
    for (const i of parsed.snapshot.incidents) {
      titles.add(i.title);
      for (const u of i.updates) if (u.body.trim()) bodies.add(u.body);
    }
  }
  return { titles: [...titles], bodies: [...bodies] };
}

function vocabulary(texts: string[]): string[] {
  const counts = new Map<string, number>();
  for (const text of texts) for (const w of text.toLowerCase().split(/[^\p{L}\p{N}]+/u)) {
    if (w.length >= 4 && !/\d/.test(w) && !STOP.has(w)) counts.set(w, (counts.get(w) ?? 0) + 1);
  }
  return [...counts].filter(([, n]) => n >= 3).map(([w]) => w).sort();
}

const STATUSES: [IncidentStatus, string][] = [['investigating', 'Investigating'], ['monitoring', 'Update'], ['resolved', 'Resolved']];

function snapshotOf(vendor: VendorSource, incidents: Incident[], at: string): Snapshot {
  return {
    source: { url: vendor.url, platform: 'statuspage', format: 'atom', fetchedAt: at },
    page: { name: vendor.name, url: vendor.url }, status: { level: 'operational', description: 'All Systems Operational' },
    components: [], incidents, maintenances: [], warnings: [],
  };
}

export async function benchSearchLatency(opts: SearchLatencyOptions = {}): Promise<BenchSection> {
  const vendorCount = opts.vendors ?? 100;
  const polls = opts.polls ?? 1000;
  const perPoll = opts.incidentsPerPoll ?? 100;
  const queryCount = opts.queries ?? 200;
  const rand = prng(42);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const corpus = replayCorpus();
  const vary = (text: string, product: string): string => {
    const out = text.replace(GITHUB_WORDS, () => (rand() < 0.7 ? product : pick(PRODUCTS)));
    return rand() < 0.3 ? `${out} Customers in ${pick(REGIONS)} are most affected.` : out;
  };
  const vendors: VendorSource[] = Array.from({ length: vendorCount }, (_, v) => ({
    id: `vendor-${v}`, name: `Vendor ${v}`, url: `https://status.vendor-${v}.example`, platform: 'statuspage', adapter: 'feed-xml', base: `https://status.vendor-${v}.example/history.atom`,
  }));

  // UPSTREAM_BENCH_SEARCH_DIR keeps the built history there and reuses it next time (for working
  // on search itself; the figures of a reused history are the same, its build time is not reported).
  const keep = process.env.UPSTREAM_BENCH_SEARCH_DIR;
  const reuse = keep !== undefined && existsSync(join(keep, 'history.db'));
  const dir = keep ?? mkdtempSync(join(tmpdir(), 'upstream-bench-search-'));
  mkdirSync(dir, { recursive: true });
  const opened = HistoryStore.open(join(dir, 'history.db'));
  if (!opened.ok) throw new Error(opened.message);
  const store = opened.store;
  try {
    // Build: incident k starts 7 minutes after incident k-1 (100,000 incidents ≈ 16 months).
    const start = Date.parse('2025-01-01T00:00:00Z');
    let k = 0;
    let updates = 0;
    const buildStarted = performance.now();
    for (let p = 0; p < (reuse ? 0 : polls); p++) {
      const vendor = vendors[p % vendorCount]!;
      const incidents: Incident[] = [];
      for (let j = 0; j < perPoll; j++, k++) {
        const product = pick(PRODUCTS);
        const startedAt = start + k * 7 * 60_000;
        const steps = rand() < 0.5 ? 2 : 3;
        const timeline = (steps === 2 ? [STATUSES[0]!, STATUSES[2]!] : STATUSES).map(([status, label], n) => ({
          id: null, status, label, body: vary(pick(corpus.bodies), product), at: new Date(startedAt + n * 40 * 60_000).toISOString(),
        }));
        updates += timeline.length;
        incidents.push({
          id: `inc-${k}`, title: vary(pick(corpus.titles), product), url: `${vendor.url}/incidents/inc-${k}`, impact: pick(['minor', 'major', 'none'] as const),
          status: 'resolved', startedAt: timeline[0]!.at, resolvedAt: timeline.at(-1)!.at, components: [product], updates: timeline, postmortem: null,
        });
      }
      const at = new Date(start + k * 7 * 60_000).toISOString();
      const snapshot = snapshotOf(vendor, incidents, at);
      store.applyPoll({
        vendor, at, outcome: 'ok', latencyMs: 50, bytes: 100_000, httpStatus: 200, retries: 0, retryAfterMs: null, error: null, health: 'ok',
        known: { version: 1, snapshot, lastSeen: Object.fromEntries(incidents.map((i) => [`incident:${i.id}`, at])), missingSince: {}, noLongerReported: [] },
        reachability: initialReachability(at), events: [], firstRead: false,
      });
    }
    const buildMs = performance.now() - buildStarted;
    const dbMb = ['history.db', 'history.db-wal'].reduce((n, f) => n + (statSync(join(dir, f), { throwIfNoEntry: false })?.size ?? 0), 0) / 2 ** 20;

    // Queries: 60 % one word, 40 % two, drawn from the corpus's words (after substitution) and product names.
    const vocab = vocabulary([...corpus.bodies, ...corpus.titles, ...PRODUCTS].map((t) => vary(t, pick(PRODUCTS))));
    const queries = Array.from({ length: queryCount }, () => (rand() < 0.6 ? [pick(vocab)] : [pick(vocab), pick(vocab)]));

    // The baseline reads the same file through a second, read-only connection (the store keeps its own private).
    const db = new DatabaseSync(join(dir, 'history.db'), { readOnly: true });
    const likeStatements = new Map<number, StatementSync>();
    const likeStatement = (terms: number): StatementSync => {
      let stmt = likeStatements.get(terms);
      if (!stmt) {
        const where = (col: string): string => Array.from({ length: terms }, (_, t) => `${col} LIKE :t${t}`).join(' AND ');
        stmt = db.prepare(`
          SELECT u.vendor_id, v.name AS vendor_name, u.incident_id, i.title, 'update' AS field, u.at, i.url, u.body AS text
          FROM incident_updates u JOIN incidents i ON i.vendor_id = u.vendor_id AND i.id = u.incident_id JOIN vendors v ON v.id = u.vendor_id
          WHERE ${where('u.body')}
          UNION ALL
          SELECT i.vendor_id, v.name, i.id, i.title, 'title', i.started_at, i.url, i.title
          FROM incidents i JOIN vendors v ON v.id = i.vendor_id WHERE ${where('i.title')}
          ORDER BY 6 DESC LIMIT 25`);
        likeStatements.set(terms, stmt);
      }
      return stmt;
    };
    const fts = (terms: string[]): number => store.search({ query: terms.join(' '), limit: 25 }).length;
    // The floor the issue names: the same MATCH with no ranking, no snippet and no join.
    const bareStatement = db.prepare('SELECT rowid FROM search_index WHERE search_index MATCH ? ORDER BY rowid DESC LIMIT 25');
    const bare = (terms: string[]): number => bareStatement.all(ftsQuery(terms.join(' ')) ?? '""').length;
    const like = (terms: string[]): number => likeStatement(terms.length).all(Object.fromEntries(terms.map((t, n) => [`t${n}`, `%${t}%`]))).length;
    const time = (fn: (terms: string[]) => number): { ms: number[]; hits: number; empty: number } => {
      const ms: number[] = [];
      let hits = 0;
      let empty = 0;
      for (const q of queries) {
        const t0 = performance.now();
        const n = fn(q);
        ms.push(performance.now() - t0);
        hits += n;
        if (n === 0) empty++;
      }
      return { ms, hits, empty };
    };
    for (const q of queries) fts(q); // warm-up: page cache and prepared statements
    for (const q of queries.slice(0, 10)) like(q);
    for (const q of queries) bare(q);
    const a = time(fts);
    const c = time(bare);
    const b = time(like);
    db.close();
    const row = (name: string, m: { ms: number[]; hits: number; empty: number }): (string | number)[] => [
      name, fmt(percentile(m.ms, 50), 2), fmt(percentile(m.ms, 99), 2), fmt(m.hits / queries.length, 1), m.empty,
      `${fmt(percentile(m.ms, 50) / percentile(c.ms, 50), 2)}×`, `${fmt(percentile(m.ms, 99) / percentile(c.ms, 99), 2)}×`,
      `${fmt(percentile(m.ms, 50) / percentile(b.ms, 50), 3)}×`, `${fmt(percentile(m.ms, 99) / percentile(b.ms, 99), 3)}×`,
    ];
    return {
      title: `Search latency: full-text search over ${(polls * perPoll).toLocaleString('en-US')} incidents`,
      baseline: "a bare `MATCH … ORDER BY rowid DESC LIMIT 25` on the same index (no ranking, snippet or join: the floor), and `LIKE '%word%'` (every word, ANDed) over the same titles and update bodies, newest first, LIMIT 25 (the scan FTS replaces)",
      columns: ['method', 'p50 (ms)', 'p99 (ms)', 'rows per query', 'queries with no hit', 'p50 vs bare MATCH', 'p99 vs bare MATCH', 'p50 vs LIKE', 'p99 vs LIKE'],
      rows: [
        row(`HistoryStore.search (the newest ${RANKED_WINDOW} matches of each kind ranked, excerpts, LIMIT 25)`, a),
        row('bare MATCH, newest 25 (baseline)', c),
        row('LIKE scan (baseline)', b),
      ],
      notes: [
        `History: ${vendorCount} vendors × ${polls / vendorCount} polls × ${perPoll} new incidents = ${(polls * perPoll).toLocaleString('en-US')} incidents with ${updates.toLocaleString('en-US')} updates, text drawn from the ${corpus.titles.length} titles and ${corpus.bodies.length} update bodies of the GitHub replay corpus with product and region substitutions. Built with ${polls} HistoryStore.applyPoll calls (one transaction each) in ${fmt(buildMs / 1000, 1)} s (${fmt((polls * perPoll) / (buildMs / 1000), 0)} incidents/s); database ${fmt(dbMb, 0)} MB.`,
        `${queryCount} queries (60 % one word, 40 % two), words drawn from the corpus vocabulary (${vocab.length} words seen ≥ 3 times); each method timed once per query after a warm-up. FTS matches stems and the last word as a prefix; LIKE matches substrings, so their hit sets differ slightly.`,
      ],
    };
  } finally {
    store.close();
    if (!keep) rmSync(dir, { recursive: true, force: true });
  }
}
