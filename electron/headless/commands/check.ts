import { CHECK_USAGE } from './usage.ts';
import { isDisrupted } from '../../../shared/model/index.ts';
import { withUpstream } from '../api-client.ts';
import { formatSnapshot } from '../format/snapshot.ts';
import type { CliIO } from '../cli.ts';


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
  // Reading one page needs no home folder: a scratch root reads nothing and writes nothing.
  return withUpstream({ home: null }, io, async ({ call }) => {
    const read = await call('vendors.detect', { idOrUrl: args.target, timeoutSeconds: args.timeoutMs / 1000 });
    if (!read.ok) {
      io.stderr(`upstream: ${read.error.message}\n`);
      return 2;
    }
    const { snapshot } = read.value;
    io.stdout(args.json ? `${JSON.stringify(snapshot, null, 2)}\n` : formatSnapshot(snapshot));
    return isDisrupted(snapshot.status.level) ? 1 : 0;
  });
}
