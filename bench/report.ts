import { cpus, totalmem } from 'node:os';

/** One benchmark's result: a markdown table plus the words that say what it compares. */
export interface BenchSection {
  title: string;
  /** What the ratio is measured against, named, and measured in the same run. */
  baseline: string;
  columns: string[];
  rows: (string | number)[][];
  notes: string[];
}

/** Median of a non-empty list (benchmarks report medians: one GC pause must not move the figure). */
export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

export function fmt(value: number, digits = 1): string {
  return value.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
}

function machine(): string {
  return `Node ${process.version}, ${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, ${Math.round(totalmem() / 2 ** 30)} GiB`;
}

/** Markdown for the whole run, headed by the machine it ran on so figures are read in context. */
/**
 * Sections of docs/benchmarks.md written by hand (what memory holds and why, the goals read off a
 * run) carry this line under their heading; a full run keeps them, after its own.
 */
export const HAND_WRITTEN = '<!-- written by hand: npm run bench keeps this section -->';

/** The hand-written sections of an existing report, in order. */
export function handWrittenSections(existing: string): string[] {
  return existing.split(/\n(?=## )/).slice(1).filter((part) => part.includes(HAND_WRITTEN)).map((part) => part.trimEnd());
}

export function renderReport(sections: BenchSection[], command: string, startedAt: Date, kept: readonly string[] = []): string {
  const lines = [
    '# Benchmarks',
    '',
    `Produced by \`${command}\` on ${startedAt.toISOString().slice(0, 10)}: ${machine()}.`,
    'Figures are medians of repeated runs; every ratio is against a baseline measured in the same run',
    'on the same bytes. Performance is measured here, never asserted in tests.',
    '',
  ];
  lines.push(...sectionLines(sections, null));
  for (const section of kept) lines.push(section, '');
  return lines.join('\n');
}

/**
 * Replace (or add) these sections in an existing report, leaving the others as they were; each
 * replaced section says which command produced it, when and on what machine.
 */
export function mergeReport(existing: string, sections: BenchSection[], command: string, startedAt: Date): string {
  const parts = existing.split(/\n(?=## )/);
  const head = parts[0] ?? '# Benchmarks\n';
  const bodies = parts.slice(1);
  for (const s of sections) {
    const text = sectionLines([s], `Produced by \`${command}\` on ${startedAt.toISOString().slice(0, 10)}: ${machine()}.`).join('\n');
    const index = bodies.findIndex((b) => b.startsWith(`## ${s.title}\n`));
    if (index === -1) bodies.push(text);
    else bodies[index] = text;
  }
  return [head.trimEnd(), ...bodies.map((b) => b.trimEnd())].join('\n\n') + '\n';
}

function sectionLines(sections: BenchSection[], producedBy: string | null): string[] {
  const lines: string[] = [];
  for (const s of sections) {
    lines.push(`## ${s.title}`, '');
    if (producedBy) lines.push(producedBy, '');
    lines.push(`Baseline: ${s.baseline}`, '');
    lines.push(`| ${s.columns.join(' | ')} |`, `| ${s.columns.map(() => '---').join(' | ')} |`);
    for (const row of s.rows) lines.push(`| ${row.join(' | ')} |`);
    lines.push('');
    for (const note of s.notes) lines.push(`- ${note}`);
    if (s.notes.length) lines.push('');
  }
  return lines;
}
