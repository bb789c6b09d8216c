import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Parser from 'rss-parser';
import { parseFeedXml } from '../electron/core/feeds/feed/adapter.ts';
import { SHARED_FIXTURES } from '../test/support/paths.ts';
import { fmt, median, type BenchSection } from './report.ts';

/**
 * Atom adapter throughput on the 373-version GitHub replay corpus, against rss-parser (a popular
 * general-purpose feed parser, xml2js underneath) on the same bytes. Ours does more work per byte
 * (HTML timeline parsing, year inference, normalisation); the baseline only builds a generic tree.
 */
export async function benchAtomParse(rounds = 5): Promise<BenchSection> {
  const dir = join(SHARED_FIXTURES, 'replay/github-history-atom');
  const files = readdirSync(dir).filter((f) => f.endsWith('.atom')).sort();
  const bodies = files.map((f) => readFileSync(join(dir, f)));
  const texts = bodies.map((b) => b.toString('utf8'));
  const totalMb = bodies.reduce((n, b) => n + b.length, 0) / 1e6;
  const fetchedAt = '2026-01-01T00:00:00.000Z';

  const ours = async (): Promise<number> => {
    let entries = 0;
    for (const [i, body] of bodies.entries()) {
      const url = `http://bench.invalid/${files[i]}`;
      const result = parseFeedXml(body, url, fetchedAt);
      if (!result.ok) throw new Error(`${files[i]}: ${result.error.message}`);
      entries += result.snapshot.incidents.length + result.snapshot.maintenances.length;
    }
    return entries;
  };
  const parser = new Parser();
  const baseline = async (): Promise<number> => {
    let entries = 0;
    for (const text of texts) entries += (await parser.parseString(text)).items.length;
    return entries;
  };

  const measure = async (fn: () => Promise<number>): Promise<{ mbps: number; entries: number }> => {
    await fn(); // warm-up: JIT and lazy initialisation are not what we measure
    const seconds: number[] = [];
    let entries = 0;
    for (let r = 0; r < rounds; r++) {
      const t0 = process.hrtime.bigint();
      entries = await fn();
      seconds.push(Number(process.hrtime.bigint() - t0) / 1e9);
    }
    return { mbps: totalMb / median(seconds), entries };
  };

  const a = await measure(ours);
  const b = await measure(baseline);
  return {
    title: 'Atom parse throughput (GitHub history.atom replay corpus)',
    baseline: 'rss-parser 3 `parseString` on the same 373 documents (generic items, no timeline parsing)',
    columns: ['parser', 'MB/s', 'entries per pass', 'ratio vs rss-parser'],
    rows: [
      ['Upstream feed-xml adapter (full normalisation)', fmt(a.mbps), a.entries, `${fmt(a.mbps / b.mbps, 2)}×`],
      ['rss-parser (baseline)', fmt(b.mbps), b.entries, '1.00×'],
    ],
    notes: [`${files.length} documents, ${fmt(totalMb, 2)} MB per pass, median of ${rounds} passes after one warm-up pass.`],
  };
}
