import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { main } from './cli.ts';

/**
 * `npm start`: the Electron app when its runtime is installed, otherwise headless mode with a
 * clear message. Electron's binary comes from a download that some machines (CI, locked-down
 * networks) cannot make; `npm ci` tolerates that (electron is optional), and so does start.
 */
export function electronBinary(): string | null {
  try {
    // In plain Node, the `electron` package exports the path of its binary, or throws when the
    // download never happened.
    const path = createRequire(import.meta.url)('electron') as unknown;
    return typeof path === 'string' && existsSync(path) ? path : null;
  } catch {
    return null;
  }
}

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
