/**
 * Parses JSON that tolerates trailing commas before `]` or `}`. stts' services.json (our source of
 * catalogue facts) is hand-edited and carries them; a regex would also eat commas inside strings,
 * so this scans with string awareness and then hands the result to the real JSON.parse.
 * Throws SyntaxError, like JSON.parse, for anything else that is not JSON: this runs at build time only.
 */
export function parseLenientJson(text: string): unknown {
  return JSON.parse(stripTrailingCommas(text));
}

/** The text with every comma that only whitespace separates from a closing bracket removed. */
export function stripTrailingCommas(text: string): string {
  let out = '';
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    if (inString) {
      out += ch;
      if (ch === '\\') {
        out += text[i + 1] ?? '';
        i++;
      } else if (ch === '"') {
        inString = false;
      }
      continue;
    }
    if (ch === '"') {
      inString = true;
      out += ch;
      continue;
    }
    if (ch === ',') {
      let j = i + 1;
      while (j < text.length && /\s/.test(text[j] as string)) j++;
      if (text[j] === ']' || text[j] === '}') continue;
    }
    out += ch;
  }
  return out;
}
