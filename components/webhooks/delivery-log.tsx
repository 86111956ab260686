'use client';
// An endpoint's delivery log, newest first: each delivery's latest attempt (status, time taken, the
// start of the receiver's answer), and "Replay from here" to send it and every later one again.
import { useMutation } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { replayDeliveries } from '@/app/(app)/admin/webhooks/actions';
import styles from '@/components/admin/admin.module.css';
import type { DeliveryLogEntry } from '@/lib/read/webhooks/queries';

const when = (iso: string) => new Date(iso).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'medium', timeZone: 'UTC' }) + ' UTC';

function state(entry: DeliveryLogEntry): string {
  if (entry.delivered) return 'Delivered';
  if (entry.attempts === 0) return 'Waiting';
  return entry.nextAttemptAt ? `Failed, next try ${when(entry.nextAttemptAt)}` : 'Failed';
}

export function DeliveryLog({ endpointId, entries }: { endpointId: string; entries: readonly DeliveryLogEntry[] }) {
  const router = useRouter();
  const [message, setMessage] = useState<{ error: boolean; text: string } | null>(null);
  const replay = useMutation({
    mutationFn: async (fromPosition: string) => {
      const result = await replayDeliveries({ endpointId, fromPosition });
      if (!result.ok) throw new Error(result.error.message);
      return fromPosition;
    },
    onSuccess: (fromPosition) => {
      setMessage({ error: false, text: `Deliveries from position ${fromPosition} on are queued to be sent again, in order.` });
      router.refresh();
    },
    onError: (failure) => setMessage({ error: true, text: failure.message }),
  });
  return (
    <>
      {message && <p role={message.error ? 'alert' : 'status'} className={message.error ? 'error' : styles.saved}>{message.text}</p>}
      <table>
        <caption>Latest deliveries, newest first</caption>
        <thead>
          <tr>
            <th scope="col">Position</th><th scope="col">Change</th><th scope="col">Lead</th><th scope="col">State</th><th scope="col">Attempts</th>
            <th scope="col">Last answer</th><th scope="col">Time taken</th><th scope="col">Answer begins</th><th scope="col">Last tried</th><th scope="col"><span className="visually-hidden">Replay</span></th>
          </tr>
        </thead>
        <tbody>
          {entries.map((entry) => (
            <tr key={entry.position}>
              <td>{entry.position}</td>
              <td>{entry.eventType}</td>
              <td><a href={`/leads/${entry.leadId}`}>Lead</a></td>
              <td>{state(entry)}</td>
              <td>{entry.attempts}</td>
              <td>{entry.last ? entry.last.statusCode ?? 'No answer' : '-'}</td>
              <td>{entry.last ? `${entry.last.latencyMs} ms` : '-'}</td>
              <td>{entry.last?.excerpt ? <code>{entry.last.excerpt}</code> : '-'}</td>
              <td>{entry.last ? when(entry.last.at) : '-'}</td>
              <td>
                <button type="button" className={styles.quiet} disabled={replay.isPending} onClick={() => replay.mutate(entry.position)}
                  aria-label={`Replay from here (position ${entry.position})`}>Replay from here</button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
