import { defineConfig } from '@playwright/test';
import path from 'node:path';

const repoRoot = path.resolve(__dirname, '../..');

/**
 * Browser end-to-end tests against the product exactly as `make start` runs it (simulators and
 * the backend serving the built frontend at :7007), driven in the machine's Chromium: no browser
 * download is needed or possible.
 */
export default defineConfig({
  testDir: __dirname,
  testMatch: '**/*.e2e.ts',
  outputDir: path.join(__dirname, 'results'),
  timeout: 120_000,
  expect: { timeout: 30_000 },
  // One product instance, one browser: the machine has two cores.
  workers: 1,
  fullyParallel: false,
  forbidOnly: !!process.env.CI,
  retries: 0,
  reporter: [['list']],
  webServer: {
    command: path.join(repoRoot, 'scripts/start.sh'),
    cwd: repoRoot,
    // The app's page rather than the readiness endpoint: a `make dev` backend is ready too but
    // serves no frontend (404) unless an earlier `make start` built one.
    url: 'http://localhost:7007/',
    // A developer's running `make start` is reused; CI always starts a fresh product.
    reuseExistingServer: !process.env.CI,
    // The frontend build (skipped when its sources did not change) and the backend's start on a
    // loaded two-core machine; start.sh gives up on its own after 300 s of backend start.
    timeout: 420_000,
    stdout: 'pipe',
    stderr: 'pipe',
    gracefulShutdown: { signal: 'SIGTERM', timeout: 10_000 },
  },
  use: {
    baseURL: 'http://localhost:7007',
    viewport: { width: 1440, height: 900 },
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: process.env.ZEROOPS_CHROMIUM ?? '/usr/bin/chromium',
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
      ],
    },
  },
});
