import { open, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/** The file operations an atomic write needs; a parameter so tests can make one of them fail. */
export interface AtomicWriteOps {
  rename: (from: string, to: string) => Promise<void>;
}

const DEFAULT_OPS: AtomicWriteOps = { rename };

/**
 * Writes a whole file or nothing: temp file in the same folder, fsync, rename over the target,
 * fsync the folder. A crash or a full disk mid-write leaves the previous file intact, never a
 * half-written settings file that would then load as "corrupt". The temp file is removed on failure.
 */
export async function writeFileAtomic(path: string, text: string, ops: AtomicWriteOps = DEFAULT_OPS): Promise<void> {
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.${Date.now()}.tmp`);
  try {
    const handle = await open(temp, 'w', 0o600);
    try {
      await handle.writeFile(text, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    await ops.rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
  await syncFolder(dirname(path));
}

/** Makes the rename itself durable. Windows cannot open a folder for fsync; NTFS journals the rename. */
async function syncFolder(folder: string): Promise<void> {
  if (process.platform === 'win32') return;
  try {
    const handle = await open(folder, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // Some filesystems (network mounts) refuse a folder fsync; the data itself was already synced.
  }
}
