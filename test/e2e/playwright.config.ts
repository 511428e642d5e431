import { defineConfig } from '@playwright/test';
import path from 'node:path';

const repoRoot = path.resolve(__dirname, '../..');

/**
 * Browser end-to-end tests against the product exactly as `make start` runs it (simulator,
 * backend, frontend), driven in the machine's Chromium: no browser download is needed or possible.
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
    url: 'http://localhost:3000',
    // A developer's running `make start` is reused; CI always starts a fresh product.
    reuseExistingServer: !process.env.CI,
    // The first frontend build on two cores takes a while.
    timeout: 300_000,
    stdout: 'pipe',
    stderr: 'pipe',
    gracefulShutdown: { signal: 'SIGTERM', timeout: 10_000 },
  },
  use: {
    baseURL: 'http://localhost:3000',
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
