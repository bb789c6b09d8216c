// The one source of every icon: SVG drawn in code. assets/build-icons.ts rasterises it.
// The tray glyph is Upstream's rounded square, filled with the state's colour and carrying a mark
// whose SHAPE also differs per state, so the macOS template images (one colour) still tell the
// states apart, and so does anyone who cannot tell the colours apart.
import type { BadgeLabel, TrayState } from './icons.ts';

export const STATE_COLOURS: Record<TrayState, string> = {
  operational: '#2fcc66',
  degraded: '#f1c40f',
  partial_outage: '#e67e22',
  major_outage: '#e74c3c',
  maintenance: '#3498db',
  unknown: '#8c959f',
  offline: '#8c959f',
};

/** The 1px rim: a darker shade of the fill, so light fills (yellow, green) still hold their edge on a light panel. */
const RIMS: Record<TrayState, string> = {
  operational: '#1f8a45',
  degraded: '#a88908',
  partial_outage: '#a65a17',
  major_outage: '#b03527',
  maintenance: '#21689a',
  unknown: '#5f666d',
  offline: '#8c959f',
};

/** The mark's colour on the fill: whichever of ink or white reads better on that fill. */
const INK = '#1f2328';
const MARK_COLOURS: Record<TrayState, string> = {
  operational: INK,
  degraded: INK,
  partial_outage: INK,
  major_outage: '#ffffff',
  maintenance: '#ffffff',
  unknown: INK,
  offline: '#8c959f',
};

const BADGE_FILL = '#d1242f';
const BADGE_INK = '#ffffff';

// Marks are drawn on a 16-unit grid (the 16 px icon's pixels), strokes with round ends.
const MARKS: Record<Exclude<TrayState, 'offline'>, string> = {
  // check
  operational: '<path d="M4.25 8.25 6.9 10.9 11.75 5.25" stroke-width="2.1"/>',
  // a single bar: working, but not fully
  degraded: '<path d="M4.5 8h7" stroke-width="2.25"/>',
  // exclamation mark
  partial_outage: '<path d="M8 3.9v4.6" stroke-width="2.2"/><circle cx="8" cy="11.85" r="1.3" stroke="none" fill="currentColor"/>',
  // cross
  major_outage: '<path d="M5.1 5.1l5.8 5.8M10.9 5.1l-5.8 5.8" stroke-width="2.1"/>',
  // clock: planned work
  maintenance: '<circle cx="8" cy="8" r="4.6" stroke-width="1.5"/><path d="M8 5.6V8h2.1" stroke-width="1.5"/>',
  // question mark
  unknown:
    '<path d="M5.7 6.05C5.7 4.7 6.75 3.8 8 3.8s2.3.85 2.3 2.05c0 1.55-2.3 1.75-2.3 3.55" stroke-width="1.9"/><circle cx="8" cy="12.2" r="1.25" stroke="none" fill="currentColor"/>',
};

const BODY = 'x="0.5" y="0.5" width="15" height="15" rx="3.5"';
/** Offline: no fill, only the square's outline with a slash through it (hollow, so it differs from unknown). */
const OFFLINE = '<rect x="1.25" y="1.25" width="13.5" height="13.5" rx="3" stroke-width="1.5"/><path d="M4 4l8 8" stroke-width="1.5"/>';

function markGroup(state: Exclude<TrayState, 'offline'>, colour: string): string {
  return `<g fill="none" stroke="currentColor" color="${colour}" stroke-linecap="round" stroke-linejoin="round">${MARKS[state]}</g>`;
}

// 3×5 pixel digits for the badge: drawn on the pixel grid so they stay sharp at 16 px, and no font
// is involved (fonts differ between machines; the output must not).
const DIGITS: Record<string, readonly string[]> = {
  '1': ['.#.', '##.', '.#.', '.#.', '###'],
  '2': ['##.', '..#', '.#.', '#..', '###'],
  '3': ['##.', '..#', '.#.', '..#', '##.'],
  '4': ['#.#', '#.#', '###', '..#', '..#'],
  '5': ['###', '#..', '##.', '..#', '##.'],
  '6': ['.##', '#..', '###', '#.#', '###'],
  '7': ['###', '..#', '..#', '.#.', '.#.'],
  '8': ['###', '#.#', '###', '#.#', '###'],
  '9': ['###', '#.#', '###', '..#', '##.'],
  '+': ['...', '.#.', '###', '.#.', '...'],
};

function pixelText(chars: string, x0: number, y0: number, unit: number): string {
  const rects: string[] = [];
  let x = x0;
  for (const ch of chars) {
    const rows = DIGITS[ch];
    if (!rows) throw new Error(`no badge glyph for ${ch}`);
    rows.forEach((row, y) => {
      [...row].forEach((cell, cx) => {
        if (cell === '#') rects.push(`<rect x="${x + cx * unit}" y="${y0 + y * unit}" width="${unit}" height="${unit}"/>`);
      });
    });
    x += 4 * unit;
  }
  return rects.join('');
}

