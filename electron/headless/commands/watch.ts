import { readFile, writeFile } from 'node:fs/promises';
import { SettingsStore } from '../../core/settings/index.ts';
import { closeHttpAgents, fetchDocument } from '../../core/polling/http.ts';
import { resolveVendorSource } from '../../core/vendors/source-from-url.ts';
import { homeFrom, parseCommandArgs } from '../args.ts';
import type { CliIO } from '../cli.ts';

export const WATCH_USAGE = `Usage: upstream watch <add|remove|list|export|import> [options]

  watch add <catalog-id-or-url> [--interval SECONDS]   watch a vendor (URLs are detected)
  watch remove <vendor-id>                              stop watching a vendor
  watch list [--json]                                   the watchlist
  watch export [FILE]                                   the watchlist as JSON (stdout without FILE)
  watch import FILE                                     add the vendors of an exported watchlist

Options: --home DIR (or UPSTREAM_HOME) for the folder with config.json and history.db.
`;

/** `upstream watch …`: the watchlist in the settings file, shared with the desktop app. */
export async function runWatch(argv: readonly string[], io: CliIO): Promise<number> {
  const args = parseCommandArgs(argv, { interval: { type: 'string' } });
  if (!args.ok) return usageError(io, args.message);
  const [action, target, ...extra] = args.positionals;
  if (extra.length) return usageError(io, `unexpected argument ${extra[0]}`);
  const store = new SettingsStore(homeFrom(args.values.home));
  const loaded = await store.load();
  if (loaded.message) io.stderr(`upstream: ${loaded.message}\n`);

  switch (action) {
    case 'list': {
      const vendors = store.listVendors();
      if (args.values.json) io.stdout(`${JSON.stringify(vendors, null, 2)}\n`);
      else if (vendors.length === 0) io.stdout('The watchlist is empty. Add a vendor: upstream watch add github\n');
      else {
        const width = Math.max(...vendors.map((v) => v.id.length));
        for (const v of vendors) io.stdout(`${v.id.padEnd(width)}  ${v.name} (${v.platform}, every ${v.intervalSeconds}s)  ${v.url}\n`);
      }
      return 0;
    }
    case 'add': {
      if (!target) return usageError(io, 'watch add needs a catalogue id or a URL');
      const interval = args.values.interval === undefined ? undefined : Number(args.values.interval);
      if (interval !== undefined && (!Number.isInteger(interval) || interval < 30)) return usageError(io, '--interval needs whole seconds, at least 30');
      try {
        const resolved = await resolveVendorSource(target, (url, o) => fetchDocument(url, o));
        if (!resolved.ok) {
          io.stderr(`upstream: ${target}: ${resolved.message}\n`);
          return 2;
        }
        const added = await store.addVendor(resolved.source);
        if (!added.ok) {
          io.stderr(`upstream: ${target}: ${added.error.message}\n`);
          return 2;
        }
        if (interval !== undefined) {
          const saved = await store.update((s) => {
            const v = s.watchlist.find((w) => w.id === added.value.id);
            if (v) v.intervalSeconds = interval;
          });
          if (!saved.ok) io.stderr(`upstream: ${saved.error.message}\n`);
        }
        io.stdout(`Watching ${added.value.name} (${added.value.id}, ${added.value.platform}).\n`);
        return 0;
      } finally {
        await closeHttpAgents();
      }
    }
    case 'remove': {
      if (!target) return usageError(io, 'watch remove needs a vendor id');
      const removed = await store.removeVendor(target);
      if (!removed.ok) {
        io.stderr(`upstream: ${removed.error.message}\n`);
        return 2;
      }
      io.stdout(`Stopped watching ${removed.value.name}. Its history is kept.\n`);
      return 0;
    }
    case 'export': {
      const text = `${JSON.stringify(store.exportWatchlist(), null, 2)}\n`;
      if (target) await writeFile(target, text);
      else io.stdout(text);
      return 0;
    }
    case 'import': {
      if (!target) return usageError(io, 'watch import needs a file');
      const text = await readFile(target, 'utf8').catch((e: Error) => e);
      if (text instanceof Error) {
        io.stderr(`upstream: ${target}: ${text.message}\n`);
        return 2;
      }
      const report = await store.importWatchlist(text);
      if (!report.ok) {
        io.stderr(`upstream: ${target}: ${report.error.message}\n`);
        return 2;
      }
      io.stdout(`Imported ${report.value.added.length} vendor(s).\n`);
      for (const s of report.value.skipped) io.stdout(`Skipped ${s.entry}: ${s.reason}\n`);
      return 0;
    }
    default:
      return usageError(io, action ? `unknown action "${action}"` : 'missing action');
  }
}

function usageError(io: CliIO, message: string): number {
  io.stderr(`upstream watch: ${message}\n\n${WATCH_USAGE}`);
  return 2;
}
