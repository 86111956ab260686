// The fold an inline projection makes of a batch of events: each event onto its row (the rows the
// batch may touch loaded beforehand), keeping the rows that changed to write them in one statement.

/** Folds `events` in order onto `rows` (by key, updated in place): the rows that changed, in the order first changed. */
export function changedRows<Row, Event>(
  rows: Map<string, Row | null>,
  events: readonly Event[],
  keyOf: (event: Event) => string,
  evolve: (row: Row | null, event: Event) => Row | null,
): Row[] {
  const changed = new Set<string>();
  for (const event of events) {
    const id = keyOf(event);
    const before = rows.get(id) ?? null;
    const after = evolve(before, event);
    if (after !== before) {
      rows.set(id, after);
      changed.add(id);
    }
  }
  return [...changed].map((id) => rows.get(id)).filter((row): row is Row => row !== null && row !== undefined);
}
