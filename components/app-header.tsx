import Link from 'next/link';
import { can } from '@/lib/auth/roles';
import type { CurrentUser } from '@/lib/gate/principal';
import { LogoutButton } from './logout-button';
import { NextLeadButton } from './next-lead-button';
import { SearchBox } from './search-box';
import { QueueBadge } from './queue-badge';
import { ShortcutsButton } from './shortcuts/shortcuts-button';

export function AppHeader({ user }: { user: CurrentUser }) {
  return (
    <header className="topbar">
      <a href="#main" className="skip-link">Skip to content</a>
      <Link href="/" className="brand">Leadstream</Link>
      <nav aria-label="Main" className="nav">
        {can(user.role, 'work-leads') && <Link href="/leads">Leads</Link>}
        {can(user.role, 'work-leads') && (
          <Link href="/queue">Callbacks <QueueBadge /></Link>
        )}
        {can(user.role, 'work-leads') && <Link href="/leads/new">New lead</Link>}
        {can(user.role, 'work-leads') && <Link href="/import">Import</Link>}
        {can(user.role, 'manage-dialing') && <Link href="/today">Today</Link>}
        {can(user.role, 'manage-do-not-call') && <Link href="/do-not-call">Do not call</Link>}
        {can(user.role, 'merge-leads') && <Link href="/duplicates">Duplicates</Link>}
        {can(user.role, 'view-analytics') && <Link href="/analytics">Analytics</Link>}
        {can(user.role, 'export') && <Link href="/export">Export</Link>}
        {can(user.role, 'manage-dialing') && <Link href="/dialing">Dialing</Link>}
        {can(user.role, 'manage-users') && <Link href="/admin/users">Admin</Link>}
        {can(user.role, 'manage-users') && <Link href="/admin/system">System</Link>}
        {can(user.role, 'manage-webhooks') && <Link href="/admin/webhooks">Webhooks</Link>}
      </nav>
      {can(user.role, 'work-leads') && <NextLeadButton />}
      {can(user.role, 'work-leads') && <SearchBox />}
      <div className="who">
        <span>{user.name} <span className="role">({user.role})</span></span>
        <ShortcutsButton />
        <LogoutButton />
      </div>
    </header>
  );
}
