// ESLint flat config. The import fences below are the house's layering rules (see README):
// shared/ imports nothing of ours, electron/core never imports Electron, renderer never imports
// Node or electron/ code. Relaxing them breaks the headless build or the renderer sandbox.
import tseslint from 'typescript-eslint';

const nodeBuiltins = ['node:*', 'fs', 'path', 'os', 'child_process', 'http', 'https', 'net', 'crypto', 'url', 'stream', 'util', 'events', 'zlib', 'worker_threads'];

export default tseslint.config(
  { ignores: ['node_modules/**', 'dist/**', 'dist-electron/**', 'release/**', 'renderer/dist/**', 'test-results/**', 'playwright-report/**'] },
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts', '**/*.tsx'],
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [
        { group: ['**/electron/**', '**/renderer/**', 'electron'], message: 'shared/ imports nothing of ours: it is the bottom layer.' },
        { group: nodeBuiltins, message: 'shared/ must run in the renderer too: no Node built-ins.' },
      ] }],
    },
  },
  {
    files: ['electron/core/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [
        { group: ['electron', 'electron/*'], message: 'electron/core runs in plain Node (headless): never import Electron.' },
        { group: ['**/main/**', '**/headless/**', '**/preload/**', '**/renderer/**'], message: 'Arrows point inward: the engine never imports a face.' },
      ] }],
    },
  },
  {
    // The desktop shell reaches Electron through one module (the facade), so every decision stays
    // testable without it; only the facade, the entry and the preload may import Electron.
    files: ['electron/main/**/*.ts'],
    ignores: ['electron/main/electron-facade.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [
        { group: ['electron', 'electron/*', 'electron-store'], message: 'Only electron/main/electron-facade.ts talks to Electron: add what you need to the facade.' },
      ] }],
    },
  },
  {
    files: ['renderer/**/*.ts', 'renderer/**/*.tsx'],
    // The bundler's config runs in Node at build time, not in the page.
    ignores: ['renderer/vite.config.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [
        { group: ['electron', '**/electron/**'], message: 'The renderer talks to the engine only through shared/contract.' },
        { group: nodeBuiltins, message: 'The renderer is sandboxed: no Node built-ins.' },
      ] }],
    },
  },
);
