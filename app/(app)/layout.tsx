import type { ReactNode } from 'react';
import { AppHeader } from '@/components/app-header';
import { Providers } from '@/components/providers';
import { requirePageUser } from '@/lib/auth/session';

// Every page in this group needs a logged-in user; each page checks its own capability too.
export default async function AppLayout({ children }: { children: ReactNode }) {
  const user = await requirePageUser();
  return (
    <Providers>
      <AppHeader user={user} />
      <main className="page" id="main">{children}</main>
    </Providers>
  );
}
