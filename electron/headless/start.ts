import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { electronJsFlags } from '../core/engine/lean-runtime.ts';
import { main } from './cli.ts';
import { electronBinary } from './start-support.ts';

/**
 * `npm start` (after `npm run build`): the desktop app when the Electron runtime is installed,
 * otherwise the same window in the browser through `upstream serve`, said in one line.
 */
const binary = electronBinary();
// `npm run build` bundles the shell (dist-electron/main.cjs, package.json's "main").
const appEntry = new URL('../../dist-electron/main.cjs', import.meta.url);
if (binary && existsSync(appEntry)) {
  // V8's settings for the main process (where the engine runs) go on Electron's command line.
  const child = spawn(binary, [electronJsFlags(), '.'], { stdio: 'inherit', cwd: new URL('../..', import.meta.url) });
  child.on('exit', (code) => process.exit(code ?? 0));
} else {
  process.stderr.write(binary
    ? 'upstream: the desktop shell is not built; opening Upstream in your browser instead (upstream serve).\n'
    : 'upstream: the Electron runtime is not installed (its binary could not be downloaded here); opening Upstream in your browser instead (upstream serve).\n');
  process.exitCode = await main(['serve', ...process.argv.slice(2)]);
}
