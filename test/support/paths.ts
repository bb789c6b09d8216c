import { fileURLToPath } from 'node:url';
import { dirname, resolve } from 'node:path';

/** The checkout's root. (From a string: under jsdom, `URL` is jsdom's, which node:url refuses.) */
export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
/** ../shared beside the checkout: real captured fixtures, read in place, never copied. */
export const SHARED_DIR = resolve(REPO_ROOT, '../shared');
export const SHARED_FIXTURES = resolve(SHARED_DIR, 'fixtures');
export const SHARED_REFERENCE = resolve(SHARED_DIR, 'reference');
/** Fixtures we wrote ourselves (bad input, documented shapes of uncaptured platforms). */
export const OWN_FIXTURES = resolve(REPO_ROOT, 'test/fixtures');