interface BadgeBox {
  x: number;
  y: number;
  width: number;
  height: number;
  unit: number;
}

/** The badge sits in the top-right corner, in whole pixels: 7×7 units for a digit, 9×7 for "9+". */
function badgeBox(px: number, label: BadgeLabel): BadgeBox {
  const unit = Math.max(1, Math.floor(px / 16));
  const width = (label === '9plus' ? 9 : 7) * unit;
  const height = 7 * unit;
  return { x: px - width, y: 0, width, height, unit };
}

function badge(box: BadgeBox, label: BadgeLabel): string {
  const text = label === '9plus' ? '9+' : label;
  const { x, y, width, height, unit } = box;
  return (
    `<rect x="${x}" y="${y}" width="${width}" height="${height}" rx="${height / 2}" fill="${BADGE_FILL}"/>` +
    `<g fill="${BADGE_INK}" shape-rendering="crispEdges">${pixelText(text, x + 2 * unit, y + unit, unit)}</g>`
  );
}

export interface TraySvgOptions {
  /** macOS template image: black on transparent, the mark cut out of the square. */
  template?: boolean;
  /** A count badge (coloured icons only). */
  badge?: BadgeLabel;
}

/** One tray icon as an SVG document `px` pixels square. */
export function traySvg(state: TrayState, px: number, options: TraySvgOptions = {}): string {
  const scale = px / 16;
  let body: string;
  if (state === 'offline') {
    const colour = options.template ? '#000000' : STATE_COLOURS.offline;
    body = `<g fill="none" stroke="${colour}" stroke-linecap="round">${OFFLINE}</g>`;
  } else if (options.template) {
    // The mark is cut out of the square: in a template image only alpha carries the shape.
    body =
      `<mask id="cut" maskUnits="userSpaceOnUse" x="0" y="0" width="16" height="16"><rect width="16" height="16" fill="#ffffff"/>${markGroup(state, '#000000')}</mask>` +
      `<rect ${BODY} fill="#000000" mask="url(#cut)"/>`;
  } else {
    body = `<rect ${BODY} fill="${STATE_COLOURS[state]}" stroke="${RIMS[state]}" stroke-width="1"/>${markGroup(state, MARK_COLOURS[state])}`;
  }
  const badged = options.badge !== undefined && !options.template;
  // With a badge, the square shrinks to three quarters into the bottom-left corner, so the badge
  // in the top-right corner hides only the square's corner, never the state's mark.
  const placement = badged ? `translate(0 ${px / 4}) scale(${scale * 0.75})` : `scale(${scale})`;
  let content = `<g transform="${placement}">${body}</g>`;
  if (badged && options.badge) {
    const box = badgeBox(px, options.badge);
    const gap = box.unit;
    // A transparent ring between badge and square keeps the badge readable on any fill.
    const hole = `<rect x="${box.x - gap}" y="${box.y - gap}" width="${box.width + 2 * gap}" height="${box.height + 2 * gap}" rx="${box.height / 2 + gap}" fill="#000000"/>`;
    content =
      `<mask id="badge-gap" maskUnits="userSpaceOnUse" x="0" y="0" width="${px}" height="${px}"><rect width="${px}" height="${px}" fill="#ffffff"/>${hole}</mask>` +
      `<g mask="url(#badge-gap)">${content}</g>${badge(box, options.badge)}`;
  }
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${px}" height="${px}" viewBox="0 0 ${px} ${px}">${content}</svg>`;
}

/**
 * The app icon: Upstream's logo (renderer/public/favicon.svg), a blue rounded square with a white
 * upward chevron. `inset` is the transparent margin as a share of the side: macOS draws its icons
 * on a 1024 grid with an 824 body (about 0.1 each side); Windows and Linux icons fill more of it.
 */
export function appIconSvg(px: number, inset: number): string {
  const side = px * (1 - 2 * inset);
  const offset = px * inset;
  const k = side / 32;
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${px}" height="${px}" viewBox="0 0 ${px} ${px}">` +
    `<defs><linearGradient id="sky" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="#3b86f7"/><stop offset="1" stop-color="#1f6feb"/></linearGradient></defs>` +
    `<g transform="translate(${offset} ${offset}) scale(${k})">` +
    `<rect width="32" height="32" rx="8" fill="url(#sky)"/>` +
    `<path d="M9 20l7-9 7 9" fill="none" stroke="#ffffff" stroke-width="3" stroke-linecap="round" stroke-linejoin="round"/>` +
    `</g></svg>`
  );
}
