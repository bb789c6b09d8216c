import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { electronBinary } from '../../../electron/headless/start-support.ts';
import { REPO_ROOT } from '../../support/paths.ts';

/** A folder laid out as the electron npm package is; its installer is ours (hand-written). */
function electronPackage(installer: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'upstream-electron-pkg-'));
  writeFileSync(join(dir, 'install.js'), installer);
  return dir;
}

describe('finding the Electron runtime for npm start', () => {
  it('uses the binary the package installed', () => {
    const dir = electronPackage('process.exit(1);');
    mkdirSync(join(dir, 'dist'));
    writeFileSync(join(dir, 'dist', 'electron'), '');
    writeFileSync(join(dir, 'path.txt'), 'electron');
    expect(electronBinary({}, dir)).toBe(join(dir, 'dist', 'electron'));
  });

  it('fetches a missing binary with the package\'s installer, quietly, and uses it', () => {
    const dir = electronPackage(`const fs = require('node:fs'); const p = require('node:path');
      console.log('Downloading Electron binary...');
      fs.mkdirSync(p.join(__dirname, 'dist')); fs.writeFileSync(p.join(__dirname, 'dist', 'electron'), '');
      fs.writeFileSync(p.join(__dirname, 'path.txt'), 'electron');`);
    expect(electronBinary({}, dir)).toBe(join(dir, 'dist', 'electron'));
  });

  it('gives up when the fetch fails, and none of the installer\'s output reaches the terminal', () => {
    const dir = electronPackage("console.log('Downloading Electron binary...'); console.error('TypeError: fetch failed'); process.exit(1);");
    expect(electronBinary({}, dir)).toBeNull();
    // In a process of its own, as npm start runs it: nothing printed, so the fallback's one line is the only one.
    const module = join(REPO_ROOT, 'electron/headless/start-support.ts');
    const probe = spawnSync(process.execPath, ['--input-type=module', '-e', `const { electronBinary } = await import(${JSON.stringify(module)}); process.stdout.write(String(electronBinary({}, ${JSON.stringify(dir)})));`], { encoding: 'utf8' });
    expect(probe.stdout).toBe('null');
    expect(probe.stderr).toBe('');
  });

  it('takes UPSTREAM_ELECTRON_PATH as given, and no package as no runtime', () => {
    expect(electronBinary({ UPSTREAM_ELECTRON_PATH: '/nowhere/electron' }, null)).toBeNull();
    expect(electronBinary({}, null)).toBeNull();
  });
});
