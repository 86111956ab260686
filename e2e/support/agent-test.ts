import path from 'node:path';
import { test as base } from '@playwright/test';
import { logIn, USERS } from './auth';

/** `test` with an agent logged in: one login per worker, kept as a storage state (the login page is rate limited). */
export const test = base.extend<object, { agentSession: string }>({
  agentSession: [
    async ({ browser }, use, info) => {
      const page = await browser.newPage({ baseURL: info.project.use.baseURL });
      await logIn(page, USERS.agent);
      const file = path.join(info.project.outputDir, `${path.basename(info.config.configFile ?? 'e2e')}-agent-${info.workerIndex}.json`);
      await page.context().storageState({ path: file });
      await page.close();
      await use(file);
    },
    { scope: 'worker' },
  ],
  storageState: ({ agentSession }, use) => use(agentSession),
});
