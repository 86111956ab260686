import type { ReactNode } from 'react';
import { AppHeader } from '@/components/app-header';
import { LiveProvider } from '@/components/live/live-provider';
import { PhoneRegionProvider } from '@/components/phone-region';
import { Providers } from '@/components/providers';
import { ShortcutsProvider } from '@/components/shortcuts/shortcuts-provider';
import { can } from '@/lib/auth/roles';
import { page, reader } from '@/lib/gate';
import { tenantRegion } from '@/lib/read/organisation/tenant';

// Every page in this group needs a logged-in user; each page checks its own capability too.
export default async function AppLayout({ children }: { children: ReactNode }) {
  const user = await page();
  const region = await tenantRegion(await reader(user), user.tenantId);
  return (
    <Providers>
      <LiveProvider userId={user.id} enabled={can(user.role, 'work-leads')}>
        <PhoneRegionProvider region={region}>
          <ShortcutsProvider>
            <AppHeader user={user} />
            <main className="page" id="main">{children}</main>
          </ShortcutsProvider>
        </PhoneRegionProvider>
      </LiveProvider>
    </Providers>
  );
}
