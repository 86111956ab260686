// Runs once when a Leadstream server process starts: record each connection's peer address for the
// login limit (lib/limits/peer-address.ts), and keep the async read models up to date from inside
// the app (set LEADSTREAM_PROJECTOR=off to leave that to `npm run projector` processes).
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  (await import('./lib/limits/peer-address')).recordPeerAddresses();
  if (process.env.LEADSTREAM_PROJECTOR === 'off') return;
  const { startBackgroundProjector } = await import('./lib/system/background-projector');
  startBackgroundProjector();
}
