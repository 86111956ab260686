import { defineConfig } from '@playwright/test';

// Browser tests run against a production build of the app on the test database (DATABASE_URL,
// set by `npm test`), in Debian's Chromium: Playwright's own browser builds cannot be downloaded here.
const port = Number(process.env.E2E_PORT ?? 3100);
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
    baseURL: `http://127.0.0.1:${port}`,
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
    command: `tsx scripts/seed.ts && next build && next start --port ${port}`,
    url: `http://127.0.0.1:${port}`,
    env: {
      DEMO_LEADS: '60',
      NEXT_TELEMETRY_DISABLED: '1',
      BETTER_AUTH_SECRET: 'e2e-secret-not-for-production-0123456789',
      BETTER_AUTH_URL: `http://127.0.0.1:${port}`,
      // Every browser test logs in from 127.0.0.1: the per-client login limit would stop the suite.
      LEADSTREAM_LOGIN_ATTEMPTS: '1000',
      // The System page's lag alert, reached within a test.
      LEADSTREAM_LAG_ALERT_SECONDS: '2',
      // The dialing loop's tests let hours pass by saying the time (lib/clock.ts): never in production.
      LEADSTREAM_CLOCK: 'adjustable',
    },
    timeout: 300_000,
    reuseExistingServer: false,
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
