import { CHECK_USAGE, DAEMON_USAGE, EXPORT_USAGE, HISTORY_USAGE, SERVE_USAGE, WATCH_USAGE } from './commands/usage.ts';

/**
 * Where a command writes. Commands take this instead of touching `process` so tests (and the
 * daemon) can run them in-process, and the exit code stays a return value.
 */
export interface CliIO {
  stdout(text: string): void;
  stderr(text: string): void;
}

export const PROCESS_IO: CliIO = {
  stdout: (text) => void process.stdout.write(text),
  stderr: (text) => void process.stderr.write(text),
};

interface Command {
  /** One line for the command list. */
  summary: string;
  usage: string;
  run(argv: readonly string[], io: CliIO): Promise<number>;
}

/**
 * The command table: a new command (daemon, serve, …) is one entry here and a file in commands/.
 * Each command's module is imported only when it runs, so `upstream help` loads no engine.
 */
const COMMANDS: Record<string, Command> = {
  check: { summary: 'read one status page once and print its status', usage: CHECK_USAGE, run: async (a, io) => (await import('./commands/check.ts')).runCheck(a, io) },
  daemon: { summary: 'poll the watchlist, record history, notify (--once for one cycle)', usage: DAEMON_USAGE, run: async (a, io) => (await import('./commands/daemon.ts')).runDaemon(a, io) },
  serve: { summary: 'poll the watchlist and show the Upstream window in your browser (--demo to try it)', usage: SERVE_USAGE, run: async (a, io) => (await import('./commands/serve.ts')).runServe(a, io) },
  watch: { summary: 'add, remove, list, export or import watched vendors', usage: WATCH_USAGE, run: async (a, io) => (await import('./commands/watch.ts')).runWatch(a, io) },
  history: { summary: 'search past incidents or show statistics', usage: HISTORY_USAGE, run: async (a, io) => (await import('./commands/history.ts')).runHistory(a, io) },
  export: { summary: 'export the maintenance calendar (ics)', usage: EXPORT_USAGE, run: async (a, io) => (await import('./commands/export.ts')).runExport(a, io) },
};

function usage(): string {
  const width = Math.max(...Object.keys(COMMANDS).map((c) => c.length));
  const list = Object.entries(COMMANDS).map(([name, c]) => `  ${name.padEnd(width)}  ${c.summary}`).join('\n');
  return `Usage: upstream <command> [options]

Know when the SaaS vendors you depend on have an incident.

Commands:
${list}
  ${'help'.padEnd(width)}  show help for a command (upstream help check)

Every command accepts --home DIR (or UPSTREAM_HOME) for the config and history folder.
`;
}

/**
 * CLI entry: argv without node and script → exit code. Usage problems exit 2 with the usage on
 * stderr, so scripts never mistake a typo for "vendor degraded" (exit 1).
 */
export async function main(argv: string[], io: CliIO = PROCESS_IO): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined) {
    io.stderr(usage());
    return 2;
  }
  if (name === '--help' || name === '-h') {
    io.stdout(usage());
    return 0;
  }
  if (name === 'help') {
    const topic = rest[0];
    if (topic === undefined) {
      io.stdout(usage());
      return 0;
    }
    const command = COMMANDS[topic];
    if (!command) {
      io.stderr(`upstream: unknown command "${topic}"\n\n${usage()}`);
      return 2;
    }
    io.stdout(command.usage);
    return 0;
  }
  const command = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
  if (!command) {
    io.stderr(`upstream: unknown command "${name}"\n\n${usage()}`);
    return 2;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.stdout(command.usage);
    return 0;
  }
  return command.run(rest, io);
}
