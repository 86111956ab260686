import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

// Scripts (seed, projector, rebuild) load the composition root under plain Node, where a module
// marked 'server-only' throws on import: nothing the root reaches may carry that mark.
describe('the composition root under plain Node', () => {
  it('loads, as the seed, projector and rebuild scripts load it', async () => {
    const root = path.resolve(import.meta.dirname, '..', '..');
    const load = `await import('./lib/system/index.ts'); await import('./lib/demo/seed-demo.ts'); console.log('loaded')`;
    const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', load], { cwd: root, env: { ...process.env, DATABASE_URL: 'postgresql://nobody@127.0.0.1:1/none' } });
    expect(stdout.trim()).toBe('loaded');
  }, 30_000);
});
