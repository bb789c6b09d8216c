import { WATCH_USAGE } from './usage.ts';
import { readFile, writeFile } from 'node:fs/promises';
import { STATUS_LABELS } from '../../../shared/model/index.ts';
import type { Upstream } from '../../core/upstream/open.ts';
import { apiError, withUpstream } from '../api-client.ts';
import { homeFrom, parseCommandArgs } from '../args.ts';
import type { CliIO } from '../cli.ts';


/** `upstream watch …`: the watchlist in the settings file, shared with the desktop app. */
export async function runWatch(argv: readonly string[], io: CliIO): Promise<number> {
  const args = parseCommandArgs(argv, { interval: { type: 'string' } });
  if (!args.ok) return usageError(io, args.message);
  const [action, target, ...extra] = args.positionals;
  if (extra.length) return usageError(io, `unexpected argument ${extra[0]}`);
  if (!['list', 'add', 'remove', 'export', 'import'].includes(action ?? '')) return usageError(io, action ? `unknown action "${action}"` : 'missing action');
  if (action !== 'list' && action !== 'export' && !target) return usageError(io, `watch ${action} needs ${action === 'add' ? 'a catalogue id or a URL' : action === 'remove' ? 'a vendor id' : 'a file'}`);
  const interval = args.values.interval === undefined ? undefined : Number(args.values.interval);
  if (interval !== undefined && (!Number.isInteger(interval) || interval < 30)) return usageError(io, '--interval needs whole seconds, at least 30');
  const home = homeFrom(args.values.home);

  return withUpstream({ home }, io, async ({ call }) => {
    if (action === 'export' || action === 'import') return exportOrImport(action, target, call, io);
    if (action === 'list') {
      const vendors = await call('vendors.list', {});
      if (!vendors.ok) return apiError(io, 'watch list', vendors.error);
      if (args.values.json) io.stdout(`${JSON.stringify(vendors.value, null, 2)}\n`);
      else if (vendors.value.length === 0) io.stdout('The watchlist is empty. Add a vendor: upstream watch add github\n');
      else {
        const width = Math.max(...vendors.value.map((v) => v.source.id.length));
        for (const v of vendors.value) {
          const state = v.health === 'ok' || v.health === 'pending' ? STATUS_LABELS[v.level] : `${STATUS_LABELS[v.level]} (${v.health.replace('_', ' ')})`;
          io.stdout(`${v.source.id.padEnd(width)}  ${v.source.name}: ${state}, every ${v.intervalSeconds}s  ${v.source.url}\n`);
        }
      }
      return 0;
    }
    if (action === 'add') {
      const added = await call('vendors.add', { idOrUrl: target!, ...(interval !== undefined ? { intervalSeconds: interval } : {}) });
      if (!added.ok) return apiError(io, target!, added.error);
      io.stdout(`Watching ${added.value.name} (${added.value.id}, ${added.value.platform}, every ${added.value.intervalSeconds}s).\n`);
      return 0;
    }
    const removed = await call('vendors.remove', { vendorId: target! });
    if (!removed.ok) return apiError(io, target!, removed.error);
    io.stdout(`Stopped watching ${removed.value.name}. Its history is kept.\n`);
    return 0;
  });
}

async function exportOrImport(action: 'export' | 'import', target: string | undefined, call: Upstream['call'], io: CliIO): Promise<number> {
  if (action === 'export') {
    const exported = await call('watchlist.export', {});
    if (!exported.ok) return apiError(io, 'watch export', exported.error);
    const text = `${JSON.stringify(exported.value, null, 2)}\n`;
    if (target) await writeFile(target, text);
    else io.stdout(text);
    return 0;
  }
  const text = await readFile(target!, 'utf8').catch((e: Error) => e);
  if (text instanceof Error) return apiError(io, target!, text);
  const report = await call('watchlist.import', { text });
  if (!report.ok) return apiError(io, target!, report.error);
  io.stdout(`Imported ${report.value.added.length} vendor(s).\n`);
  for (const s of report.value.skipped) io.stdout(`Skipped ${s.entry}: ${s.reason}\n`);
  return 0;
}

function usageError(io: CliIO, message: string): number {
  io.stderr(`upstream watch: ${message}\n\n${WATCH_USAGE}`);
  return 2;
}
