import { walkMarkup, within, type OpenElement } from '../html/markup.ts';

export interface StatuscastComponent {
  name: string;
  /** The `component-<word>` class of its status text. */
  word: string | undefined;
  /** The status text as shown ("Available", "Degraded performance"…). */
  text: string;
}

export interface StatuscastIncident {
  title: string;
  /** The `component-<word>` class of its icon. */
  word: string | undefined;
  href: string | undefined;
  body: string;
}

const word = (el: OpenElement): string | undefined => el.classes.map((c) => /^component-([a-z]+)$/.exec(c)?.[1]).find((w) => w !== undefined);

/**
 * StatusCast's status page markup [C: stts, which reads it]: each component's status is a
 * `.status-list-component-status-text` element whose `component-<word>` class names the state;
 * the component's name sits before it in the same row, in an element whose class holds
 * `component-name` [inferred]. Names and statuses are paired in page order.
 */
export function readStatuscastPage(html: string): { title: string | undefined; components: StatuscastComponent[]; unnamed: number } {
  const components: StatuscastComponent[] = [];
  let title: string | undefined;
  let pendingName: string | undefined;
  let unnamed = 0;
  let capture: { kind: 'title' | 'name' | 'status'; text: string; depth: number; word?: string | undefined } | undefined;
  walkMarkup(html, {
    open(el, stack) {
      if (capture) return;
      if (el.name === 'title' && title === undefined) capture = { kind: 'title', text: '', depth: stack.length };
      else if (el.classes.includes('status-list-component-status-text')) capture = { kind: 'status', text: '', depth: stack.length, word: word(el) };
      else if (el.classes.some((c) => /component-name$/.test(c))) capture = { kind: 'name', text: '', depth: stack.length };
    },
    text(text) {
      if (capture) capture.text += text;
    },
    close(_el, stack) {
      if (!capture || stack.length !== capture.depth) return;
      const text = capture.text.replace(/\s+/g, ' ').trim();
      if (capture.kind === 'title') title = text || undefined;
      else if (capture.kind === 'name') pendingName = text || undefined;
      else if (pendingName) {
        components.push({ name: pendingName, word: capture.word, text });
        pendingName = undefined;
      } else unnamed++;
      capture = undefined;
    },
  });
  return { title, components, unnamed };
}

/**
 * The open-incidents list (`/incidents?IncidentStatus=OpenStarted`) [C: stts]: `#results
 * .incident-body` blocks with an `.incident-title` and an `.incident-icon .fa` whose
 * `component-<word>` class tells the impact; the link and the text of an `.incident-message`
 * (or `-description`) block are read when present [inferred].
 */
export function readStatuscastIncidents(html: string): { incidents: StatuscastIncident[]; untitled: number } {
  const out: StatuscastIncident[] = [];
  let untitled = 0;
  let current: StatuscastIncident | undefined;
  let depth = -1;
  let capture: { kind: 'title' | 'body'; text: string; depth: number } | undefined;
  walkMarkup(html, {
    open(el, stack) {
      if (el.classes.includes('incident-body') && within(stack, (a) => a.attrs.id === 'results')) {
        current = { title: '', word: undefined, href: undefined, body: '' };
        depth = stack.length;
        return;
      }
      if (!current || capture) return;
      if (el.name === 'a' && current.href === undefined && el.attrs.href) current.href = el.attrs.href;
      if (current.word === undefined && el.classes.includes('fa') && within(stack, (a) => a.classes.includes('incident-icon'))) current.word = word(el);
      if (el.classes.includes('incident-title')) capture = { kind: 'title', text: '', depth: stack.length };
      else if (el.classes.includes('incident-message') || el.classes.includes('incident-description')) capture = { kind: 'body', text: '', depth: stack.length };
    },
    text(text) {
      if (capture) capture.text += text;
    },
    close(_el, stack) {
      if (capture && stack.length === capture.depth && current) {
        const text = capture.text.replace(/[^\S\n]+/g, ' ').trim();
        if (capture.kind === 'title') current.title = text;
        else current.body = text;
        capture = undefined;
      }
      if (current && stack.length === depth) {
        if (current.title) out.push(current);
        else untitled++;
        current = undefined;
      }
    },
  });
  return { incidents: out, untitled };
}
