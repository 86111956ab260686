import path from 'node:path';
import { defineConfig } from 'vitest/config';

const alias = {
  '@': path.resolve(import.meta.dirname),
  // Server-only modules are imported by integration tests, which run on the server by definition.
  'server-only': path.resolve(import.meta.dirname, 'lib/testing/server-only-stub.ts'),
};

export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      { resolve: { alias }, test: { name: 'unit', include: ['{lib,app,components}/**/*.unit.test.ts'], environment: 'node' } },
      {
        resolve: { alias },
        test: {
          name: 'int',
          include: ['{lib,app,scripts}/**/*.int.test.ts'],
          environment: 'node',
          setupFiles: ['lib/testing/require-database.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
          // Integration files share one database; each test uses fresh ids, files run one at a time
          // so timing-sensitive tests (gap safety, concurrency) are not starved of the two cores.
          fileParallelism: false,
        },
      },
    ],
  },
});
