import { DAEMON_USAGE } from './usage.ts';
import type { EngineMessage } from '../../../shared/contract/events.ts';
import type { VendorEvent } from '../../../shared/model/index.ts';
import { watchForWake } from '../../core/polling/wake-detector.ts';
import type { Upstream } from '../../core/upstream/open.ts';
import { withUpstream } from '../api-client.ts';
import { homeFrom, parseCommandArgs } from '../args.ts';
import type { CliIO } from '../cli.ts';
import { nodeNotifier } from '../notifier.ts';


/** `upstream daemon`: the root's loop in a terminal, its messages as lines. */
export async function runDaemon(argv: readonly string[], io: CliIO): Promise<number> {
  const args = parseCommandArgs(argv, { once: { type: 'boolean', default: false }, 'no-notify': { type: 'boolean', default: false } });
  if (!args.ok) {
    io.stderr(`upstream daemon: ${args.message}\n\n${DAEMON_USAGE}`);
    return 2;
  }
  const home = homeFrom(args.values.home);
  const notify = nodeNotifier();
  return withUpstream({
    home,
    notify: args.values['no-notify'] ? async () => true : (n) => notify({ title: n.title, body: n.body, urgency: n.urgency }),
  }, io, async (upstream) => {
    const json = args.values.json === true;
    upstream.subscribe(messageLogger(io, json));
    if (args.values.once) {
      await upstream.runOnce();
      return 0;
    }
    await runUntilSignalled(upstream, home, io);
    return 0;
  });
}

/** Poll until SIGINT or SIGTERM, catching up after the machine sleeps. */
export async function runUntilSignalled(upstream: Upstream, home: string, io: CliIO, what = 'watching'): Promise<void> {
  // The engine's timers are unref'd (a library must not hold a process open); the daemon must.
  const keepAlive = setInterval(() => undefined, 1 << 30);
  const stopped = new Promise<void>((resolve) => {
    process.once('SIGINT', () => resolve());
    process.once('SIGTERM', () => resolve());
  });
  upstream.start();
  const stopWake = watchForWake((ms) => {
    io.stderr(`upstream: woke after ${Math.round(ms / 60_000)} min asleep; catching up\n`);
    upstream.resume();
  });
  const state = await upstream.call('engine.state', {});
  io.stderr(`upstream: ${what} ${state.ok ? state.value.vendorCount : '?'} vendor(s); history in ${home}. Ctrl-C to stop.\n`);
  await stopped;
  clearInterval(keepAlive);
  stopWake();
}

/** One line per event; failures, progress and notices on stderr so stdout stays a clean event log. */
function messageLogger(io: CliIO, json: boolean): (message: EngineMessage) => void {
  let wasOffline = false;
  return (message) => {
    switch (message.type) {
      case 'event':
        io.stdout(json ? `${JSON.stringify({ type: 'event', event: message.event })}\n` : `${eventLine(message.event)}\n`);
        break;
      case 'poll': {
        const p = message.poll;
        if (json) io.stdout(`${JSON.stringify({ type: 'poll', vendorId: p.vendorId, at: p.at, outcome: p.outcome, health: p.health, retries: p.retries, error: p.error })}\n`);
        else if (p.error) io.stderr(`upstream: ${p.vendorName}: ${p.outcome === 'offline' ? 'offline' : p.health}: ${p.error}\n`);
        break;
      }
      case 'state':
        if (message.state.connectivity === 'offline') io.stderr('upstream: offline: vendors keep their last known status\n');
        else if (message.state.connectivity === 'online' && wasOffline) io.stderr('upstream: back online\n');
        wasOffline = message.state.connectivity === 'offline';
        break;
      case 'progress':
        if (!json && message.total >= 5 && (message.done % 10 === 0 || message.done === message.total)) io.stderr(`upstream: checking ${message.done} of ${message.total} vendors…\n`);
        break;
      case 'notice':
        io.stderr(`upstream: ${message.notice.message}\n`);
        break;
      case 'settings':
      case 'vendor':
      case 'vendor_removed':
        break;
      default:
        message satisfies never;
    }
  };
}

function eventLine(e: VendorEvent): string {
  return `${e.at}  ${e.kind.padEnd(24)}  ${e.title}${e.body ? ` — ${e.body.replace(/\s+/g, ' ').slice(0, 160)}` : ''}`;
}
