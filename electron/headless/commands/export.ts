import { EXPORT_USAGE } from './usage.ts';
import { writeFile } from 'node:fs/promises';
import { homeFrom, parseCommandArgs } from '../args.ts';
import type { CliIO } from '../cli.ts';
import { apiError, withUpstream } from '../api-client.ts';


const DAY = 86_400_000;

/** `upstream export ics`: maintenances from history as an .ics calendar. */
export async function runExport(argv: readonly string[], io: CliIO): Promise<number> {
  const args = parseCommandArgs(argv, {
    out: { type: 'string' }, 'days-back': { type: 'string' }, 'days-ahead': { type: 'string' }, vendor: { type: 'string' },
  });
  if (!args.ok) return usageError(io, args.message);
  const [format, ...extra] = args.positionals;
  if (format !== 'ics' || extra.length) return usageError(io, format === 'ics' ? `unexpected argument ${extra[0]}` : 'the only format is ics');
  const back = Number(args.values['days-back'] ?? 30);
  const ahead = Number(args.values['days-ahead'] ?? 365);
  if (![back, ahead].every((n) => Number.isInteger(n) && n >= 0 && n <= 3650)) return usageError(io, '--days-back and --days-ahead take whole days (0-3650)');
  return withUpstream({ home: homeFrom(args.values.home) }, io, async ({ call }) => {
    const now = Date.now();
    const window = {
      from: new Date(now - back * DAY).toISOString(),
      to: new Date(now + ahead * DAY).toISOString(),
      ...(args.values.vendor ? { vendorId: args.values.vendor } : {}),
    };
    const ics = await call('maintenances.ics', window);
    if (!ics.ok) return apiError(io, 'export ics', ics.error);
    if (args.values.out) {
      await writeFile(args.values.out, ics.value.text);
      const count = ics.value.text.split('BEGIN:VEVENT').length - 1;
      io.stderr(`upstream: wrote ${count} maintenance(s) to ${args.values.out}\n`);
    } else io.stdout(ics.value.text);
    return 0;
  });
}

function usageError(io: CliIO, message: string): number {
  io.stderr(`upstream export: ${message}\n\n${EXPORT_USAGE}`);
  return 2;
}
