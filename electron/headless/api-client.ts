import { openUpstream, type Upstream, type UpstreamOptions } from '../core/upstream/open.ts';
import type { CliIO } from './cli.ts';

/**
 * Open the root for one command, run it, stop the root. The CLI is a thin transport: every
 * command goes through `upstream.call` and the message stream. Notices raised while opening (a
 * repaired settings file) are said on stderr; a history that cannot be opened is exit 2.
 */
export async function withUpstream(options: UpstreamOptions, io: CliIO, fn: (upstream: Upstream) => Promise<number>): Promise<number> {
  const opened = await openUpstream(options);
  if (!opened.ok) {
    io.stderr(`upstream: ${opened.message}\n`);
    return 2;
  }
  const { upstream } = opened;
  const notices = await upstream.call('notices.list', {});
  if (notices.ok) for (const n of [...notices.value].reverse()) io.stderr(`upstream: ${n.message}\n`);
  try {
    return await fn(upstream);
  } finally {
    await upstream.stop();
  }
}

/** Print an API error the CLI way and return exit code 2. */
export function apiError(io: CliIO, what: string, error: { message: string }): number {
  io.stderr(`upstream: ${what}: ${error.message}\n`);
  return 2;
}
