// How a search match reads to an agent: "phone 07911 123456" or
// "previous phone 07911 123456, changed 3 May 2026 by Ana Lima".

export type SearchMatchView = {
  kind: 'name' | 'phone' | 'email';
  value: string;
  /** A phone as read in the tenant's region (`phoneAsRead`); a name or email as held. */
  display: string;
  current: boolean;
  changedAt: string;
  changedByName: string | null;
};

export type SearchResponse = {
  query: { kind: 'phone' | 'text' | 'too-short'; reason?: string };
  results: { leadId: string; name: string; status: string; matched: SearchMatchView; rank: number }[];
};

const day = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });

export function describeMatch(match: SearchMatchView): string {
  const shown = match.kind === 'phone' ? match.display : match.value;
  if (match.current) return `${match.kind} ${shown}`;
  const by = match.changedByName ? ` by ${match.changedByName}` : '';
  return `previous ${match.kind} ${shown}, changed ${day.format(new Date(match.changedAt))}${by}`;
}
