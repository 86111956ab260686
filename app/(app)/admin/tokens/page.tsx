import Link from 'next/link';
import { CreateTokenForm } from '@/components/admin/create-token-form';
import { TokensTable } from '@/components/admin/tokens-table';
import { listApiTokens } from '@/lib/auth/api-tokens';
import { page } from '@/lib/gate';
import { system } from '@/lib/system/server';
import { actorNames, tenantUsers } from '@/lib/read/organisation/users';

export const dynamic = 'force-dynamic';

export default async function AdminTokensPage() {
  const admin = await page('manage-users');
  const { db } = system();
  const [tokens, names, users] = await Promise.all([listApiTokens(db, admin.tenantId), actorNames(db, admin.tenantId), tenantUsers(db, admin.tenantId)]);
  const deactivated = new Set(users.filter((user) => !user.active).map((user) => user.id));
  const rows = tokens.map((token) => ({
    id: token.id, name: token.name, prefix: token.prefix, scopes: token.scopes, createdBy: names.get(token.createdBy) ?? token.createdBy,
    createdAt: token.createdAt.toISOString(), lastUsedAt: token.lastUsedAt?.toISOString() ?? null, revokedAt: token.revokedAt?.toISOString() ?? null,
    expiresAt: token.expiresAt.toISOString(), creatorDeactivated: deactivated.has(token.createdBy),
  }));
  return (
    <>
      <h1>API tokens</h1>
      <p>
        BI tools use a token to fetch your organisation&apos;s audit log from <code>/api/export</code>; dialers and other
        systems use one to issue lead commands through <code>/api/commands</code> (see the README and{' '}
        <a href="/api/openapi.json">the API description</a>). A token does only what it was created for, and only for this
        organisation, until it expires or is revoked; it stops working while the person who created it is deactivated.{' '}
        <Link href="/admin/users">Back to users</Link>
      </p>
      <section aria-labelledby="add-token-heading">
        <h2 id="add-token-heading">Create a token</h2>
        <CreateTokenForm />
      </section>
      <section aria-labelledby="tokens-heading">
        <h2 id="tokens-heading">Tokens of your organisation ({rows.length})</h2>
        {rows.length === 0 ? <p className="muted">No tokens yet.</p> : <TokensTable tokens={rows} now={new Date().toISOString()} />}
      </section>
    </>
  );
}
