import { copyFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { ApiResult } from '../../../shared/contract/result.ts';
import { fail, ok } from '../../../shared/contract/result.ts';
import type { Settings, WatchedVendor, WatchlistExport } from '../../../shared/contract/settings.ts';
import { emptySettings, settingsSchema } from '../../../shared/contract/settings.ts';
import type { VendorSource } from '../../../shared/model/index.ts';
import { DEFAULT_WATCHLIST, findCatalogEntry } from '../catalog/index.ts';
import type { AtomicWriteOps } from './atomic-write.ts';
import { writeFileAtomic } from './atomic-write.ts';
import { salvageSettings } from './salvage.ts';
import type { ImportReport } from './watchlist.ts';
import {
  addToWatchlist, exportWatchlist, importWatchlist, removeFromWatchlist, resolveSource, toWatched, vendorProblem,
} from './watchlist.ts';

/** conf / electron-store keep their document at `<cwd>/config.json`; so do we, so either can read it. */
export const SETTINGS_FILE = 'config.json';
const SHOWN_PROBLEMS = 3;

/** How a load went. `message` is for a person (a notification, a CLI line); null when all was well. */
export interface LoadResult {
  settings: Settings;
  problems: string[];
  message: string | null;
  /** Where the unreadable or repaired original was kept, if it was. */
  backupPath: string | null;
  source: 'file' | 'defaults' | 'repaired' | 'previous-copy';
}

export interface SettingsStoreOptions {
  now?: () => Date;
  /** For tests: make the atomic write's rename fail. */
  writeOps?: AtomicWriteOps;
}

/** First run: the default watchlist, resolved from the catalogue so its ids always exist. */
export function defaultSettings(now: string): Settings {
  const settings = emptySettings();
  for (const id of DEFAULT_WATCHLIST) {
    const entry = findCatalogEntry(id);
    if (entry) settings.watchlist.push(toWatched(entry, now));
  }
  return settings;
}

/**
 * The settings document on disk. Bad content never throws and never silently costs the user their
 * watchlist: what is valid is kept, what is not is named in `problems`, and the original bytes are
 * kept beside the file (`config.json.corrupt-<time>`). Each good write also leaves the previous
 * good version as `config.json.bak`, the fallback when the file is unreadable JSON.
 * One store per process; writes are serialised through a queue. Two processes writing the same
 * file at once (tray app and daemon) are last-writer-wins, never a torn file.
 */
export class SettingsStore {
  readonly home: string;
  readonly path: string;
  readonly #now: () => Date;
  readonly #writeOps: AtomicWriteOps | undefined;
  #settings: Settings | undefined;
  /** Whether the file on disk is one we loaded cleanly or wrote: only then is it worth a `.bak`. */
  #diskIsGood = false;
  #queue: Promise<unknown> = Promise.resolve();

  constructor(home: string, options: SettingsStoreOptions = {}) {
    this.home = home;
    this.path = join(home, SETTINGS_FILE);
    this.#now = options.now ?? (() => new Date());
    this.#writeOps = options.writeOps;
  }

  get backupPath(): string {
    return `${this.path}.bak`;
  }

  /** The settings in memory; loads defaults (without touching disk) if load() was never called. */
  get settings(): Settings {
    return structuredClone(this.current);
  }

  /**
   * The settings in memory without copying them, for hot paths (the engine reads the watchlist on
   * every poll; cloning a 1,000-vendor document each time was a measurable share of a cycle).
   * Shared and replaced whole on every update: read it, never mutate it.
   */
  get current(): Readonly<Settings> {
    return (this.#settings ??= defaultSettings(this.#nowIso()));
  }

  async load(): Promise<LoadResult> {
    let bytes: Buffer;
    try {
      bytes = await readFile(this.path);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      const settings = defaultSettings(this.#nowIso());
      this.#settings = settings;
      if (code === 'ENOENT') {
        await this.#write(settings).catch(() => undefined);
        return { settings: structuredClone(settings), problems: [], message: null, backupPath: null, source: 'defaults' };
      }
      // Unreadable but maybe fine (permissions): leave it alone, say so.
      const problem = `could not read ${this.path} (${code ?? String(error)})`;
      return { settings: structuredClone(settings), problems: [problem], message: `Settings: ${problem}; using defaults for this session.`, backupPath: null, source: 'defaults' };
    }
    let raw: unknown;
    try {
      raw = JSON.parse(bytes.toString('utf8').replace(/^\uFEFF/, ''));
    } catch (error) {
      return this.#recoverFrom(bytes, `is not valid JSON (${(error as Error).message})`);
    }
    const salvaged = salvageSettings(raw);
    if (!salvaged) return this.#recoverFrom(bytes, 'does not hold a settings object');
    this.#settings = salvaged.settings;
    if (salvaged.problems.length === 0) {
      this.#diskIsGood = true;
      return { settings: structuredClone(salvaged.settings), problems: [], message: null, backupPath: null, source: 'file' };
    }
    const backupPath = await this.#keepBroken(bytes);
    await this.#write(salvaged.settings).catch(() => undefined);
    const n = salvaged.problems.length;
    const message = `Settings file ${this.path} had ${n} invalid ${n === 1 ? 'entry' : 'entries'}: `
      + `${summarise(salvaged.problems)}. Nothing else is lost`
      + (backupPath ? `; the original file was kept as ${basename(backupPath)}.` : '.');
    return { settings: structuredClone(salvaged.settings), problems: salvaged.problems, message, backupPath, source: 'repaired' };
  }

  /**
   * Applies a change and writes it. The result is validated first (schema, known adapters, unique
   * ids): an invalid change is refused and nothing is written. A failed write leaves both the file
   * and the in-memory settings as they were.
   */
  update(mutator: (draft: Settings) => Settings | void): Promise<ApiResult<Settings>> {
    const run = async (): Promise<ApiResult<Settings>> => {
      const draft = this.settings;
      const changed = mutator(draft) ?? draft;
      const parsed = settingsSchema.safeParse(changed);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        return fail('invalid_request', `Settings not saved: ${issue ? `${issue.path.join('.')}: ${issue.message}` : 'invalid'}.`);
      }
      const ids = new Set<string>();
      for (const vendor of parsed.data.watchlist) {
        const problem = vendorProblem(vendor) ?? (ids.has(vendor.id) ? `"${vendor.id}" is listed twice` : undefined);
        if (problem) return fail('invalid_request', `Settings not saved: ${vendor.name}: ${problem}.`);
        ids.add(vendor.id);
      }
      try {
        await this.#write(parsed.data);
      } catch (error) {
        return fail('unavailable', `Settings not saved: could not write ${this.path} (${(error as Error).message}).`);
      }
      this.#settings = parsed.data;
      return ok(structuredClone(parsed.data));
    };
    const next = this.#queue.then(run, run);
    this.#queue = next;
    return next;
  }

  listVendors(): WatchedVendor[] {
    return this.settings.watchlist;
  }

  /** Adds a catalogue vendor (by id, name or URL) or a detected source; a vendor already watched is a conflict. */
  async addVendor(idOrSource: string | VendorSource): Promise<ApiResult<WatchedVendor>> {
    const source = resolveSource(idOrSource);
    if (!source.ok) return source;
    const next = addToWatchlist(this.settings, source.value, this.#nowIso());
    if (!next.ok) return next;
    const saved = await this.update(() => next.value);
    if (!saved.ok) return saved;
    return ok(saved.value.watchlist.find((v) => v.id === source.value.id) as WatchedVendor);
  }

  async removeVendor(id: string): Promise<ApiResult<WatchedVendor>> {
    const current = this.settings;
    const removed = current.watchlist.find((v) => v.id === id);
    const next = removeFromWatchlist(current, id);
    if (!next.ok) return next;
    if (!removed) return fail('not_found', `"${id}" is not on the watchlist.`);
    const saved = await this.update(() => next.value);
    return saved.ok ? ok(removed) : saved;
  }

  exportWatchlist(): WatchlistExport {
    return exportWatchlist(this.settings);
  }

  /** Imports a watchlist file's text; a file that is not one changes nothing. */
  async importWatchlist(text: string): Promise<ApiResult<ImportReport>> {
    const merged = importWatchlist(this.settings, text, this.#nowIso());
    if (!merged.ok) return merged;
    if (merged.value.report.added.length === 0) return ok(merged.value.report);
    const saved = await this.update(() => merged.value.settings);
    return saved.ok ? ok(merged.value.report) : saved;
  }

  #nowIso(): string {
    return this.#now().toISOString();
  }

  /** Unreadable file: keep its bytes, then fall back to the previous good copy, then to defaults. */
  async #recoverFrom(bytes: Buffer, what: string): Promise<LoadResult> {
    const backupPath = await this.#keepBroken(bytes);
    const kept = backupPath ? ` It was kept as ${basename(backupPath)}` : ' It could not be copied aside';
    const previous = await this.#readPreviousCopy();
    if (previous) {
      this.#settings = previous;
      await this.#write(previous).catch(() => undefined);
      const message = `Settings file ${this.path} ${what}.${kept}; the previous good copy (${basename(this.backupPath)}) was loaded instead.`;
      return { settings: structuredClone(previous), problems: [what], message, backupPath, source: 'previous-copy' };
    }
    const settings = defaultSettings(this.#nowIso());
    this.#settings = settings;
    await this.#write(settings).catch(() => undefined);
    const message = `Settings file ${this.path} ${what}.${kept}; default settings were loaded.`;
    return { settings: structuredClone(settings), problems: [what], message, backupPath, source: 'defaults' };
  }

  async #readPreviousCopy(): Promise<Settings | undefined> {
    try {
      const salvaged = salvageSettings(JSON.parse((await readFile(this.backupPath, 'utf8')).replace(/^\uFEFF/, '')));
      return salvaged && salvaged.problems.length === 0 ? salvaged.settings : undefined;
    } catch {
      return undefined;
    }
  }

  /** Copies the original bytes to `config.json.corrupt-<time>` (never overwriting an earlier one). */
  async #keepBroken(bytes: Buffer): Promise<string | null> {
    const stamp = this.#nowIso().replace(/[:.]/g, '-');
    for (let n = 0; n < 100; n++) {
      const candidate = `${this.path}.corrupt-${stamp}${n === 0 ? '' : `-${n}`}`;
      try {
        await writeFile(candidate, bytes, { flag: 'wx' });
        return candidate;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') return null;
      }
    }
    return null;
  }

  async #write(settings: Settings): Promise<void> {
    await mkdir(this.home, { recursive: true });
    if (this.#diskIsGood) await copyFile(this.path, this.backupPath).catch(() => undefined);
    // Tab indentation, as conf/electron-store serialise: the same file reads the same in both.
    await writeFileAtomic(this.path, JSON.stringify(settings, null, '\t'), this.#writeOps);
    this.#diskIsGood = true;
  }
}

function summarise(problems: readonly string[]): string {
  const shown = problems.slice(0, SHOWN_PROBLEMS).join('; ');
  return problems.length > SHOWN_PROBLEMS ? `${shown}; and ${problems.length - SHOWN_PROBLEMS} more` : shown;
}
