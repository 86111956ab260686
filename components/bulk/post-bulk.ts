import type { ActionError } from '@/lib/gate/result';

/** A bulk change's POST: its answer, or the route's error (thrown, for useMutation). */
export async function postBulk<Answer>(url: string, body?: unknown): Promise<Answer> {
  const response = await fetch(url, body === undefined ? { method: 'POST' } : { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
  const json = await response.json().catch(() => null);
  if (!response.ok) throw ((json as { error?: ActionError } | null)?.error ?? { kind: 'unexpected', message: 'The server did not answer: try again.' });
  return json as Answer;
}
