// Playwright drives Debian's Chromium: the browser builds Playwright downloads are not reachable
// from these machines. Installs it with apt when missing (CI and new machines run as root).
import fs from 'node:fs';
import { spawnSync } from 'node:child_process';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export function ensureChromium(): void {
  if (fs.existsSync(CHROMIUM)) return;
  console.log('Chromium is missing: installing Debian\'s chromium package ...');
  const asRoot = process.getuid?.() === 0 ? [] : ['sudo'];
  for (const args of [['apt-get', 'update', '-qq'], ['apt-get', 'install', '-y', '-qq', 'chromium']]) {
    const [command, ...rest] = [...asRoot, ...args];
    const result = spawnSync(command!, rest, { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
    if (result.status !== 0) throw new Error(`Could not install Chromium (${args.join(' ')} failed)`);
  }
}
