import Link from 'next/link';
import { CreateTokenForm } from '@/components/admin/create-token-form';
import { TokensTable } from '@/components/admin/tokens-table';
import { listApiTokens } from '@/lib/auth/api-tokens';
import { requirePageUser } from '@/lib/auth/session';
import { db } from '@/lib/db';
import { userNames } from '@/lib/read/organisation/users';

export const dynamic = 'force-dynamic';

export default async function AdminTokensPage() {
  const admin = await requirePageUser('manage-users');
  const [tokens, names] = await Promise.all([listApiTokens(db(), admin.tenantId), userNames(admin.tenantId)]);
  const rows = tokens.map((token) => ({
    id: token.id, name: token.name, prefix: token.prefix, createdBy: names.get(token.createdBy) ?? token.createdBy,
    createdAt: token.createdAt.toISOString(), lastUsedAt: token.lastUsedAt?.toISOString() ?? null, revokedAt: token.revokedAt?.toISOString() ?? null,
  }));
  return (
    <>
      <h1>API tokens</h1>
      <p>
        BI tools use a token to fetch your organisation&apos;s audit log from <code>/api/export</code> (see the README). A
        token can only export, and only this organisation&apos;s events. <Link href="/admin/users">Back to users</Link>
      </p>
      <section aria-labelledby="add-token-heading">
        <h2 id="add-token-heading">Create a token</h2>
        <CreateTokenForm />
      </section>
      <section aria-labelledby="tokens-heading">
        <h2 id="tokens-heading">Tokens of your organisation ({rows.length})</h2>
        {rows.length === 0 ? <p className="muted">No tokens yet.</p> : <TokensTable tokens={rows} />}
      </section>
    </>
  );
}
