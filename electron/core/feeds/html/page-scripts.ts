import { walkMarkup } from './markup.ts';

/** The data scripts a status page embeds, as raw text (never evaluated). */
export interface PageScripts {
  /** `<script id="__NEXT_DATA__" type="application/json">`: Next.js pages router (older Instatus). */
  nextData: string | undefined;
  /**
   * The JSON argument of every `self.__next_f.push(...)` call, in page order: Next.js app router
   * flight data (newer Instatus, incident.io).
   */
  flightPushes: string[];
  /** `<script id="data" type="application/json">`: PagerDuty-hosted pages. */
  dataScript: string | undefined;
  /** `<title>` text. */
  title: string | undefined;
}

const PUSH = 'self.__next_f.push(';

/**
 * Collect the data scripts of a page in one parse. Script bodies are taken as text and later
 * parsed as JSON; nothing in them is ever run.
 */
export function readPageScripts(html: string): PageScripts {
  const out: PageScripts = { nextData: undefined, flightPushes: [], dataScript: undefined, title: undefined };
  let script: { id: string | undefined; text: string } | undefined;
  let title: string | undefined;
  walkMarkup(html, {
    open(el) {
      if (el.name === 'script') script = { id: el.attrs.id, text: '' };
      else if (el.name === 'title' && out.title === undefined) title = '';
    },
    text(text) {
      if (script) script.text += text;
      else if (title !== undefined) title += text;
    },
    close(el) {
      if (el.name === 'title' && title !== undefined) {
        out.title = title.trim() || undefined;
        title = undefined;
      }
      if (el.name !== 'script' || !script) return;
      const { id, text } = script;
      script = undefined;
      if (id === '__NEXT_DATA__') out.nextData = text;
      else if (id === 'data') out.dataScript = text;
      else if (text.includes(PUSH)) out.flightPushes.push(...pushArguments(text));
    },
  });
  return out;
}

/** The argument text of each `self.__next_f.push(<json>)` in a script. */
function pushArguments(text: string): string[] {
  const args: string[] = [];
  let from = text.indexOf(PUSH);
  while (from >= 0) {
    const start = from + PUSH.length;
    const end = jsonValueEnd(text, start);
    if (end === undefined) {
      // Not a JSON literal: kept as is, so the reader reports it instead of losing it quietly.
      args.push(text.slice(start));
      break;
    }
    args.push(text.slice(start, end));
    from = text.indexOf(PUSH, end);
  }
  return args;
}

/**
 * Where the JSON array or object starting at `start` ends (exclusive), found by counting brackets
 * outside strings: one linear scan, no evaluation.
 */
export function jsonValueEnd(text: string, start: number): number | undefined {
  const open = text[start];
  if (open !== '[' && open !== '{') return undefined;
  let depth = 0;
  let inString = false;
  for (let i = start; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92 /* \ */) i++;
      else if (c === 34 /* " */) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 91 || c === 123) depth++;
    else if (c === 93 || c === 125) {
      if (--depth === 0) return i + 1;
    }
  }
  return undefined;
}

/** True when brackets outside strings nest deeper than `limit`: checked before JSON.parse builds it. */
export function nestsDeeper(text: string, limit: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92) i++;
      else if (c === 34) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 91 || c === 123) {
      if (++depth > limit) return true;
    } else if (c === 93 || c === 125) depth--;
  }
  return false;
}
