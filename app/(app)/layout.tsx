import type { ReactNode } from 'react';
import { AppHeader } from '@/components/app-header';
import { Providers } from '@/components/providers';
import { ShortcutsProvider } from '@/components/shortcuts/shortcuts-provider';
import { page } from '@/lib/gate';

// Every page in this group needs a logged-in user; each page checks its own capability too.
export default async function AppLayout({ children }: { children: ReactNode }) {
  const user = await page();
  return (
    <Providers>
      <ShortcutsProvider>
        <AppHeader user={user} />
        <main className="page" id="main">{children}</main>
      </ShortcutsProvider>
    </Providers>
  );
}
