import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { load } from 'js-yaml';
import { electronJsFlags, ENGINE_ENV, ENGINE_V8_FLAGS, engineShebang } from '../../../../electron/core/engine/lean-runtime.ts';
import { REPO_ROOT } from '../../../support/paths.ts';

/**
 * Every way Upstream's engine is started carries the same runtime settings (lean-runtime.ts says
 * why): a launch path that drifted would run with a 128 MB young generation and nothing else would notice.
 */
describe('the engine is started lean on every path', () => {
  it('the upstream command runs with the settings, through its own shebang', () => {
    const bin = join(REPO_ROOT, 'electron/headless/bin.ts');
    expect(readFileSync(bin, 'utf8').split('\n')[0]).toBe(engineShebang());
    // Executed as a person runs it (no `node` in front): env -S must split the line here.
    const probe = spawnSync(bin, ['help'], { encoding: 'utf8', env: { ...process.env, PATH: `${dirname(process.execPath)}:${process.env.PATH ?? ''}` } });
    expect(probe.status, probe.stderr).toBe(0);
    expect(probe.stdout).toContain('Usage: upstream');
  });

  it('the settings reach the process: its young generation stays small', () => {
    const script = "const v8=require('node:v8');let k=[];for(let i=0;i<2e6;i++){k.push({i,s:'x'+i});if(k.length>1e5)k=[]}"
      + "console.log(JSON.stringify({semi:v8.getHeapSpaceStatistics().find(s=>s.space_name==='new_space').space_size,arena:process.env.MALLOC_ARENA_MAX}))";
    const run = (flags: readonly string[]): { semi: number; arena?: string } =>
      JSON.parse(spawnSync(process.execPath, [...flags, '-e', script], { encoding: 'utf8', env: { ...process.env, ...ENGINE_ENV } }).stdout) as { semi: number; arena?: string };
    const lean = run(ENGINE_V8_FLAGS);
    expect(lean.arena).toBe('2');
    expect(lean.semi).toBeLessThanOrEqual(16 * 2 ** 20);
    expect(run([]).semi).toBeGreaterThan(lean.semi);
  });

  it('npm start, Electron from npm start, the Linux desktop entries and the login items say the same', () => {
    const pkg = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
    expect(pkg.scripts.start).toContain(`node ${ENGINE_V8_FLAGS.join(' ')} electron/headless/start.ts`);
    expect(readFileSync(join(REPO_ROOT, 'electron/headless/start.ts'), 'utf8')).toContain('spawn(binary, [electronJsFlags(), \'.\']');
    const builder = load(readFileSync(join(REPO_ROOT, 'electron-builder.yml'), 'utf8')) as { linux: { executableArgs: string[] } };
    expect(builder.linux.executableArgs).toEqual([electronJsFlags()]);
    expect(readFileSync(join(REPO_ROOT, 'electron/main/electron-facade.ts'), 'utf8')).toContain("args: [electronJsFlags(), '--hidden']");
  });
});
