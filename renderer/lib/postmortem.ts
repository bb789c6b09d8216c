/**
 * Postmortems come in three kinds, and each reads best in its own form:
 * - structured: the industry's sections (Summary, Impact, Root cause, Resolution, Lessons, Action
 *   items) as headings on lines of their own: shown as sections;
 * - markdown: a vendor's own formatting (Instatus writes `**What happened**`): rendered as markdown;
 * - narrative: plain prose: paragraphs with room to read.
 */
export type Postmortem =
  | { kind: 'structured'; lead: string; sections: { heading: string; body: string }[] }
  | { kind: 'markdown'; text: string }
  | { kind: 'narrative'; paragraphs: string[] };

const SECTION_HEADINGS = [
  'summary', 'impact', 'root cause', 'root causes', 'resolution', 'remediation', 'lessons', 'lessons learned',
  'action items', 'follow-up actions', 'timeline', 'detection', 'what happened', 'what went wrong', 'what went well',
  'next steps', 'contributing factors', 'trigger', 'recovery',
];

/** A section heading: the bare word on its own line (`Root cause`, `Root cause:`, `## Root cause`). */
function headingOf(line: string): string | null {
  const bare = line.trim().replace(/^#{1,6}\s+/, '').replace(/:$/, '').trim();
  return SECTION_HEADINGS.includes(bare.toLowerCase()) ? bare : null;
}

const MARKDOWN = /(^|\n)\s{0,3}(#{1,6}\s|[-*+]\s|\d+\.\s|>\s)|\*\*[^*\n]+\*\*|\[[^\]\n]+\]\([^)\s]+\)|`[^`\n]+`/;

/** Decide which of the three a postmortem is, and split it accordingly. */
export function readPostmortem(text: string): Postmortem {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const headingLines = lines.map((l, i) => ({ i, heading: headingOf(l) })).filter((h): h is { i: number; heading: string } => h.heading !== null);
  if (new Set(headingLines.map((h) => h.heading.toLowerCase())).size >= 3) {
    const sections = headingLines.map((h, n) => ({
      heading: h.heading.charAt(0).toUpperCase() + h.heading.slice(1),
      body: lines.slice(h.i + 1, headingLines[n + 1]?.i ?? lines.length).join('\n').trim(),
    }));
    return { kind: 'structured', lead: lines.slice(0, headingLines[0]!.i).join('\n').trim(), sections };
  }
  if (MARKDOWN.test(text)) return { kind: 'markdown', text };
  return { kind: 'narrative', paragraphs: text.split(/\n\s*\n/).map((p) => p.replace(/\s*\n\s*/g, ' ').trim()).filter(Boolean) };
}
