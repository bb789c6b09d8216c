import { SERVE_USAGE } from './usage.ts';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import open from 'open';
import type { Upstream } from '../../core/upstream/open.ts';
import { withUpstream } from '../api-client.ts';
import { homeFrom, parseCommandArgs } from '../args.ts';
import type { CliIO } from '../cli.ts';
import { startDemo } from '../demo/server.ts';
import { nodeNotifier } from '../notifier.ts';
import { startUiServer } from '../serve/server.ts';
import { runUntilSignalled } from './daemon.ts';


/**
 * The built renderer: `npm run build` (and `npm start`) make it. UPSTREAM_UI_DIR points elsewhere,
 * for working on the UI with a build of one's own.
 */
export const RENDERER_DIST = process.env.UPSTREAM_UI_DIR?.trim() || fileURLToPath(new URL('../../../renderer/dist/', import.meta.url));

/** `upstream serve`: the root, a loopback web server for the renderer, and a browser pointed at it. */
export async function runServe(argv: readonly string[], io: CliIO): Promise<number> {
  const args = parseCommandArgs(argv, {
    port: { type: 'string' }, 'no-open': { type: 'boolean', default: false }, demo: { type: 'boolean', default: false },
  });
  if (!args.ok) return usageError(io, args.message);
  if (args.positionals.length) return usageError(io, `unexpected argument ${args.positionals[0]}`);
  const port = args.values.port === undefined ? 0 : Number(args.values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) return usageError(io, '--port needs a port number (0-65535)');
  if (!existsSync(join(RENDERER_DIST, 'index.html'))) {
    io.stderr('upstream serve: the UI is not built yet; run `npm run build` (npm start does it for you).\n');
    return 2;
  }
  const demo = args.values.demo === true;
  const home = demo && !args.values.home ? mkdtempSync(join(tmpdir(), 'upstream-demo-')) : homeFrom(args.values.home);
  if (demo) {
    const problem = prepareDemoHome(home);
    if (problem) {
      io.stderr(`upstream serve: ${problem}\n`);
      return 2;
    }
  }
  const notify = nodeNotifier();
  return withUpstream({ home, notify: (n) => notify({ title: n.title, body: n.body, urgency: n.urgency }) }, io, async (upstream) => {
    // UPSTREAM_DEMO_SPEED runs the demo's story faster (tests, screenshots); 1 is real time.
    const demoServer = demo ? await startDemo({ speed: Number(process.env.UPSTREAM_DEMO_SPEED) || 1 }) : null;
    try {
      if (demoServer) {
        const watched = await watchOnly(upstream, demoServer.vendors);
        if (watched) return watched;
      }
      const ui = await startUiServer({ upstream, staticDir: RENDERER_DIST, port });
      try {
        io.stdout(`Upstream is running at ${ui.url}\n`);
        if (!args.values['no-open']) {
          await open(ui.url).catch((e: Error) => io.stderr(`upstream: could not open a browser (${e.message}); open the address above.\n`));
        }
        await runUntilSignalled(upstream, home, io, demo ? 'demo: watching' : 'watching');
      } finally {
        await ui.close();
      }
      return 0;
    } finally {
      await demoServer?.close();
    }
  });
}

/**
 * Make the demo's vendors the watchlist, through the contract like any face: the demo server's
 * port changes every run, so a demo vendor kept from an earlier run is re-added with today's URL
 * (same id, so its history carries on).
 */
async function watchOnly(upstream: Upstream, vendors: readonly { id: string; name: string; url: string; platform: string; adapter: string; base: string }[]): Promise<number | null> {
  const current = await upstream.call('vendors.list', {});
  if (!current.ok) return 2;
  for (const view of current.value) {
    const demo = vendors.find((v) => v.id === view.source.id);
    if (!demo || demo.base !== view.source.base) await upstream.call('vendors.remove', { vendorId: view.source.id });
  }
  const text = JSON.stringify({ format: 'upstream-watchlist', version: 1, vendors: vendors.map((v) => ({ ...v, intervalSeconds: 30 })) });
  const imported = await upstream.call('watchlist.import', { text });
  return imported.ok ? null : 2;
}

/** Marks a folder as holding demo data, which a later `--demo` may wipe. */
const DEMO_MARKER = 'upstream-demo-home';

/**
 * The demo's story is dated from the moment it starts, so each run is a world of its own: a folder
 * that held an earlier demo is emptied first; a folder with a real history is refused, so fictional
 * vendors never mix into a person's own record. Returns the refusal, or null.
 */
function prepareDemoHome(home: string): string | null {
  mkdirSync(home, { recursive: true });
  const entries = readdirSync(home);
  if (entries.length > 0 && !entries.includes(DEMO_MARKER)) {
    return `--demo needs an empty folder (or one an earlier demo used); ${home} already holds other data. Leave out --home to use a temporary folder.`;
  }
  for (const entry of entries) rmSync(join(home, entry), { recursive: true, force: true });
  writeFileSync(join(home, DEMO_MARKER), 'This folder holds the data of `upstream serve --demo`; the next demo run empties it.\n');
  return null;
}

function usageError(io: CliIO, message: string): number {
  io.stderr(`upstream serve: ${message}\n\n${SERVE_USAGE}`);
  return 2;
}
