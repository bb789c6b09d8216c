import { copyFile, mkdir, readFile, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import lockfile from 'proper-lockfile';
import type { ApiFailure, ApiResult } from '../../../shared/contract/result.ts';
import { fail, ok } from '../../../shared/contract/result.ts';
import type { Settings, WatchedVendor, WatchlistExport } from '../../../shared/contract/settings.ts';
import { emptySettings } from '../../../shared/contract/settings.ts';
import type { VendorSource } from '../../../shared/model/index.ts';
import { DEFAULT_WATCHLIST, findCatalogEntry } from '../catalog/index.ts';
import type { AtomicWriteOps } from './atomic-write.ts';
import { writeFileAtomic } from './atomic-write.ts';
import { keepBrokenCopy } from './broken-copy.ts';
import { checkSettings, readSettingsText, summariseProblems } from './settings-text.ts';
import type { ImportReport } from './watchlist.ts';
import {
  addToWatchlist, exportWatchlist, importWatchlist, removeFromWatchlist, resolveSource, toWatched,
} from './watchlist.ts';

/** conf / electron-store keep their document at `<cwd>/config.json`; so do we, so either can read it. */
export const SETTINGS_FILE = 'config.json';

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
  /**
   * False for a scratch store that never touches disk (an empty watchlist in memory): what
   * `upstream check` uses, since reading one page needs no home folder.
   */
  persist?: boolean;
}

/**
 * What the store tells its listeners: new settings in force (written by this process, by another
 * one, or by hand), or a change on disk that was refused because the file does not hold valid
 * settings (the previous settings stay in force and the file is left as the person wrote it).
 */
export type SettingsChange =
  | { type: 'changed'; settings: Readonly<Settings>; origin: 'this-process' | 'disk' }
  | { type: 'refused'; message: string };

/**
 * A change to the settings: edit the draft (or return a replacement), or return a failure to
 * abort without writing. It runs on the file's latest content, under the lock.
 */
export type SettingsMutator = (draft: Settings) => Settings | void | ApiFailure;

/** How long another process may hold the settings lock before it counts as crashed. */
const LOCK_STALE_MS = 10_000;

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
 * One store per process; writes are serialised through a queue, and across processes through a
 * lock file: each write re-reads the file under the lock and applies its change to what is there,
 * so the tray app, a daemon and `upstream watch add` in another shell never lose each other's
 * change. `watch()` notices edits made elsewhere (by another process or by hand) within a second.
 */
export class SettingsStore {
  readonly home: string;
  readonly path: string;
  readonly #now: () => Date;
  readonly #writeOps: AtomicWriteOps | undefined;
  readonly #persist: boolean;
  #settings: Settings | undefined;
  /** Whether the file on disk is one we loaded cleanly or wrote: only then is it worth a `.bak`. */
  #diskIsGood = false;
  #queue: Promise<unknown> = Promise.resolve();
  /** The file's text as last read or written: anything else on disk was changed elsewhere. */
  #lastText: string | null = null;
  /** Broken text already reported, so a half-finished hand edit is said once, not every second. */
  #refusedText: string | null = null;
  readonly #listeners = new Set<(change: SettingsChange) => void>();

