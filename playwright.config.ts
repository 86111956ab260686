import { defineConfig } from '@playwright/test';
import { e2ePort, e2eServerCommand, e2eServerEnv } from './e2e/support/web-server';

// Browser tests run against a production build of the app on the test database (DATABASE_URL,
// set by `npm test`), in Debian's Chromium: Playwright's own browser builds cannot be downloaded here.
const SEEDED_DATA_SPECS = ['home.spec.ts', 'leads-list.spec.ts', 'projections.spec.ts'];

export default defineConfig({
  testDir: 'e2e',
  outputDir: process.env.PLAYWRIGHT_OUTPUT_DIR ?? 'test-results',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 30_000,
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${e2ePort}`,
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    },
  },
  // The specs that count the seeded demo leads run first, before the others add leads of their own.
  projects: [
    { name: 'seeded data', testMatch: SEEDED_DATA_SPECS },
    { name: 'workspace', testIgnore: SEEDED_DATA_SPECS, dependencies: ['seeded data'] },
  ],
  webServer: {
    command: e2eServerCommand,
    url: `http://127.0.0.1:${e2ePort}`,
    env: e2eServerEnv,
    timeout: 300_000,
    reuseExistingServer: false,
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
