import { nearest, walkMarkup, within, type OpenElement } from './markup.ts';

/** What a Better Stack status page's rendered markup says, before any interpretation. */
export interface BetterstackMarkup {
  title: string | undefined;
  /** `og:url`: the page's public address. */
  url: string | undefined;
  /** The state word in the favicon's file name (`…/favicons/operational-<hash>.png`). */
  faviconState: string | undefined;
  /** The headline (`<h1>`), e.g. "All services are online". */
  headline: string | undefined;
  sections: { name: string | undefined; badge: string | undefined; resources: { name: string; color: string | undefined }[] }[];
  /** Links to incident pages (`/incident/<id>`), with their text. */
  incidentLinks: { href: string; text: string }[];
}

const COLOR = /^text-statuspage-(green|yellow|orange|red|blue|neutral-\d+)$/;

const isResourceBlock = (el: OpenElement): boolean => el.attrs['data-url'] !== undefined && /\/r\//.test(el.attrs['data-url'] ?? '');

/**
 * One pass over the page. The structure, from BuildJet's page [F: status.buildjet.com, 2026-03]:
 * each section is a toggle `<button>` holding the section name (a `.truncate` div) and a
 * `.section-status-badge` with the section's state word, then a `.section-content` whose rows
 * (`[data-url*="/r/"]`) hold a status icon (`svg.text-statuspage-<colour>`) and the resource's
 * name (a `.truncate` div).
 */
export function readBetterstackMarkup(html: string): BetterstackMarkup {
  const out: BetterstackMarkup = { title: undefined, url: undefined, faviconState: undefined, headline: undefined, sections: [], incidentLinks: [] };
  let capture: { kind: 'title' | 'h1' | 'section' | 'badge' | 'resource' | 'link'; text: string; depth: number; href?: string } | undefined;
  let rowColor: string | undefined;
  const section = (): BetterstackMarkup['sections'][number] => {
    let last = out.sections.at(-1);
    if (!last) {
      last = { name: undefined, badge: undefined, resources: [] };
      out.sections.push(last);
    }
    return last;
  };
  walkMarkup(html, {
    open(el, stack) {
      if (el.name === 'link' && /\bicon\b/.test(el.attrs.rel ?? '')) {
        out.faviconState ??= /\/favicons\/([a-z_]+)-/.exec(el.attrs.href ?? '')?.[1];
      } else if (el.name === 'meta' && el.attrs.property === 'og:url') out.url ??= el.attrs.content;
      if (capture) return;
      if (isResourceBlock(el)) rowColor = undefined;
      if (el.name === 'svg' && within(stack, isResourceBlock) && rowColor === undefined) {
        rowColor = el.classes.map((c) => COLOR.exec(c)?.[1]).find((c) => c !== undefined);
      }
      const kind = el.name === 'title' && out.title === undefined ? 'title'
        : el.name === 'h1' && out.headline === undefined ? 'h1'
          : el.classes.includes('section-status-badge') ? 'badge'
            : el.classes.includes('truncate') && within(stack, isResourceBlock) ? 'resource'
              : el.classes.includes('truncate') && nearest(stack, (a) => a.name === 'button') ? 'section'
                : el.name === 'a' && /\/incidents?\/[\w-]+$/.test(el.attrs.href ?? '') ? 'link'
                  : undefined;
      if (kind) capture = { kind, text: '', depth: stack.length, ...(kind === 'link' ? { href: el.attrs.href ?? '' } : {}) };
    },
    text(text) {
      if (capture) capture.text += text;
    },
    close(_el, stack) {
      if (!capture || stack.length !== capture.depth) return;
      const text = capture.text.replace(/\s+/g, ' ').trim();
      if (capture.kind === 'title') out.title = text || undefined;
      else if (capture.kind === 'h1') out.headline = text || undefined;
      else if (capture.kind === 'section') out.sections.push({ name: text || undefined, badge: undefined, resources: [] });
      else if (capture.kind === 'badge') section().badge = text || undefined;
      else if (capture.kind === 'resource' && text) section().resources.push({ name: text, color: rowColor });
      else if (capture.kind === 'link' && text) out.incidentLinks.push({ href: capture.href ?? '', text });
      capture = undefined;
    },
  });
  return out;
}
