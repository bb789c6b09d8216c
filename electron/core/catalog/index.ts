import type { CatalogEntry } from '../../../shared/model/index.ts';
import { VENDORS } from './vendors.ts';

export { CATEGORIES, type Category } from './categories.ts';

/** Every vendor Upstream can watch without detection: generated from stts' catalogue plus hand-added facts. */
export const CATALOG: readonly CatalogEntry[] = VENDORS;

/**
 * What a first run watches: vendors most teams depend on, across different platforms (Statuspage,
 * Stripe, Slack, AWS), so a new user sees the app working on real data before choosing their own.
 */
export const DEFAULT_WATCHLIST: readonly string[] = ['github', 'stripe', 'slack', 'cloudflare', 'aws'];

const byId = new Map(CATALOG.map((e) => [e.id, e]));
const byName = new Map<string, CatalogEntry>();
for (const e of CATALOG) {
  byName.set(e.name.toLowerCase(), e);
}
const byAlias = new Map<string, CatalogEntry>();
for (const e of CATALOG) {
  for (const alias of e.aliases) if (!byAlias.has(alias.toLowerCase())) byAlias.set(alias.toLowerCase(), e);
}

function hostOf(url: string): string {
  return new URL(url).hostname.toLowerCase().replace(/^www\./, '');
}

function pathOf(url: string): string {
  return new URL(url).pathname.replace(/\/+$/, '');
}

/** `status.stripe.com`, `https://www.githubstatus.com/incidents/x` → URL; a plain word → undefined. */
function asUrl(input: string): URL | undefined {
  const candidate = input.includes('://') ? input : /^[\w-]+(\.[\w-]+)+(\/\S*)?$/.test(input) ? `https://${input}` : undefined;
  if (candidate === undefined) return undefined;
  try {
    return new URL(candidate);
  } catch {
    return undefined;
  }
}

/**
 * The entry a person or a config file means: its id, its name or a former name (any case), or a
 * URL on its status page's host. Several pages may share a host (Intercom's regional pages), so
 * the entry whose page path is the longest prefix of the URL's path wins.
 */
export function findCatalogEntry(idOrName: string): CatalogEntry | undefined {
  const q = idOrName.trim();
  const lower = q.toLowerCase();
  const direct = byId.get(lower) ?? byName.get(lower) ?? byAlias.get(lower);
  if (direct) return direct;
  const url = asUrl(q);
  if (!url) return undefined;
  const host = url.hostname.toLowerCase().replace(/^www\./, '');
  const path = url.pathname.replace(/\/+$/, '');
  const onHost = CATALOG.filter((e) => hostOf(e.url) === host);
  const ranked = onHost
    .map((e) => ({ e, p: pathOf(e.url) }))
    .sort((a, b) => {
      const am = path === a.p || path.startsWith(`${a.p}/`) ? a.p.length : -1;
      const bm = path === b.p || path.startsWith(`${b.p}/`) ? b.p.length : -1;
      return bm - am || a.p.length - b.p.length;
    });
  return ranked[0]?.e;
}

const words = (text: string): string[] => text.toLowerCase().split(/[^a-z0-9]+/).filter(Boolean);

/** Rank of an entry for a query (lower is better); undefined when it does not match at all. */
function rank(e: CatalogEntry, q: string): number | undefined {
  const name = e.name.toLowerCase();
  const aliases = e.aliases.map((a) => a.toLowerCase());
  if (e.id === q || name === q || aliases.includes(q)) return 0;
  if (name.startsWith(q)) return 1;
  if (words(name).some((w) => w.startsWith(q))) return 2;
  if (aliases.some((a) => a.startsWith(q) || words(a).some((w) => w.startsWith(q)))) return 3;
  if (name.includes(q) || e.id.includes(q)) return 4;
  const category = e.category.toLowerCase();
  if (category.startsWith(q) || words(category).some((w) => w.startsWith(q))) return 5;
  if (hostOf(e.url).includes(q)) return 6;
  return undefined;
}

/**
 * Catalogue entries for a search box, best first: exact name, name prefix, word prefix ("cloud"
 * finds "Google Cloud"), former names, substring, then category ("payments") and host
 * ("githubstatus"). Ties sort by name. An empty query lists the catalogue by name.
 */
export function searchCatalog(query: string, limit = 20): CatalogEntry[] {
  const q = query.trim().toLowerCase();
  const max = Math.max(0, Math.floor(limit));
  if (q === '') return CATALOG.slice(0, max);
  return CATALOG
    .map((e) => ({ e, r: rank(e, q) }))
    .filter((x): x is { e: CatalogEntry; r: number } => x.r !== undefined)
    .sort((a, b) => a.r - b.r || a.e.name.localeCompare(b.e.name, 'en', { sensitivity: 'base' }))
    .slice(0, max)
    .map((x) => x.e);
}
