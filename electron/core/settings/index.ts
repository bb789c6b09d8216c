/** Settings: one validated JSON document per home folder, shared by the Electron app and the headless daemon. */
export { SettingsStore, SETTINGS_FILE, defaultSettings, type LoadResult, type SettingsStoreOptions } from './file-store.ts';
export { resolveHome, PRODUCT_NAME, type HomeInputs } from './home.ts';
export { exportWatchlist, importWatchlist, vendorProblem, type ImportReport } from './watchlist.ts';
export { salvageSettings, type SalvageResult } from './salvage.ts';
