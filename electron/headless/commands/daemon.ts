import type { VendorEvent } from '../../../shared/model/index.ts';
import { Engine, type EngineSignal } from '../../core/engine/engine.ts';
import { closeHttpAgents } from '../../core/polling/http.ts';
import { watchForWake } from '../../core/polling/wake-detector.ts';
import { openHome } from '../api-client.ts';
import { homeFrom, parseCommandArgs } from '../args.ts';
import type { CliIO } from '../cli.ts';
import { nodeNotifier } from '../notifier.ts';

export const DAEMON_USAGE = `Usage: upstream daemon [--once] [--json] [--no-notify] [--home DIR]

Polls every vendor on the watchlist (each at its own interval, default 5 minutes), records every
incident, update, resolution, postmortem, component change and maintenance in the history
database, prints each new event as a line, and raises a native notification once per event.

  --once        poll every vendor once, apply the changes, notify, and exit (cron, scripts)
  --json        print events as JSON lines: {"type":"event","event":{…}}
  --no-notify   record and print, but show no native notifications
`;

/** `upstream daemon`: the engine without Electron. */
export async function runDaemon(argv: readonly string[], io: CliIO): Promise<number> {
  const args = parseCommandArgs(argv, { once: { type: 'boolean', default: false }, 'no-notify': { type: 'boolean', default: false } });
  if (!args.ok) {
    io.stderr(`upstream daemon: ${args.message}\n\n${DAEMON_USAGE}`);
    return 2;
  }
  const home = homeFrom(args.values.home);
  const opened = await openHome(home, io);
  if (!opened) return 2;
  const { settings, history } = opened;
  const notify = nodeNotifier();
  const engine = new Engine({
    settings,
    history: history.store,
    notify: args.values['no-notify'] ? async () => true : (n) => notify({ title: n.title, body: n.body, urgency: n.urgency }),
  });
  const json = args.values.json === true;
  engine.subscribe((signal) => logSignal(signal, io, json, settings.settings.watchlist.length));

  if (args.values.once) {
    try {
      await engine.runOnce();
      return 0;
    } finally {
      await engine.stop();
      history.store.close();
      await closeHttpAgents();
    }
  }

  // The engine's timers are unref'd (a library must not hold a process open); the daemon must.
  const keepAlive = setInterval(() => undefined, 1 << 30);
  const stopped = new Promise<void>((resolve) => {
    process.once('SIGINT', () => resolve());
    process.once('SIGTERM', () => resolve());
  });
  engine.start();
  const stopWake = watchForWake((ms) => {
    io.stderr(`upstream: woke after ${Math.round(ms / 60_000)} min asleep; catching up\n`);
    engine.resume();
  });
  io.stderr(`upstream: watching ${settings.settings.watchlist.length} vendor(s); history in ${home}. Ctrl-C to stop.\n`);
  await stopped;
  clearInterval(keepAlive);
  stopWake();
  await engine.stop();
  history.store.close();
  await closeHttpAgents();
  return 0;
}

/** One line per event; failures and progress on stderr so stdout stays a clean event log. */
function logSignal(signal: EngineSignal, io: CliIO, json: boolean, total: number): void {
  if (signal.type === 'poll') {
    for (const event of signal.newEvents) io.stdout(json ? `${JSON.stringify({ type: 'event', event })}\n` : `${eventLine(event)}\n`);
    const r = signal.result;
    if (r.error && !json) io.stderr(`upstream: ${r.vendor.name}: ${r.outcome === 'offline' ? 'offline' : r.health}: ${r.error}\n`);
    if (json) io.stdout(`${JSON.stringify({ type: 'poll', vendorId: r.vendor.id, at: r.at, outcome: r.outcome, health: r.health, retries: r.retries, error: r.error })}\n`);
  } else if (signal.type === 'connectivity') {
    io.stderr(`upstream: ${signal.connectivity === 'offline' ? 'offline: vendors keep their last known status' : 'back online'}\n`);
  } else if (signal.type === 'progress' && !json && total >= 5 && (signal.done % 10 === 0 || signal.done === signal.total)) {
    io.stderr(`upstream: checking ${signal.done} of ${signal.total} vendors…\n`);
  }
}

function eventLine(e: VendorEvent): string {
  return `${e.at}  ${e.kind.padEnd(24)}  ${e.title}${e.body ? ` — ${e.body.replace(/\s+/g, ' ').slice(0, 160)}` : ''}`;
}
