import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { main } from './cli.ts';
import { electronBinary } from './start-support.ts';

/** `npm start`: the Electron app when its runtime is installed, otherwise headless mode with a clear message. */
const binary = electronBinary();
const appEntry = new URL('../main/index.ts', import.meta.url);
if (binary && existsSync(appEntry)) {
  const child = spawn(binary, ['.'], { stdio: 'inherit', cwd: new URL('../..', import.meta.url) });
  child.on('exit', (code) => process.exit(code ?? 0));
} else {
  process.stderr.write(
    binary
      ? 'upstream: the Electron shell is not built yet; running headless instead.\n'
      : 'upstream: the Electron runtime is not installed (its binary could not be downloaded on this machine).\n' +
        'upstream: running headless instead: polling your watchlist in this terminal (Ctrl-C to stop).\n',
  );
  process.exitCode = await main(['daemon', ...process.argv.slice(2)]);
}
