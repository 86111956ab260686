'use client';
import { useQuery } from '@tanstack/react-query';

/** How many of my callbacks are due by the end of today, counted again when a lead changes (components/live). */
export function QueueBadge() {
  const { data } = useQuery({
    queryKey: ['queue-count'],
    queryFn: async ({ signal }): Promise<{ due: number }> => {
      const response = await fetch('/api/queue/count', { signal });
      if (!response.ok) throw new Error('Could not count callbacks');
      return response.json();
    },
  });
  if (!data || data.due === 0) return null;
  return <span className="badge" aria-label={`${data.due} due`}>{data.due}</span>;
}
