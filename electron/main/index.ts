import { startDesktop } from './app.ts';
import { electronShell } from './electron-facade.ts';

/** The desktop app's entry (bundled to dist-electron/main.cjs by `npm run build`). */
startDesktop(electronShell(), { hidden: process.argv.includes('--hidden') }).catch((error: unknown) => {
  console.error('upstream: the desktop app could not start:', error);
  process.exit(1);
});
