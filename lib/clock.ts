import 'server-only';
// The time a request happens at. In production, the server's clock. Browser tests of the dialing
// loop must see hours pass without waiting for them: when the server runs with
// LEADSTREAM_CLOCK=adjustable (the test server only), a request may say its time in the
// `X-Leadstream-Now` header. Nothing else reads the clock for requests.

export const CLOCK_HEADER = 'x-leadstream-now';

export function clockOf(headers: { get(name: string): string | null }): Date {
  if (process.env.LEADSTREAM_CLOCK !== 'adjustable') return new Date();
  const said = headers.get(CLOCK_HEADER);
  const at = said ? new Date(said) : null;
  return at && !Number.isNaN(at.getTime()) ? at : new Date();
}
