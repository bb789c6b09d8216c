import { defineConfig } from '@playwright/test';
import { chromiumPath } from './support/browser.ts';

/**
 * End-to-end tests: the real `upstream serve` in a child process, Debian's Chromium driven by
 * Playwright (Playwright's own browser download is not possible here). Each spec starts its own
 * serve and loopback fixture servers, so specs run in parallel safely.
 */
export default defineConfig({
  testDir: '.',
  testMatch: '**/*.spec.ts',
  outputDir: '../../test-results/e2e',
  timeout: 90_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: process.env.CI ? 2 : 2,
  retries: 0,
  reporter: process.env.CI ? [['list']] : [['list']],
  use: {
    browserName: 'chromium',
    launchOptions: {
      executablePath: chromiumPath(),
      // Debian's Chromium as root needs --no-sandbox; the background-networking flags stop it
      // from calling Google's servers, which a closed network refuses one by one.
      args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
    },
    viewport: { width: 1280, height: 860 },
    timezoneId: 'Europe/Berlin',
    locale: 'en-US',
    trace: 'off',
  },
});
