import { builtinModules } from 'node:module';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = (path: string): string => fileURLToPath(new URL(path, import.meta.url));

/**
 * The desktop shell's bundles, one build each (`--mode main`, `--mode preload`) so each is ONE
 * self-contained file: dist-electron/main.cjs (the main process) and preload.cjs. A sandboxed
 * preload may require nothing but Electron's own modules, so no chunk may be shared between them;
 * a bundled main starts faster. Electron and Node's built-ins stay external.
 */
export default defineConfig(({ mode }) => {
  const entry = mode === 'preload' ? 'preload' : 'main';
  return {
    build: {
      outDir: here('../dist-electron'),
      emptyOutDir: false,
      sourcemap: false,
      minify: false,
      target: 'node22',
      ssr: true,
      lib: {
        entry: { [entry]: here(`${entry}/index.ts`) },
        formats: ['cjs'],
        fileName: (_format, name) => `${name}.cjs`,
      },
      rolldownOptions: {
        external: ['electron', /^node:/, ...builtinModules],
      },
    },
    ssr: { noExternal: true },
  };
});
