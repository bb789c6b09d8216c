import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/**
 * The renderer's bundle: one HTML page, hashed assets under assets/, no inline script or style
 * (the CSP of `upstream serve` and of the Electron window allows 'self' only), relative URLs so
 * the same files load from http://127.0.0.1 and from Electron's app:// protocol.
 */
export default defineConfig({
  // This folder, whatever the working directory (Vite gives a config its own import.meta.dirname).
  root: import.meta.dirname,
  base: './',
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: false,
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
    target: 'chrome120',
  },
});
