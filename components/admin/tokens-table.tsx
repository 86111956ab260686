'use client';
import { useMutation } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { revokeToken } from '@/app/(app)/admin/tokens/actions';
import styles from './admin.module.css';

export type TokenRow = {
  id: string; name: string; prefix: string; scopes: readonly string[]; createdBy: string;
  createdAt: string; lastUsedAt: string | null; revokedAt: string | null; expiresAt: string;
  /** The person who created it is deactivated: it does not work meanwhile. */
  creatorDeactivated: boolean;
};

const SCOPE_NAMES: Record<string, string> = { export: 'export', commands: 'issue commands' };

const when = (iso: string | null) => (iso ? new Date(iso).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' }) + ' UTC' : 'never');

/** `now`: the moment the page was made, so server and browser agree on which tokens have expired. */
export function TokensTable({ tokens, now }: { tokens: readonly TokenRow[]; now: string }) {
  return (
    <table>
      <thead>
        <tr>
          <th scope="col">Name</th><th scope="col">Token starts</th><th scope="col">May</th><th scope="col">Created</th>
          <th scope="col">Expires</th><th scope="col">Last used</th><th scope="col">Status</th>
        </tr>
      </thead>
      <tbody>
        {tokens.map((token) => (
          <tr key={token.id}>
            <td>{token.name}</td>
            <td><code>lsk_{token.prefix}_…</code></td>
            <td>{token.scopes.map((scope) => SCOPE_NAMES[scope] ?? scope).join(', ')}</td>
            <td>{when(token.createdAt)} by {token.createdBy}</td>
            <td>{when(token.expiresAt)}</td>
            <td>{when(token.lastUsedAt)}</td>
            <td>{token.revokedAt ? `Revoked ${when(token.revokedAt)}` : token.expiresAt <= now ? 'Expired' : (
              <RevokeButton tokenId={token.id} name={token.name} state={token.creatorDeactivated ? 'Suspended: its creator is deactivated' : 'Active'} />
            )}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function RevokeButton({ tokenId, name, state }: { tokenId: string; name: string; state: string }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const revoke = useMutation({
    mutationFn: async () => {
      const result = await revokeToken({ tokenId });
      if (!result.ok) throw new Error(result.error.message);
    },
    onSuccess: () => router.refresh(),
    onError: (failure) => setError(failure.message),
  });
  return (
    <span className={styles.roleCell}>
      {state}
      <button type="button" className={styles.revoke} disabled={revoke.isPending} onClick={() => revoke.mutate()} aria-label={`Revoke ${name}`}>
        {revoke.isPending ? 'Revoking…' : 'Revoke'}
      </button>
      {error && <span role="alert" className="error">{error}</span>}
    </span>
  );
}
