import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { listGenerated, renderAll } from '../../../assets/build-icons.ts';
import { STATE_COLOURS } from '../../../assets/glyphs.ts';
import {
  BADGE_LABELS,
  BADGE_STATES,
  ICO_SIZES,
  TRAY_SIZES,
  TRAY_STATES,
  allTrayFiles,
  badgeLabel,
  trayIconFile,
} from '../../../assets/icons.ts';
import type { TrayIconOptions, TrayState } from '../../../assets/icons.ts';

const ASSETS = fileURLToPath(new URL('../../../assets/', import.meta.url));
const at = (file: string): string => join(ASSETS, file);

interface Pixels {
  width: number;
  height: number;
  /** RGBA, row by row. */
  data: Buffer;
}

async function pixels(file: string): Promise<Pixels> {
  const { data, info } = await sharp(at(file)).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
  return { width: info.width, height: info.height, data };
}

/** Width and height from a PNG's IHDR chunk. */
function pngSize(png: Uint8Array): { width: number; height: number } {
  const view = Buffer.from(png.buffer, png.byteOffset, png.byteLength);
  expect(view.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
  expect(view.subarray(12, 16).toString('latin1')).toBe('IHDR');
  return { width: view.readUInt32BE(16), height: view.readUInt32BE(20) };
}

/** The images inside an .ico: the directory's sizes, checked against each image's own header. */
function icoSizes(file: string): number[] {
  const ico = readFileSync(at(file));
  expect(ico.readUInt16LE(0)).toBe(0);
  expect(ico.readUInt16LE(2)).toBe(1);
  const sizes: number[] = [];
  for (let i = 0; i < ico.readUInt16LE(4); i++) {
    const entry = 6 + i * 16;
    const width = ico[entry] || 256;
    const height = ico[entry + 1] || 256;
    expect(height).toBe(width);
    const bytes = ico.readUInt32LE(entry + 8);
    const offset = ico.readUInt32LE(entry + 12);
    const image = ico.subarray(offset, offset + bytes);
    if (image.readUInt32BE(0) === 0x89504e47) {
      expect(pngSize(image)).toEqual({ width, height });
    } else {
      // BITMAPINFOHEADER: the height counts the colour rows and the mask rows.
      expect([image.readInt32LE(4), image.readInt32LE(8)]).toEqual([width, height * 2]);
    }
    sizes.push(width);
  }
  return sizes.sort((a, b) => a - b);
}

/** Expected pixel size of a tray PNG from its name (`-24`, `-32`, `@2x`). */
function expectedPixels(file: string): number {
  const points = file.startsWith('tray/mac/') ? 16 : Number(/-(24|32)(?:@2x)?\.png$/.exec(file)?.[1] ?? 16);
  return file.endsWith('@2x.png') ? points * 2 : points;
}

/** The most frequent colour among fully opaque pixels, as #rrggbb. */
function dominantColour({ data }: Pixels): string {
  const counts = new Map<string, number>();
  for (let p = 0; p < data.length; p += 4) {
    if (data[p + 3]! < 255) continue;
    const hex = `#${[data[p]!, data[p + 1]!, data[p + 2]!].map((c) => c.toString(16).padStart(2, '0')).join('')}`;
    counts.set(hex, (counts.get(hex) ?? 0) + 1);
  }
  return [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 'none';
}

/** Pixels whose alpha differs by at least half: a difference in shape, not in anti-aliasing. */
function alphaDifference(a: Pixels, b: Pixels): number {
  let n = 0;
  for (let p = 3; p < a.data.length; p += 4) if (Math.abs(a.data[p]! - b.data[p]!) >= 128) n++;
  return n;
}

/** Pixels whose colour or alpha differs clearly. */
function pixelDifference(a: Pixels, b: Pixels): number {
  let n = 0;
  for (let p = 0; p < a.data.length; p += 4) {
    let d = 0;
    for (let c = 0; c < 4; c++) d += Math.abs(a.data[p + c]! - b.data[p + c]!);
    if (d > 96) n++;
  }
  return n;
}

function pairs<T>(items: readonly T[]): [T, T][] {
  return items.flatMap((a, i) => items.slice(i + 1).map((b): [T, T] => [a, b]));
}

describe('tray icon files', () => {
  it('has every coloured, template and Windows icon of every state at its pixel size', async () => {
    const files = allTrayFiles();
    for (const state of TRAY_STATES) {
      for (const file of [`tray/${state}.png`, `tray/${state}@2x.png`, `tray/${state}-24.png`, `tray/${state}-24@2x.png`, `tray/${state}-32.png`, `tray/${state}-32@2x.png`, `tray/${state}.ico`, `tray/mac/${state}Template.png`, `tray/mac/${state}Template@2x.png`]) {
        expect(files).toContain(file);
      }
    }
    for (const file of files) {
      expect(existsSync(at(file)), file).toBe(true);
      if (file.endsWith('.ico')) {
        expect(icoSizes(file), file).toEqual([...ICO_SIZES]);
      } else {
        const px = expectedPixels(file);
        expect(pngSize(readFileSync(at(file))), file).toEqual({ width: px, height: px });
        const meta = await sharp(at(file)).metadata();
        expect([meta.width, meta.height, meta.hasAlpha], file).toEqual([px, px, true]);
      }
    }
  });

  it('are exactly what assets/build-icons.ts renders from the source, with no stale file left', async () => {
    const rendered = await renderAll();
    expect(await listGenerated(ASSETS)).toEqual([...rendered.keys()].sort());
    for (const [file, bytes] of rendered) {
      expect(Buffer.compare(readFileSync(at(file)), Buffer.from(bytes)), `${file} is out of date: run node assets/build-icons.ts`).toBe(0);
    }
    for (const file of allTrayFiles()) expect(rendered.has(file), file).toBe(true);
  });

  it('renders the same bytes every time', async () => {
    const [first, second] = [await renderAll(), await renderAll()];
    for (const [file, bytes] of first) expect(Buffer.compare(Buffer.from(bytes), Buffer.from(second.get(file)!)), file).toBe(0);
  });
});

describe('coloured tray icons (Linux, Windows)', () => {
  const sizes = ['', '@2x', '-24', '-24@2x', '-32', '-32@2x'];

  it("are filled with the state's own colour, a different one per level", async () => {
    for (const suffix of sizes) {
      const dominant = new Map<TrayState, string>();
      for (const state of TRAY_STATES) {
        if (state === 'offline') continue; // hollow: see the next test
        dominant.set(state, dominantColour(await pixels(`tray/${state}${suffix}.png`)));
        expect(dominant.get(state), `${state}${suffix}`).toBe(STATE_COLOURS[state]);
      }
      expect(new Set(dominant.values()).size, suffix).toBe(dominant.size);
    }
  });

  it('draws offline hollow, so it differs from unknown though both are grey', async () => {
    for (const suffix of sizes) {
      const offline = await pixels(`tray/offline${suffix}.png`);
      const unknown = await pixels(`tray/unknown${suffix}.png`);
      const opaque = (p: Pixels): number => {
        let n = 0;
        for (let i = 3; i < p.data.length; i += 4) if (p.data[i]! >= 250) n++;
        return n;
      };
      expect(opaque(offline), suffix).toBeLessThan(opaque(unknown) / 2);
      expect(pixelDifference(offline, unknown), suffix).toBeGreaterThan(offline.width * offline.height * 0.3);
    }
  });

  it('carry a mark of a different shape per state, not only a different colour', async () => {
    // The mark: interior pixels (the rim left out) far from the fill colour.
    const mark = async (state: TrayState): Promise<boolean[]> => {
      const icon = await pixels(`tray/${state}@2x.png`);
      const fill = dominantColour(icon);
      const [r, g, b] = [1, 3, 5].map((i) => Number.parseInt(fill.slice(i, i + 2), 16));
      const out: boolean[] = [];
      for (let y = 3; y < icon.height - 3; y++) {
        for (let x = 3; x < icon.width - 3; x++) {
          const p = (y * icon.width + x) * 4;
          out.push(Math.abs(icon.data[p]! - r!) + Math.abs(icon.data[p + 1]! - g!) + Math.abs(icon.data[p + 2]! - b!) > 150);
        }
      }
      return out;
    };
    const filled = TRAY_STATES.filter((s) => s !== 'offline');
    const marks = new Map(await Promise.all(filled.map(async (s) => [s, await mark(s)] as const)));
    for (const state of filled) expect(marks.get(state)!.filter(Boolean).length, state).toBeGreaterThan(20);
    const differences = pairs(filled).map(([a, b]) => {
      const [ma, mb] = [marks.get(a)!, marks.get(b)!];
      return { pair: `${a} vs ${b}`, pixels: ma.filter((on, i) => on !== mb[i]).length };
    });
    // Two different marks differ by about a hundred pixels at 32 px or more; the same mark on two
    // fills, by some twenty anti-aliased edge pixels.
    const closest = differences.sort((x, y) => x.pixels - y.pixels)[0]!;
    expect(closest.pixels, closest.pair).toBeGreaterThan(50);
  });

  it('read on a light and on a dark panel: the rim contrasts with white, the fill with black', async () => {
    const luminance = (hex: string): number => {
      const [r, g, b] = [1, 3, 5].map((i) => Number.parseInt(hex.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
      return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
    };
    const contrast = (x: string, y: string): number => {
      const [hi, lo] = [luminance(x), luminance(y)].sort((p, q) => q - p);
      return (hi! + 0.05) / (lo! + 0.05);
    };
    for (const state of TRAY_STATES) {
      const icon = await pixels(`tray/${state}.png`);
      // The top edge's middle pixel is the rim (or offline's outline).
      const p = (0 * icon.width + 8) * 4;
      const rim = `#${[icon.data[p]!, icon.data[p + 1]!, icon.data[p + 2]!].map((c) => c.toString(16).padStart(2, '0')).join('')}`;
      expect(contrast(rim, '#ffffff'), `${state} rim on white`).toBeGreaterThanOrEqual(2.5);
      expect(contrast(STATE_COLOURS[state], '#202020'), `${state} fill on a dark panel`).toBeGreaterThanOrEqual(3);
    }
  });
});

describe('macOS template images', () => {
  it('are black on transparent: only alpha carries the shape', async () => {
    for (const state of TRAY_STATES) {
      for (const file of [`tray/mac/${state}Template.png`, `tray/mac/${state}Template@2x.png`]) {
        const { data } = await pixels(file);
        let shown = 0;
        let clear = 0;
        for (let p = 0; p < data.length; p += 4) {
          if (data[p + 3]! > 0) {
            shown++;
            expect([data[p], data[p + 1], data[p + 2]], file).toEqual([0, 0, 0]);
          } else {
            clear++;
          }
        }
        expect(shown, file).toBeGreaterThan(0);
        expect(clear, file).toBeGreaterThan(0);
      }
    }
  });

  it('differ in shape between every two states', async () => {
    for (const [suffix, minimum] of [['Template.png', 10], ['Template@2x.png', 40]] as const) {
      for (const [a, b] of pairs(TRAY_STATES)) {
        const difference = alphaDifference(await pixels(`tray/mac/${a}${suffix}`), await pixels(`tray/mac/${b}${suffix}`));
        expect(difference, `${a} vs ${b} (${suffix})`).toBeGreaterThanOrEqual(minimum);
      }
    }
  });
});

describe('count badges', () => {
  it('exist for 1 to 9 and 9+ on every state that can have incidents, at every size', () => {
    const files = allTrayFiles();
    for (const state of BADGE_STATES) {
      for (const label of BADGE_LABELS) {
        for (const size of TRAY_SIZES) {
          const name = size === 16 ? `${state}-${label}` : `${state}-${label}-${size}`;
          expect(files).toContain(`tray/badge/${name}.png`);
          expect(files).toContain(`tray/badge/${name}@2x.png`);
        }
        expect(files).toContain(`tray/badge/${state}-${label}.ico`);
      }
    }
    expect(files.filter((f) => /badge\/(operational|unknown|offline)-/.test(f))).toEqual([]);
  });

  it('differ from the icon without a badge, and from each other', async () => {
    for (const state of BADGE_STATES) {
      for (const suffix of ['', '@2x', '-24', '-32@2x']) {
        const plain = await pixels(`tray/${state}${suffix}.png`);
        const badged = await Promise.all(BADGE_LABELS.map((label) => pixels(`tray/badge/${state}-${label}${suffix}.png`)));
        for (const [i, icon] of badged.entries()) {
          expect(pixelDifference(plain, icon), `${state}-${BADGE_LABELS[i]}${suffix}`).toBeGreaterThan(plain.width * plain.height * 0.15);
        }
        for (const [i, j] of pairs([...badged.keys()])) {
          expect(pixelDifference(badged[i]!, badged[j]!), `${BADGE_LABELS[i]} vs ${BADGE_LABELS[j]} (${state}${suffix})`).toBeGreaterThan(0);
        }
      }
    }
  });

  it("keep the state's colour around the badge", async () => {
    for (const state of BADGE_STATES) {
      expect(dominantColour(await pixels(`tray/badge/${state}-9plus.png`))).toBe(STATE_COLOURS[state]);
    }
  });
});

describe('trayIconFile', () => {
  const platforms = ['linux', 'win32', 'darwin'] as const;
  const counts = [undefined, 0, 1, 2, 5, 9, 10, 250];

  it('names an existing file for every state, platform, size, scale, count and format', () => {
    for (const state of TRAY_STATES) {
      for (const platform of platforms) {
        for (const size of TRAY_SIZES) {
          for (const scale of [1, 2] as const) {
            for (const count of counts) {
              for (const format of [undefined, 'ico', 'png'] as const) {
                const options: TrayIconOptions = { platform, size, scale, count, format };
                const file = trayIconFile(state, options);
                expect(existsSync(at(file)), `${state} ${JSON.stringify(options)} -> ${file}`).toBe(true);
              }
            }
          }
        }
      }
    }
  });

  it('picks the size, scale, badge and platform form the caller asks for', () => {
    expect(trayIconFile('operational', { platform: 'linux', size: 16, scale: 1 })).toBe('tray/operational.png');
    expect(trayIconFile('degraded', { platform: 'linux', size: 24, scale: 2, count: 3 })).toBe('tray/badge/degraded-3-24@2x.png');
    expect(trayIconFile('major_outage', { platform: 'linux', size: 32, scale: 1, count: 12 })).toBe('tray/badge/major_outage-9plus-32.png');
    expect(trayIconFile('major_outage', { platform: 'win32', size: 16, scale: 1, count: 2 })).toBe('tray/badge/major_outage-2.ico');
    expect(trayIconFile('maintenance', { platform: 'win32', size: 24, scale: 2, format: 'png' })).toBe('tray/maintenance-24@2x.png');
    expect(trayIconFile('offline', { platform: 'darwin', size: 16, scale: 2, count: 4 })).toBe('tray/mac/offlineTemplate@2x.png');
    // Nothing to count when all is well or when we cannot tell.
    expect(trayIconFile('operational', { platform: 'linux', size: 16, scale: 1, count: 3 })).toBe('tray/operational.png');
    expect(trayIconFile('unknown', { platform: 'linux', size: 16, scale: 1, count: 3 })).toBe('tray/unknown.png');
    expect(trayIconFile('partial_outage', { platform: 'linux', size: 16, scale: 1, count: 0 })).toBe('tray/partial_outage.png');
  });

  it('counts 1 to 9 as such and anything above as 9+', () => {
    expect([0, 1, 9, 10, 99, -1, Number.NaN].map(badgeLabel)).toEqual([null, '1', '9', '9plus', '9plus', null, null]);
  });
});

describe('app icons', () => {
  it('has a 1024 px PNG, a Windows .ico from 16 to 256 px and the Linux set', async () => {
    expect(pngSize(readFileSync(at('app/icon.png')))).toEqual({ width: 1024, height: 1024 });
    expect(icoSizes('app/icon.ico')).toEqual([16, 24, 32, 48, 64, 128, 256]);
    for (const px of [16, 24, 32, 48, 64, 128, 256, 512]) {
      expect(pngSize(readFileSync(at(`app/icons/${px}x${px}.png`)))).toEqual({ width: px, height: px });
    }
  });

  it('has a macOS .icns holding every size from 16 to 1024 px', () => {
    const icns = readFileSync(at('app/icon.icns'));
    expect(icns.subarray(0, 4).toString('latin1')).toBe('icns');
    expect(icns.readUInt32BE(4)).toBe(icns.length);
    const types: string[] = [];
    for (let offset = 8; offset < icns.length; offset += icns.readUInt32BE(offset + 4)) types.push(icns.subarray(offset, offset + 4).toString('latin1'));
    // 16, 32, 32 (16@2x), 64 (32@2x), 128, 256, 256 (128@2x), 512, 512 (256@2x), 1024 (512@2x)
    expect(types.filter((t) => t !== 'TOC ').sort()).toEqual(['ic04', 'ic05', 'ic07', 'ic08', 'ic09', 'ic10', 'ic11', 'ic12', 'ic13', 'ic14']);
  });
});
