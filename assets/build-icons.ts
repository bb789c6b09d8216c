// Writes every tray and app icon from the SVG source in assets/glyphs.ts:
//   node assets/build-icons.ts
// The output is committed. Re-run after changing glyphs.ts; the tests fail while the committed
// files differ from what this script renders (the output is byte-for-byte deterministic).
import { IconIcns, IconIco } from '@shockpkg/icon-encoder';
import { mkdir, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';
import { appIconSvg, traySvg } from './glyphs.ts';
import type { TraySvgOptions } from './glyphs.ts';
import { BADGE_LABELS, BADGE_STATES, ICO_SIZES, TRAY_SIZES, TRAY_STATES, colourBaseName } from './icons.ts';
import type { TrayState } from './icons.ts';

const ASSETS_DIR = dirname(fileURLToPath(import.meta.url));
/** What this script owns: these folders are emptied, these files replaced (app/ also holds hand-written files). */
const OUTPUT_DIRS = ['tray', 'app/icons'];
const OUTPUT_FILES = ['app/icon.png', 'app/icon.ico', 'app/icon.icns'];

/** Pixel sizes for the Windows app icon and the Linux icon set. */
const APP_ICO_SIZES = [16, 24, 32, 48, 64, 128, 256];
const LINUX_ICON_SIZES = [16, 24, 32, 48, 64, 128, 256, 512];
/** macOS draws app icons on a 1024 grid with an 824 body; Windows and Linux icons fill more. */
const MAC_INSET = 100 / 1024;
const PLAIN_INSET = 1 / 16;
/** ICNS chunk types per pixel size, in the order iconutil writes them. */
const ICNS_TYPES: readonly [number, string][] = [
  [64, 'ic12'],
  [128, 'ic07'],
  [256, 'ic13'],
  [256, 'ic08'],
  [16, 'ic04'],
  [512, 'ic14'],
  [512, 'ic09'],
  [32, 'ic05'],
  [1024, 'ic10'],
  [32, 'ic11'],
];

export async function renderPng(svg: string): Promise<Buffer> {
  // No metadata beyond what libpng writes, fixed compression: same SVG, same bytes.
  return sharp(Buffer.from(svg)).png({ compressionLevel: 9, adaptiveFiltering: false }).toBuffer();
}

/**
 * An .ico of the given PNGs. Tray icons hold PNG entries at every size (Windows reads them since
 * Vista, and Electron needs Windows 10): BMP entries made them seven times larger. The app icon
 * keeps the classic layout (BMP below 64 px, PNG from 64), which every tool that stamps an icon
 * into an .exe or an installer reads.
 */
async function ico(pngs: readonly Uint8Array[], layout: 'png' | 'classic'): Promise<Uint8Array> {
  const icon = new IconIco();
  // raw: keep the PNG bytes as rendered instead of re-encoding them.
  for (const png of pngs) await icon.addFromPng(png, layout === 'png' ? true : null, layout === 'png');
  return icon.encode();
}

/** Coloured tray icons of one state (optionally badged): every size, @2x and the .ico. */
async function colourSet(files: Map<string, Uint8Array>, state: TrayState, options: TraySvgOptions, count?: number): Promise<void> {
  const base = colourBaseName(state, count);
  const byPixels = new Map<number, Buffer>();
  const at = async (px: number): Promise<Buffer> => {
    let png = byPixels.get(px);
    if (!png) {
      png = await renderPng(traySvg(state, px, options));
      byPixels.set(px, png);
    }
    return png;
  };
  for (const size of TRAY_SIZES) {
    const name = size === 16 ? base : `${base}-${size}`;
    files.set(`tray/${name}.png`, await at(size));
    files.set(`tray/${name}@2x.png`, await at(size * 2));
  }
  files.set(`tray/${base}.ico`, await ico(await Promise.all(ICO_SIZES.map(at)), 'png'));
}

/** Every generated file, keyed by its path under assets/. */
export async function renderAll(): Promise<Map<string, Uint8Array>> {
  const files = new Map<string, Uint8Array>();
  for (const state of TRAY_STATES) {
    await colourSet(files, state, {});
    files.set(`tray/mac/${state}Template.png`, await renderPng(traySvg(state, 16, { template: true })));
    files.set(`tray/mac/${state}Template@2x.png`, await renderPng(traySvg(state, 32, { template: true })));
  }
  for (const state of BADGE_STATES) {
    for (const [i, label] of BADGE_LABELS.entries()) await colourSet(files, state, { badge: label }, i + 1);
  }

  const mac = new Map<number, Buffer>();
  for (const px of new Set(ICNS_TYPES.map(([size]) => size))) mac.set(px, await renderPng(appIconSvg(px, MAC_INSET)));
  const icns = new IconIcns();
  icns.toc = true;
  for (const [px, type] of ICNS_TYPES) await icns.addFromPng(mac.get(px)!, [type]);
  files.set('app/icon.png', mac.get(1024)!);
  files.set('app/icon.icns', icns.encode());

  const plain = new Map<number, Buffer>();
  for (const px of new Set([...APP_ICO_SIZES, ...LINUX_ICON_SIZES])) plain.set(px, await renderPng(appIconSvg(px, PLAIN_INSET)));
  files.set('app/icon.ico', await ico(APP_ICO_SIZES.map((px) => plain.get(px)!), 'classic'));
  for (const px of LINUX_ICON_SIZES) files.set(`app/icons/${px}x${px}.png`, plain.get(px)!);
  return files;
}

export async function writeAll(root: string, files: ReadonlyMap<string, Uint8Array>): Promise<void> {
  for (const path of [...OUTPUT_DIRS, ...OUTPUT_FILES]) await rm(join(root, path), { recursive: true, force: true });
  for (const [path, data] of files) {
    await mkdir(dirname(join(root, path)), { recursive: true });
    await writeFile(join(root, path), data);
  }
}

/** Every generated file now under `root` (relative, with forward slashes): stale ones included. */
export async function listGenerated(root: string): Promise<string[]> {
  const out: string[] = [];
  for (const path of OUTPUT_FILES) {
    if (await stat(join(root, path)).then((s) => s.isFile(), () => false)) out.push(path);
  }
  for (const dir of OUTPUT_DIRS) {
    const entries = await readdir(join(root, dir), { recursive: true, withFileTypes: true }).catch(() => []);
    for (const entry of entries) {
      if (entry.isFile()) out.push(relative(root, join(entry.parentPath, entry.name)).split(sep).join('/'));
    }
  }
  return out.sort();
}

if (import.meta.main) {
  const files = await renderAll();
  await writeAll(ASSETS_DIR, files);
  let bytes = 0;
  for (const path of await listGenerated(ASSETS_DIR)) bytes += (await stat(join(ASSETS_DIR, path))).size;
  console.log(`wrote ${files.size} icon files (${(bytes / 1024).toFixed(0)} KiB) under ${ASSETS_DIR}`);
}