  constructor(home: string, options: SettingsStoreOptions = {}) {
    this.home = home;
    this.path = join(home, SETTINGS_FILE);
    this.#now = options.now ?? (() => new Date());
    this.#writeOps = options.writeOps;
    this.#persist = options.persist ?? true;
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
    if (!this.#persist) {
      this.#settings = emptySettings();
      return { settings: emptySettings(), problems: [], message: null, backupPath: null, source: 'defaults' };
    }
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
    this.#lastText = bytes.toString('utf8');
    const salvaged = readSettingsText(this.#lastText);
    if (!salvaged.ok) return this.#recoverFrom(bytes, salvaged.problem);
    this.#settings = salvaged.settings;
    if (salvaged.problems.length === 0) {
      this.#diskIsGood = true;
      return { settings: structuredClone(salvaged.settings), problems: [], message: null, backupPath: null, source: 'file' };
    }
    const backupPath = await this.#keepBroken(bytes);
    await this.#write(salvaged.settings).catch(() => undefined);
    const n = salvaged.problems.length;
    const message = `Settings file ${this.path} had ${n} invalid ${n === 1 ? 'entry' : 'entries'}: `
      + `${summariseProblems(salvaged.problems)}. Nothing else is lost`
      + (backupPath ? `; the original file was kept as ${basename(backupPath)}.` : '.');
    return { settings: structuredClone(salvaged.settings), problems: salvaged.problems, message, backupPath, source: 'repaired' };
  }

  /**
   * Applies a change and writes it. The result is validated first (schema, known adapters, unique
   * ids): an invalid change is refused and nothing is written. A failed write leaves both the file
   * and the in-memory settings as they were.
   */
  update(mutator: SettingsMutator): Promise<ApiResult<Settings>> {
    const run = async (): Promise<ApiResult<Settings>> => {
      if (!this.#persist) return this.#applyAndWrite(mutator);
      let release: (() => Promise<void>) | undefined;
      try {
        await mkdir(this.home, { recursive: true });
        release = await lockfile.lock(this.path, {
          realpath: false, stale: LOCK_STALE_MS, lockfilePath: `${this.path}.lock`,
          retries: { retries: 200, minTimeout: 10, maxTimeout: 100, randomize: true },
        });
      } catch (error) {
        return fail('unavailable', `Settings not saved: ${this.path} is locked by another process (${(error as Error).message}).`);
      }
      try {
        // Another process (or a person) may have changed the file since we read it: start from there.
        const disk = await this.#catchUpWithDisk();
        // A broken hand edit is about to be replaced: keep the person's text beside the file first.
        if (disk === 'refused' && this.#refusedText !== null) await this.#keepBroken(Buffer.from(this.#refusedText));
        return await this.#applyAndWrite(mutator);
      } finally {
        await release().catch(() => undefined);
      }
    };
    const next = this.#queue.then(run, run);
    this.#queue = next;
    return next;
  }

  /** Validate a change and write it; the caller holds the lock. */
  async #applyAndWrite(mutator: SettingsMutator): Promise<ApiResult<Settings>> {
    const draft = this.settings;
    const returned = mutator(draft);
    if (returned && 'ok' in returned) return returned;
    const checked = checkSettings(returned ?? draft);
    if (!checked.ok) return checked;
    try {
      await this.#write(checked.value);
    } catch (error) {
      return fail('unavailable', `Settings not saved: could not write ${this.path} (${(error as Error).message}).`);
    }
    this.#settings = checked.value;
    this.#emit({ type: 'changed', settings: checked.value, origin: 'this-process' });
    return ok(structuredClone(checked.value));
  }

  /**
   * Hear about every change: this process's updates and edits made elsewhere (once `watch()` runs).
   * Returns the unsubscribe function.
   */
  subscribe(listener: (change: SettingsChange) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /**
   * Re-read the file now. A valid change made elsewhere is applied and announced; an invalid one
   * (a half-finished hand edit, a bad value) is refused: the settings in force stay, the file is
   * left untouched for the person to fix, and the refusal is announced once per distinct text.
   */
  reload(): Promise<unknown> {
    const run = () => this.#catchUpWithDisk();
    const next = this.#queue.then(run, run);
    this.#queue = next;
    return next;
  }

  /**
   * Notice edits made elsewhere: checks the file's identity (size, mtime, inode) every `intervalMs`
   * and re-reads it when that changes. Polling, not fs.watch: an atomic rename replaces the file
   * fs.watch was watching, and network home folders send no events at all. Returns the stop function.
   */
  watch(intervalMs = 1_000): () => void {
    if (!this.#persist) return () => undefined;
    let seen = '';
    let busy = false;
    const check = async (): Promise<void> => {
      if (busy) return;
      busy = true;
      try {
        const st = await stat(this.path).catch(() => null);
        const id = st ? `${st.size}:${st.mtimeMs}:${st.ino}` : 'missing';
        if (id !== seen) {
          seen = id;
          if (st) await this.reload();
        }
      } finally {
        busy = false;
      }
    };
    void check();
    const timer = setInterval(() => void check(), intervalMs);
    timer.unref?.();
    return () => clearInterval(timer);
  }

  /** Adopt the file's current content when it changed elsewhere and is valid; report it when not. */
  async #catchUpWithDisk(): Promise<'same' | 'adopted' | 'refused' | 'missing'> {
    let text: string;
    try {
      text = await readFile(this.path, 'utf8');
    } catch {
      return 'missing'; // or unreadable: the next write recreates it
    }
    if (text === this.#lastText) return 'same';
    if (text === this.#refusedText) return 'refused';
    const salvaged = readSettingsText(text);
    const problem = !salvaged.ok ? salvaged.problem : salvaged.problems.length > 0 ? `has ${summariseProblems(salvaged.problems)}` : null;
    if (!salvaged.ok || problem !== null) {
      this.#refusedText = text;
      this.#emit({ type: 'refused', message: `Settings file ${this.path} was changed but ${problem}. The change was not applied; the previous settings stay in force until the file is fixed.` });
      return 'refused';
    }
    this.#lastText = text;
    this.#refusedText = null;
    this.#diskIsGood = true;
    this.#settings = salvaged.settings;
    this.#emit({ type: 'changed', settings: salvaged.settings, origin: 'disk' });
    return 'adopted';
  }

  #emit(change: SettingsChange): void {
    for (const listener of this.#listeners) {
      try {
        listener(change);
      } catch {
        // A listener's bug must not break a settings write.
      }
    }
  }

  listVendors(): WatchedVendor[] {
    return this.settings.watchlist;
  }

  /** Adds a catalogue vendor (by id, name or URL) or a detected source; a vendor already watched is a conflict. */
  async addVendor(idOrSource: string | VendorSource): Promise<ApiResult<WatchedVendor>> {
    const source = resolveSource(idOrSource);
    if (!source.ok) return source;
    const saved = await this.update((draft) => {
      const next = addToWatchlist(draft, source.value, this.#nowIso());
      return next.ok ? next.value : next;
    });
    if (!saved.ok) return saved;
    return ok(saved.value.watchlist.find((v) => v.id === source.value.id) as WatchedVendor);
  }

  async removeVendor(id: string): Promise<ApiResult<WatchedVendor>> {
    let removed: WatchedVendor | undefined;
    const saved = await this.update((draft) => {
      removed = draft.watchlist.find((v) => v.id === id);
      if (!removed) return fail('not_found', `"${id}" is not on the watchlist.`);
      const next = removeFromWatchlist(draft, id);
      return next.ok ? next.value : next;
    });
    return saved.ok && removed ? ok(removed) : saved.ok ? fail('not_found', `"${id}" is not on the watchlist.`) : saved;
  }

  exportWatchlist(): WatchlistExport {
    return exportWatchlist(this.settings);
  }

  /** Imports a watchlist file's text; a file that is not one changes nothing. */
  async importWatchlist(text: string): Promise<ApiResult<ImportReport>> {
    let report: ImportReport | undefined;
    const saved = await this.update((draft) => {
      const merged = importWatchlist(draft, text, this.#nowIso());
      if (!merged.ok) return merged;
      report = merged.value.report;
      // Nothing new: no write (and no change announced).
      return report.added.length === 0 ? fail('conflict', 'nothing to import') : merged.value.settings;
    });
    if (report && (saved.ok || report.added.length === 0)) return ok(report);
    return saved.ok ? fail('internal', 'import produced no report') : saved;
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
    const text = await readFile(this.backupPath, 'utf8').catch(() => null);
    const salvaged = text === null ? null : readSettingsText(text);
    return salvaged?.ok && salvaged.problems.length === 0 ? salvaged.settings : undefined;
  }

  #keepBroken(bytes: Buffer): Promise<string | null> {
    return keepBrokenCopy(this.path, bytes, this.#nowIso());
  }

  async #write(settings: Settings): Promise<void> {
    if (!this.#persist) return;
    await mkdir(this.home, { recursive: true });
    if (this.#diskIsGood) await copyFile(this.path, this.backupPath).catch(() => undefined);
    // Tab indentation, as conf/electron-store serialise: the same file reads the same in both.
    const text = JSON.stringify(settings, null, '\t');
    await writeFileAtomic(this.path, text, this.#writeOps);
    this.#lastText = text;
    this.#refusedText = null;
    this.#diskIsGood = true;
  }
}
