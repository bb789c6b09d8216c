import { Ajv } from 'ajv';
import type { ValidateFunction } from 'ajv';
import { load } from 'js-yaml';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import type { Stats } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
// electron-builder's configuration schema and file matcher live in app-builder-lib, one of its own
// dependencies: resolve them through electron-builder so a nested install is found too.
const builderRequire = createRequire(createRequire(import.meta.url).resolve('electron-builder'));
const schema = builderRequire('app-builder-lib/scheme.json') as Record<string, unknown>;

type Config = Record<string, unknown>;
const config = load(readFileSync(join(ROOT, 'electron-builder.yml'), 'utf8')) as Config;

function section(path: string): Config {
  let node: unknown = config;
  for (const key of path.split('.')) node = (node as Config | undefined)?.[key];
  expect(node, path).toBeTypeOf('object');
  return node as Config;
}

function compileSchema(): ValidateFunction {
  expect(schema.$schema).toBe('http://json-schema.org/draft-07/schema#');
  // Ajv's default class speaks draft-07, the schema's draft. `strict: false` as electron-builder
  // itself does (the schema carries its own `typeof` keyword); unlike it, no type coercion.
  return new Ajv({ allErrors: true, strict: false }).compile(schema);
}

describe('electron-builder.yml', () => {
  const validate = compileSchema();

  it("is valid against electron-builder's own configuration schema", () => {
    const valid = validate(config);
    expect(validate.errors ?? [], JSON.stringify(validate.errors, null, 2)).toEqual([]);
    expect(valid).toBe(true);
  });

  it('would be refused by that schema with a misspelt option or a wrong type (the check bites)', () => {
    expect(validate({ ...config, electronFuse: { runAsNode: false } })).toBe(false);
    expect(validate({ ...config, electronFuses: { runAsNode: 'no' } })).toBe(false);
    expect(validate({ ...config, mac: { ...section('mac'), hardenedRuntim: true } })).toBe(false);
  });

  it("names the app Upstream, in the builder's config and in the packaged package.json", () => {
    expect(config.appId).toBe('app.upstream.desktop');
    expect(config.productName).toBe('Upstream');
    expect(section('extraMetadata')).toMatchObject({ main: 'dist-electron/main.cjs', productName: 'Upstream', desktopName: 'upstream.desktop' });
    expect(section('directories')).toEqual({ output: 'release', buildResources: 'assets/app' });
  });

  it('packs into an asar and sets every fuse of the security checklist', () => {
    expect(config.asar).toBe(true);
    expect(section('electronFuses')).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('builds a menu-bar app for macOS: dmg and zip, hardened runtime, no Dock icon, JIT as the only entitlement', () => {
    const mac = section('mac');
    expect((mac.target as { target: string }[]).map((t) => t.target)).toEqual(['dmg', 'zip']);
    expect(mac.category).toBe('public.app-category.developer-tools');
    expect(mac.hardenedRuntime).toBe(true);
    expect(section('mac.extendInfo').LSUIElement).toBe(true);
    const plist = readFileSync(join(ROOT, mac.entitlements as string), 'utf8');
    expect([...plist.matchAll(/<key>([^<]+)<\/key>/g)].map((m) => m[1])).toEqual(['com.apple.security.cs.allow-jit']);
  });

  it('installs per user on Windows with NSIS', () => {
    expect((section('win').target as { target: string }[]).map((t) => t.target)).toEqual(['nsis']);
    expect(section('nsis')).toMatchObject({ oneClick: true, perMachine: false });
  });

  it("builds an AppImage and a deb that depends on the tray's and the notifications' libraries", () => {
    const linux = section('linux');
    expect(linux.target).toEqual(['AppImage', 'deb']);
    expect(String(linux.category).split(';')).toContain('Network');
    expect(section('linux.desktop.entry')).toMatchObject({ Name: 'Upstream', Comment: expect.any(String) });
    const depends = section('deb').depends as string[];
    expect(depends).toContain('libnotify4');
    expect(depends.some((d) => d.split('|').map((s) => s.trim()).includes('libayatana-appindicator3-1') && d.includes('libappindicator3-1'))).toBe(true);
    // Setting `depends` replaces electron-builder's own list: Electron's libraries must still be there.
    for (const lib of ['libgtk-3-0', 'libnss3', 'libxss1', 'libxtst6', 'xdg-utils', 'libatspi2.0-0', 'libuuid1', 'libsecret-1-0']) expect(depends).toContain(lib);
  });

  it('names only icon and entitlement files that exist', () => {
    const named: string[] = [];
    const walk = (node: unknown): void => {
      if (Array.isArray(node)) node.forEach(walk);
      else if (node && typeof node === 'object') {
        for (const [key, value] of Object.entries(node)) {
          if (/^(icon|installerIcon|uninstallerIcon|installerHeaderIcon|entitlements|entitlementsInherit)$/.test(key) && typeof value === 'string') named.push(value);
          else walk(value);
        }
      }
    };
    walk(config);
    expect(named.length).toBeGreaterThanOrEqual(6);
    for (const path of named) {
      const stat = statSync(join(ROOT, path), { throwIfNoEntry: false });
      expect(stat, path).toBeDefined();
      if (stat!.isDirectory()) {
        // A Linux icon set: NxN.png files.
        expect(readdirSync(join(ROOT, path)).filter((f) => /^\d+x\d+\.png$/.test(f)).length, path).toBeGreaterThanOrEqual(6);
      }
    }
  });
});

describe("electron-builder's icon resolution", () => {
  type ConvertIcon = (options: { sources: string[]; fallbackSources: string[]; roots: string[]; format: 'icns' | 'ico' | 'set'; outDir: string }) => Promise<{ icons: { file: string; size: number }[]; isFallback: boolean }>;
  const { convertIcon } = builderRequire('app-builder-lib/out/util/iconConverter.js') as { convertIcon: ConvertIcon };
  const roots = [join(ROOT, 'assets/app'), ROOT];
  // A file that already has the target format is used as it is; anything else goes through an
  // icon tool that electron-builder downloads at build time. So: ours, never converted.
  const outDir = join(tmpdir(), 'upstream-icon-conversion-must-not-happen');

  it('takes the macOS, Windows and Linux icons as they are, with no conversion to download a tool for', async () => {
    const mac = await convertIcon({ sources: [section('mac').icon as string], fallbackSources: [], roots, format: 'icns', outDir });
    expect(mac).toEqual({ icons: [{ file: join(ROOT, 'assets/app/icon.icns'), size: 0 }], isFallback: false });
    const win = await convertIcon({ sources: [section('win').icon as string], fallbackSources: [], roots, format: 'ico', outDir });
    expect(win).toEqual({ icons: [{ file: join(ROOT, 'assets/app/icon.ico'), size: 256 }], isFallback: false });
    const linux = await convertIcon({ sources: [section('linux').icon as string], fallbackSources: [], roots, format: 'set', outDir });
    expect(linux.isFallback).toBe(false);
    expect(linux.icons.map((i) => [relative(ROOT, i.file).split(sep).join('/'), i.size])).toEqual(
      [16, 24, 32, 48, 64, 128, 256, 512].map((n) => [`assets/app/icons/${n}x${n}.png`, n]),
    );
  });
});

describe('the files allow-list', () => {
  const files = config.files as string[];

  it('lists only built output, the tray icons, the app icon and package.json, and drops source maps', () => {
    const allowed = /^(dist-electron\/\*\*\/\*|renderer\/dist\/\*\*\/\*|assets\/tray\/\*\*\/\*|assets\/app\/icon\.png|package\.json)$/;
    for (const pattern of files.filter((p) => !p.startsWith('!'))) expect(pattern).toMatch(allowed);
    expect(files).toContain('!**/*.map');
  });

  // electron-builder's own matcher over a made-up project: what would ship, decided by the code that decides it.
  const project = mkdtempSync(join(tmpdir(), 'upstream-files-'));
  afterAll(() => rmSync(project, { recursive: true, force: true }));
  const tree = [
    'package.json', 'package-lock.json', 'README.md', 'electron-builder.yml', 'tsconfig.json', 'eslint.config.js', 'vitest.config.ts',
    'dist-electron/main.cjs', 'dist-electron/main.cjs.map', 'dist-electron/preload.cjs', 'dist-electron/preload.cjs.map',
    'renderer/dist/index.html', 'renderer/dist/assets/index-abc.js', 'renderer/dist/assets/index-abc.js.map', 'renderer/dist/assets/index-abc.css',
    'renderer/main.tsx', 'renderer/views/overview/Overview.tsx', 'renderer/public/favicon.svg',
    'electron/main/index.ts', 'electron/preload/index.ts', 'electron/core/engine/engine.ts', 'shared/contract/api.ts',
    'test/unit/assets/icons.test.ts', 'test/fixtures/feed.xml', 'test/e2e/overview.spec.ts', 'docs/design.md', 'bench/run.ts',
    'assets/icons.ts', 'assets/glyphs.ts', 'assets/build-icons.ts', 'assets/tray/operational.png', 'assets/tray/operational.ico',
    'assets/tray/mac/operationalTemplate.png', 'assets/tray/badge/degraded-3.png',
    'assets/app/icon.png', 'assets/app/icon.icns', 'assets/app/icon.ico', 'assets/app/icons/16x16.png', 'assets/app/entitlements.mac.plist',
    'release/Upstream.AppImage', 'test-results/screens/overview-light.png', '.upstream-dev/config.json', 'node_modules/zod/package.json',
  ];
  for (const file of tree) {
    mkdirSync(dirname(join(project, file)), { recursive: true });
    writeFileSync(join(project, file), '{}');
  }

  interface Matcher {
    createFilter(): (file: string, stat: Stats) => boolean;
  }
  type GetMainFileMatchers = (appDir: string, destination: string, macroExpander: (s: string) => string, platformSpecificBuildOptions: Config, platformPackager: unknown, outDir: string, isElectronCompile: boolean) => Matcher[];
  const { getMainFileMatchers } = builderRequire('app-builder-lib/out/fileMatcher.js') as { getMainFileMatchers: GetMainFileMatchers };

  function shipped(): string[] {
    const packager = { info: { projectDir: project, buildResourcesDir: join(project, 'assets/app'), isPrepackedAppAsar: false, config, debugLogger: { isEnabled: false } } };
    const matchers = getMainFileMatchers(project, '/app', (s) => s, {}, packager, join(project, 'release'), false);
    expect(matchers).toHaveLength(1);
    const filter = matchers[0]!.createFilter();
    const out: string[] = [];
    const walk = (dir: string): void => {
      for (const name of readdirSync(dir)) {
        const full = join(dir, name);
        const stat = statSync(full);
        if (!filter(full, stat)) continue;
        if (stat.isDirectory()) walk(full);
        else out.push(relative(project, full).split(sep).join('/'));
      }
    };
    walk(project);
    return out.sort();
  }

  it('ships exactly the built app, its icons and package.json (node_modules are collected apart)', () => {
    expect(shipped()).toEqual([
      'assets/app/icon.png',
      'assets/tray/badge/degraded-3.png',
      'assets/tray/mac/operationalTemplate.png',
      'assets/tray/operational.ico',
      'assets/tray/operational.png',
      'dist-electron/main.cjs',
      'dist-electron/preload.cjs',
      'package.json',
      'renderer/dist/assets/index-abc.css',
      'renderer/dist/assets/index-abc.js',
      'renderer/dist/index.html',
    ]);
  });

  it('ships no test, fixture, TypeScript source, source map, doc or bench file', () => {
    for (const file of shipped()) {
      expect(file).not.toMatch(/(^|\/)(test|tests|fixtures|docs|bench)\//);
      expect(file).not.toMatch(/\.(ts|tsx|map|md)$/);
    }
  });
});
