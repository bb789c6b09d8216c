// Where each tray icon lives under assets/. Pure naming, no I/O and no Electron: the main process
// joins the result onto its app path, and assets/build-icons.ts writes the files under these
// same names, so the two cannot drift apart.

/** What the tray icon can show: the vendors' worst level, or that we cannot tell. */
export const TRAY_STATES = ['operational', 'degraded', 'partial_outage', 'major_outage', 'maintenance', 'unknown', 'offline'] as const;
export type TrayState = (typeof TRAY_STATES)[number];

/** States that can carry a count of active incidents (operational has none; unknown and offline cannot tell). */
export const BADGE_STATES = ['degraded', 'partial_outage', 'major_outage', 'maintenance'] as const satisfies readonly TrayState[];
export type BadgeState = (typeof BADGE_STATES)[number];

/** Badge labels: 1 to 9, then "9+" (written `9plus` in file names). */
export const BADGE_LABELS = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '9plus'] as const;
export type BadgeLabel = (typeof BADGE_LABELS)[number];

/** Logical tray sizes (points); each has a 1x and an @2x PNG. */
export const TRAY_SIZES = [16, 24, 32] as const;
export type TraySize = (typeof TRAY_SIZES)[number];

/** Pixel sizes inside every Windows .ico. */
export const ICO_SIZES = [16, 24, 32, 48] as const;

export type TrayPlatform = 'linux' | 'win32' | 'darwin';

export interface TrayIconOptions {
  platform: TrayPlatform;
  /** Logical size in points; macOS template images exist at 16 only (the menu bar's size). */
  size: TraySize;
  scale: 1 | 2;
  /** Active incidents; 0 or absent means no badge. Ignored on macOS (use `tray.setTitle` there). */
  count?: number;
  /** Windows only: the .ico (default, Windows picks the size) or a PNG at `size`×`scale`. */
  format?: 'ico' | 'png';
}

/** `<state>`, `<state>-24`, `<state>-32`: the 16-point icon keeps the bare name. */
function sizedName(base: string, size: TraySize): string {
  return size === 16 ? base : `${base}-${size}`;
}

/** The badge label for a count: null for none, "9plus" from ten on. */
export function badgeLabel(count: number | undefined): BadgeLabel | null {
  if (count === undefined || !Number.isFinite(count) || count < 1) return null;
  return count > 9 ? '9plus' : (String(Math.floor(count)) as BadgeLabel);
}

function isBadgeState(state: TrayState): state is BadgeState {
  return (BADGE_STATES as readonly TrayState[]).includes(state);
}

/** The base name (no size, scale or extension) of a coloured icon, under `tray/`. */
export function colourBaseName(state: TrayState, count?: number): string {
  const label = isBadgeState(state) ? badgeLabel(count) : null;
  return label ? `badge/${state}-${label}` : state;
}

/**
 * The tray icon for a state, as a path relative to assets/ (always with forward slashes):
 * - linux, and win32 with `format: 'png'`: `tray/<state>[-24|-32][@2x].png`, or with a count
 *   `tray/badge/<state>-<1..9|9plus>[-24|-32][@2x].png` (badges only for BADGE_STATES);
 * - win32: `tray/<state>.ico` or `tray/badge/<state>-<n>.ico` (16, 24, 32 and 48 px inside);
 * - darwin: `tray/mac/<state>Template[@2x].png`, black on transparent. Electron marks an image
 *   whose file name ends in "Template" as a template image, so macOS tints it for the menu bar.
 *   Only 16 points exists there; no badge (show the count with `tray.setTitle`).
 */
export function trayIconFile(state: TrayState, options: TrayIconOptions): string {
  const { platform, size, scale } = options;
  const at2x = scale === 2 ? '@2x' : '';
  if (platform === 'darwin') return `tray/mac/${state}Template${at2x}.png`;
  const base = colourBaseName(state, options.count);
  if (platform === 'win32' && options.format !== 'png') return `tray/${base}.ico`;
  return `tray/${sizedName(base, size)}${at2x}.png`;
}

/** Every tray file the build writes, relative to assets/ (the tests and the build share it). */
export function allTrayFiles(): string[] {
  const files: string[] = [];
  const bases: string[] = [...TRAY_STATES];
  for (const state of BADGE_STATES) for (const label of BADGE_LABELS) bases.push(`badge/${state}-${label}`);
  for (const base of bases) {
    for (const size of TRAY_SIZES) for (const at2x of ['', '@2x']) files.push(`tray/${sizedName(base, size)}${at2x}.png`);
    files.push(`tray/${base}.ico`);
  }
  for (const state of TRAY_STATES) files.push(`tray/mac/${state}Template.png`, `tray/mac/${state}Template@2x.png`);
  return files;
}

