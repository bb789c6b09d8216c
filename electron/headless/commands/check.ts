import type { Snapshot } from '../../../shared/model/index.ts';
import { isDisrupted } from '../../../shared/model/index.ts';
import { findCatalogEntry } from '../../core/catalog/index.ts';
import { detect } from '../../core/feeds/detect.ts';
import { normaliseInput } from '../../core/feeds/detect/direct.ts';
import { isAdapterId } from '../../core/feeds/endpoints.ts';
import { closeHttpAgents, fetchDocument, type FetchFn } from '../../core/polling/http.ts';
import { readVendor } from '../../core/polling/read-vendor.ts';
import { formatSnapshot } from '../format/snapshot.ts';
import type { CliIO } from '../cli.ts';

export const CHECK_USAGE = `Usage: upstream check <url-or-catalog-id> [--json] [--timeout SECONDS]

Reads one status page once and prints its overall status, the components that are not
operational, active incidents with their latest update, and upcoming maintenance.

  <url-or-catalog-id>  a catalogue id (github, stripe), a status page's home page or custom
                       domain (www.githubstatus.com), or a feed/API URL (…/api/v2/summary.json)
  --json               print the normalised snapshot as JSON instead
  --timeout SECONDS    per-request time limit (default 10)

Exit code: 0 operational or under maintenance, 1 degraded or worse, 2 error.
`;

interface CheckArgs {
  target: string;
  json: boolean;
  timeoutMs: number;
}

/** Flags → args, or the reason they are wrong (printed with the usage, exit 2). */
export function parseCheckArgs(argv: readonly string[]): CheckArgs | string {
  let target: string | undefined;
  let json = false;
  let timeoutMs = 10_000;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    if (flag === '--json') json = true;
    else if (flag === '--timeout') {
      const value = Number(inline ?? argv[++i]);
      if (!Number.isFinite(value) || value <= 0 || value > 600) return '--timeout needs a number of seconds between 0 and 600';
      timeoutMs = Math.round(value * 1000);
    } else if (flag === '--home') {
      // Accepted by every command (README); check reads no local state.
      if (inline === undefined) i++;
    } else if (flag.startsWith('-')) return `unknown option ${flag}`;
    else if (target === undefined) target = arg;
    else return `unexpected argument ${arg}`;
  }
  if (target === undefined || target.trim() === '') return 'missing <url-or-catalog-id>';
  return { target, json, timeoutMs };
}

/** `upstream check`: one read, a summary (or JSON) on stdout, an exit code scripts can test. */
export async function runCheck(argv: readonly string[], io: CliIO): Promise<number> {
  const args = parseCheckArgs(argv);
  if (typeof args === 'string') {
    io.stderr(`upstream check: ${args}\n\n${CHECK_USAGE}`);
    return 2;
  }
  try {
    const read = await readTarget(args);
    if (!read.ok) {
      io.stderr(`upstream: ${read.url}: ${read.message}\n`);
      return 2;
    }
    io.stdout(args.json ? `${JSON.stringify(read.snapshot, null, 2)}\n` : formatSnapshot(read.snapshot));
    return isDisrupted(read.snapshot.status.level) ? 1 : 0;
  } finally {
    await closeHttpAgents();
  }
}

type TargetRead = { ok: true; snapshot: Snapshot } | { ok: false; url: string; message: string };

async function readTarget(args: CheckArgs): Promise<TargetRead> {
  const fetchOptions = { totalTimeoutMs: args.timeoutMs, connectTimeoutMs: Math.min(args.timeoutMs, 5_000) };
  const http: FetchFn = (url, opts) => fetchDocument(url, { ...fetchOptions, ...opts });
  const url = normaliseInput(args.target);
  if (!url) {
    const entry = findCatalogEntry(args.target);
    if (!entry || !isAdapterId(entry.adapter)) return { ok: false, url: args.target, message: 'not a URL and not a vendor in the catalogue' };
    const read = await readVendor(entry.adapter, entry.base, { fetch: http, sourceUrl: entry.url });
    if (!read.ok) return { ok: false, url: read.failure.source === 'fetch' ? read.failure.error.url : entry.base, message: failureWords(read.failure) };
    if (read.unchanged) return { ok: false, url: entry.base, message: 'the server answered 304 to an unconditional request' };
    return { ok: true, snapshot: read.snapshot };
  }

  const found = await detect(url.href, http, { probeTimeoutMs: Math.min(args.timeoutMs, 5_000) });
  if (!found.ok) return { ok: false, url: found.error.url, message: found.error.message };
  const { adapterId, base, documents, snapshot } = found.value;
  // Detection read only the primary document; the optional ones (history, maintenances) enrich it.
  if (found.value.endpoints.length === 1) return { ok: true, snapshot };
  const full = await readVendor(adapterId, base, { fetch: http, prefetched: documents, sourceUrl: url.href });
  return { ok: true, snapshot: full.ok && !full.unchanged ? full.snapshot : snapshot };
}

function failureWords(failure: { source: 'fetch' | 'feed'; error: { kind: string; message: string } }): string {
  return failure.source === 'fetch' ? `${failure.error.kind}: ${failure.error.message}` : `the feed could not be read (${failure.error.kind}): ${failure.error.message}`;
}
