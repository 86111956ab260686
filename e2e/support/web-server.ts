// The app the browser tests run against: a production build on the test database, served on
// E2E_PORT. `npm test` makes the build beside the Vitest run and says so with E2E_BUILT=1; run alone,
// `playwright test` builds it first.

export const e2ePort = Number(process.env.E2E_PORT ?? 3100);

/** What the browser tests' server is started, and built, with (besides DATABASE_URL). */
export const e2eServerEnv: Record<string, string> = {
  DEMO_LEADS: '60',
  NEXT_TELEMETRY_DISABLED: '1',
  BETTER_AUTH_SECRET: 'e2e-secret-not-for-production-0123456789',
  BETTER_AUTH_URL: `http://127.0.0.1:${e2ePort}`,
  // Every browser test logs in from 127.0.0.1: the per-client login limit would stop the suite.
  LEADSTREAM_LOGIN_ATTEMPTS: '1000',
  // The System page's lag alert, reached within a test.
  LEADSTREAM_LAG_ALERT_SECONDS: '2',
  // The dialing loop's tests let hours pass by saying the time (lib/clock.ts): never in production.
  LEADSTREAM_CLOCK: 'adjustable',
};

export const e2eServerCommand = `tsx scripts/seed.ts && ${process.env.E2E_BUILT === '1' ? '' : 'next build && '}next start --port ${e2ePort}`;
