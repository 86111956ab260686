// How long phone geography and calling hours take, per call: a number looked up for the first time
// (the data file read and decoded) and again (cached), and calling hours open, closed with the next
// opening to find, and closed in three zones. No database.
//   npx tsx --conditions=react-server bench/dialing.ts
import { windowAt, windowInZones } from '@/lib/dialing/calling-hours';
import { phoneGeography } from '@/lib/dialing/phone-geography';
import type { CallingHours } from '@/lib/dialing/rules';

async function perCall(label: string, runs: number, call: (run: number) => unknown) {
  for (let run = 0; run < Math.min(runs, 50); run++) await call(run + runs); // warm up
  const started = performance.now();
  for (let run = 0; run < runs; run++) await call(run);
  console.log(`${label.padEnd(52)} ${((performance.now() - started) / runs).toFixed(3)} ms`);
}

const digits = (run: number, length: number) => String(1_000_000 + run * 7919).slice(-length);
await perCall('geography, US number, first lookup of its prefix', 30, (run) => phoneGeography(`+1305${digits(run, 4)}000`));
await perCall('geography, UK number, first lookup of its prefix', 30, (run) => phoneGeography(`+4420${digits(run, 4)}0000`));
await perCall('geography, cached', 5_000, () => phoneGeography('+13055551234'));

const hours: CallingHours = { days: [1, 2, 3, 4, 5, 6], from: '08:00', to: '21:00' };
await perCall('calling hours open', 20_000, () => windowAt(hours, 'America/New_York', new Date('2026-06-01T15:00:00Z')));
await perCall('calling hours closed, next opening two days on', 5_000, () => windowAt(hours, 'America/New_York', new Date('2026-06-06T03:00:00Z')));
await perCall('calling hours closed in three zones, first opening in all', 2_000, () =>
  windowInZones(hours, ['Europe/London', 'America/New_York', 'America/Los_Angeles'], new Date('2026-06-06T03:00:00Z')));
