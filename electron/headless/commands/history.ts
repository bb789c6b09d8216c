import { HISTORY_USAGE } from './usage.ts';
import type { SearchHit, VendorStats } from '../../../shared/contract/history.ts';
import { STATUS_LABELS, STATUS_LEVELS } from '../../../shared/model/index.ts';
import { homeFrom, parseCommandArgs } from '../args.ts';
import type { CliIO } from '../cli.ts';
import { apiError, withUpstream } from '../api-client.ts';


/** `upstream history …`: read-only queries of the local history database. */
export async function runHistory(argv: readonly string[], io: CliIO): Promise<number> {
  const args = parseCommandArgs(argv, {
    vendor: { type: 'string' }, since: { type: 'string' }, until: { type: 'string' }, limit: { type: 'string' },
  });
  if (!args.ok) return usageError(io, args.message);
  const [action, query, ...extra] = args.positionals;
  if (extra.length) return usageError(io, `unexpected argument ${extra[0]} (quote a multi-word query)`);
  const since = instant(args.values.since);
  const until = instant(args.values.until);
  if (since === null || until === null) return usageError(io, 'dates must be ISO-8601, e.g. 2026-01-31');
  const limit = args.values.limit === undefined ? 25 : Number(args.values.limit);
  if (!Number.isInteger(limit) || limit < 1 || limit > 200) return usageError(io, '--limit needs a whole number from 1 to 200');

  if (action !== 'search' && action !== 'stats') return usageError(io, action ? `unknown action "${action}"` : 'missing action');
  if (action === 'search' && !query?.trim()) return usageError(io, 'history search needs a query');
  const vendor = args.values.vendor ? { vendorId: args.values.vendor } : {};
  return withUpstream({ home: homeFrom(args.values.home) }, io, async ({ call }) => {
    if (action === 'search') {
      const hits = await call('history.search', { query: query!, limit, ...vendor, ...(since ? { since } : {}) });
      if (!hits.ok) return apiError(io, 'history search', hits.error);
      io.stdout(args.values.json ? `${JSON.stringify(hits.value, null, 2)}\n` : formatHits(hits.value, query!));
      return 0;
    }
    const stats = await call('history.stats', { ...vendor, ...(since ? { since } : {}), ...(until ? { until } : {}) });
    if (!stats.ok) return apiError(io, 'history stats', stats.error);
    io.stdout(args.values.json ? `${JSON.stringify(stats.value, null, 2)}\n` : formatStats(stats.value));
    return 0;
  });
}

/** undefined when absent, null when unreadable, else a UTC ISO instant. */
function instant(text: string | undefined): string | undefined | null {
  if (text === undefined) return undefined;
  const ms = Date.parse(/^\d{4}-\d{2}-\d{2}$/.test(text) ? `${text}T00:00:00Z` : text);
  return Number.isFinite(ms) ? new Date(ms).toISOString() : null;
}

function formatHits(hits: SearchHit[], query: string): string {
  if (hits.length === 0) return `No incidents match "${query}".\n`;
  return hits.map((h) => `${h.at.slice(0, 10)}  ${h.vendorName}: ${h.title}\n    ${h.field}: ${h.snippet.replace(/\s+/g, ' ')}\n${h.url ? `    ${h.url}\n` : ''}`).join('');
}

function formatStats(stats: VendorStats[]): string {
  if (stats.length === 0) return 'No history yet: run `upstream daemon` to start recording.\n';
  const out: string[] = [];
  for (const s of stats) {
    const mttr = s.meanMinutesToResolve === null ? 'n/a' : `${Math.round(s.meanMinutesToResolve)} min mean, ${Math.round(s.medianMinutesToResolve ?? 0)} min median`;
    out.push(`${s.vendorName}: ${s.incidents} incident(s), ${s.resolved} resolved; time to resolve ${mttr}`);
    for (const m of s.months) {
      const minutes = STATUS_LEVELS.filter((l) => (m.minutesByStatus[l] ?? 0) > 0 && l !== 'operational')
        .map((l) => `${STATUS_LABELS[l].toLowerCase()} ${Math.round(m.minutesByStatus[l] ?? 0)} min`).join(', ');
      out.push(`  ${m.month}: ${m.incidents} incident(s)${m.uptimePercent === null ? '' : `, uptime ${m.uptimePercent.toFixed(3)}%`}${minutes ? `; ${minutes}` : ''}`);
    }
  }
  return `${out.join('\n')}\n`;
}

function usageError(io: CliIO, message: string): number {
  io.stderr(`upstream history: ${message}\n\n${HISTORY_USAGE}`);
  return 2;
}
