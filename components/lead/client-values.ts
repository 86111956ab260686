// Small helpers the lead forms share: ids made in the browser, and the UTC times the app shows
// (datetime-local inputs carry no zone: Leadstream reads and writes them as UTC).

/** A UUID v4; also outside secure contexts, where crypto.randomUUID is missing. */
export function newId(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6]! & 0x0f) | 0x40;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

const LOCAL_INPUT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?$/;

/** "2026-11-24T10:00" (as typed, UTC) to an ISO instant; anything else is passed on for the server to refuse. */
export function fromUtcInput(value: string): string | null {
  const typed = value.trim();
  if (!typed) return null;
  return LOCAL_INPUT.test(typed) ? `${typed}Z` : typed;
}

/** An ISO instant as a datetime-local value in UTC, to the minute. */
export function toUtcInput(iso: string | null): string {
  return iso ? new Date(iso).toISOString().slice(0, 16) : '';
}
