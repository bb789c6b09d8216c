/**
 * Builds electron/core/catalog/vendors.ts from stts' services.json (../shared/reference, MIT, read
 * at build time only: the app never reads ../shared). Run: `node electron/core/catalog/build-catalog.ts`.
 *
 * stts groups pages by the platform that runs them; we keep the platforms we have an adapter for
 * and report the rest as skipped, so a reader of the output knows what was left out and why.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, resolve } from 'node:path';
import type { CatalogEntry, Platform } from '../../../shared/model/index.ts';
import { categoryOf } from './categories.ts';
import { HAND_ADDED } from './hand-added.ts';
import { parseLenientJson } from './lenient-json.ts';

/** An stts entry we did not turn into a catalogue entry, and why. */
export interface SkippedEntry {
  platform: string;
  name: string;
  reason: string;
}

export interface BuiltCatalog {
  entries: CatalogEntry[];
  skipped: SkippedEntry[];
}

interface SttsEntry {
  name: string;
  url: string;
  id?: string;
  old_names?: string[];
}

type Mapped = Pick<CatalogEntry, 'platform' | 'adapter' | 'base'> | { skip: string };

/**
 * How each stts platform maps to our adapters.
 * - incident.io: the page proxy (`/proxy/<host>`) is what every incident.io page itself loads, while the
 *   documented widget API only answers when the owner enabled it; so pages at a host root use the proxy.
 *   Pages under a path (Intercom's regional pages) get their `/history.atom` feed instead, because the
 *   proxy URL of a sub-page is not known to us [K].
 * - status.io: the public API needs the 24-hex page id; stts gives it for every page it lists. Without
 *   it we would have nothing knowable to poll, so such an entry is skipped, not guessed.
 * - betteruptime is Better Stack's former name: same `/index.json`.
 * - Sorry: its public API is keyed by the page's numeric id, which stts gives
 *   (`https://api.sorryapp.com/v1/pages/<id>`, see feeds/sorry); without it, skipped.
 * - StatusCast: read from the page itself (feeds/statuscast).
 */
function mapEntry(platform: string, entry: SttsEntry, page: URL): Mapped {
  const root = page.origin + page.pathname.replace(/\/+$/, '');
  switch (platform) {
    case 'statuspage':
      return { platform: 'statuspage', adapter: 'statuspage-json', base: root };
    case 'instatus':
      return { platform: 'instatus', adapter: 'instatus-json', base: root };
    case 'betterstack':
    case 'betteruptime':
      return { platform: 'betterstack', adapter: 'betterstack', base: root };
    case 'incidentio':
      return root === page.origin
        ? { platform: 'incidentio', adapter: 'incidentio-proxy', base: page.origin }
        : { platform: 'incidentio', adapter: 'feed-xml', base: `${root}/history.atom` };
    case 'sorry':
      return entry.id !== undefined && /^[\w-]+$/.test(entry.id)
        ? { platform: 'sorry', adapter: 'sorry', base: `https://api.sorryapp.com/v1/pages/${entry.id}` }
        : { skip: 'Sorry page without a page id' };
    case 'statuscast':
      return { platform: 'statuscast', adapter: 'statuscast', base: root };
    case 'statusiov1':
      return entry.id !== undefined && /^[0-9a-f]{24}$/.test(entry.id)
        ? { platform: 'statusio', adapter: 'statusio', base: `https://api.status.io/1.0/status/${entry.id}` }
        : { skip: 'status.io page without a page id' };
    default:
      return { skip: `no adapter for stts platform "${platform}"` };
  }
}

