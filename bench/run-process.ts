import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ENGINE_V8_FLAGS, LEAN_START } from './lean-start.ts';
import type { ProcessFigures } from './process-report.ts';

/**
 * Run a whole process with bench/process-report.ts preloaded, started as the `upstream` command
 * starts (lean-start.ts); its own CPU since it started and its peak RSS come back through a file,
 * so startup and imports count as they do for a cron job or a person typing the command.
 */
export function runProcess(args: string[], reportFile: string): Promise<{ figures: ProcessFigures; stdout: string }> {
  const preload = fileURLToPath(new URL('./process-report.ts', import.meta.url));
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...ENGINE_V8_FLAGS, '--import', preload, ...args], {
      stdio: ['ignore', 'pipe', 'pipe'], env: { ...LEAN_START.env, UPSTREAM_BENCH_REPORT: reportFile },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.on('error', reject);
    child.on('exit', (code) => {
      if (code !== 0) return reject(new Error(`${args.join(' ')} exited with ${code}: ${stderr.slice(-2000)}`));
      resolve({ figures: JSON.parse(readFileSync(reportFile, 'utf8')) as ProcessFigures, stdout });
    });
  });
}
