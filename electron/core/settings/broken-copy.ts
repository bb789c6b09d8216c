import { writeFile } from 'node:fs/promises';

/**
 * Keep a settings file's original bytes beside it as `<file>.corrupt-<time>` before anything
 * replaces them (never overwriting an earlier copy), so a repair or a fallback never costs the
 * person what they wrote. Returns the copy's path, or null when it could not be written.
 */
export async function keepBrokenCopy(file: string, bytes: Buffer, nowIso: string): Promise<string | null> {
  const stamp = nowIso.replace(/[:.]/g, '-');
  for (let n = 0; n < 100; n++) {
    const candidate = `${file}.corrupt-${stamp}${n === 0 ? '' : `-${n}`}`;
    try {
      await writeFile(candidate, bytes, { flag: 'wx' });
      return candidate;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') return null;
    }
  }
  return null;
}