/** A stable, URL-safe id: "Let's Encrypt" → `lets-encrypt`, "Fly.io" → `fly-io`. */
export function vendorSlug(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/['\u2019]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

function readSttsEntry(raw: unknown): SttsEntry | undefined {
  if (typeof raw !== 'object' || raw === null) return undefined;
  const r = raw as Record<string, unknown>;
  if (typeof r.name !== 'string' || typeof r.url !== 'string') return undefined;
  const oldNames = Array.isArray(r.old_names) ? r.old_names.filter((n): n is string => typeof n === 'string') : [];
  return { name: r.name, url: r.url, id: typeof r.id === 'string' ? r.id : undefined, old_names: oldNames };
}

/** The catalogue from parsed stts data plus HAND_ADDED; throws on an id collision (a build-time bug). */
export function buildCatalog(stts: unknown): BuiltCatalog {
  const byId = new Map<string, CatalogEntry>();
  const skipped: SkippedEntry[] = [];
  const groups = typeof stts === 'object' && stts !== null ? Object.entries(stts) : [];
  for (const [platform, list] of groups) {
    for (const raw of Array.isArray(list) ? list : []) {
      const entry = readSttsEntry(raw);
      if (!entry) {
        skipped.push({ platform, name: String((raw as { name?: unknown })?.name ?? '?'), reason: 'no name or url' });
        continue;
      }
      let page: URL;
      try {
        page = new URL(entry.url);
      } catch {
        skipped.push({ platform, name: entry.name, reason: `bad url ${entry.url}` });
        continue;
      }
      page.protocol = 'https:';
      const mapped = mapEntry(platform, entry, page);
      if ('skip' in mapped) {
        skipped.push({ platform, name: entry.name, reason: mapped.skip });
        continue;
      }
      const id = vendorSlug(entry.name);
      if (byId.has(id)) throw new Error(`duplicate catalogue id ${id} (${entry.name})`);
      const url = page.origin + page.pathname.replace(/\/+$/, '');
      byId.set(id, { id, name: entry.name, url, ...mapped, category: categoryOf(id), aliases: entry.old_names ?? [] });
    }
  }
  for (const hand of HAND_ADDED) byId.set(hand.id, { ...hand, category: categoryOf(hand.id) });
  const entries = [...byId.values()].sort((a, b) => a.name.localeCompare(b.name, 'en', { sensitivity: 'base' }) || a.id.localeCompare(b.id));
  return { entries, skipped };
}

const FIELD_ORDER: readonly (keyof CatalogEntry)[] = ['id', 'name', 'url', 'platform', 'adapter', 'base', 'category', 'aliases'];

/** The generated module's text: one entry per line so a catalogue change is a one-line diff. */
export function renderCatalogModule(entries: readonly CatalogEntry[]): string {
  const lines = entries.map((e) => {
    const ordered = Object.fromEntries(FIELD_ORDER.map((k) => [k, e[k]]));
    return `  ${JSON.stringify(ordered)},`;
  });
  return [
    '// GENERATED by electron/core/catalog/build-catalog.ts from stts services.json (MIT) + hand-added.ts.',
    '// Do not edit by hand: change the generator or hand-added.ts and run `node electron/core/catalog/build-catalog.ts`.',
    "import type { CatalogEntry } from '../../../shared/model/index.ts';",
    '',
    '/** Every vendor Upstream knows out of the box, sorted by name. */',
    'export const VENDORS: readonly CatalogEntry[] = [',
    ...lines,
    '];',
    '',
  ].join('\n');
}

const HERE = dirname(fileURLToPath(import.meta.url));
/** stts' catalogue beside the checkout (../shared/reference), never shipped with the app. */
export const STTS_SERVICES_PATH = resolve(HERE, '../../../../shared/reference/stts-services.json');
export const VENDORS_MODULE_PATH = resolve(HERE, 'vendors.ts');

function main(): void {
  const built = buildCatalog(parseLenientJson(readFileSync(STTS_SERVICES_PATH, 'utf8')));
  writeFileSync(VENDORS_MODULE_PATH, renderCatalogModule(built.entries));
  const platforms = new Map<Platform, number>();
  for (const e of built.entries) platforms.set(e.platform, (platforms.get(e.platform) ?? 0) + 1);
  console.log(`wrote ${built.entries.length} vendors to ${VENDORS_MODULE_PATH}`);
  console.log([...platforms].map(([p, n]) => `${p}: ${n}`).join(', '));
  console.log(`skipped ${built.skipped.length}:`);
  for (const s of built.skipped) console.log(`  ${s.platform} / ${s.name}: ${s.reason}`);
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
