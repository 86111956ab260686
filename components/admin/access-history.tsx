export type AccessHistoryRow = { at: string; userName: string; change: 'deactivated' | 'reactivated'; byName: string; reason: string };

const when = (iso: string) => new Date(iso).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' }) + ' UTC';

/** Every deactivation and reactivation of the organisation's users, newest first: who, when, why. */
export function AccessHistory({ rows }: { rows: readonly AccessHistoryRow[] }) {
  if (rows.length === 0) return <p className="muted">Nobody has been deactivated yet.</p>;
  return (
    <table>
      <thead>
        <tr><th scope="col">When</th><th scope="col">User</th><th scope="col">Change</th><th scope="col">By</th><th scope="col">Reason</th></tr>
      </thead>
      <tbody>
        {rows.map((row, index) => (
          <tr key={`${row.at}-${index}`}>
            <td>{when(row.at)}</td>
            <td>{row.userName}</td>
            <td>{row.change === 'deactivated' ? 'Deactivated' : 'Reactivated'}</td>
            <td>{row.byName}</td>
            <td>{row.reason}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
