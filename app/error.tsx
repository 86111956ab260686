'use client';
// Shown when a page fails to render on the server: most often the database restarting, which
// passes in a few seconds. Production builds do not send the server's error text to the browser,
// so the page says what usually happened and offers to try again.
import { useRouter } from 'next/navigation';
import { startTransition } from 'react';

export default function PageError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const router = useRouter();
  const retry = () =>
    startTransition(() => {
      router.refresh();
      reset();
    });
  return (
    <main className="page" id="main">
      <h1>This page could not be loaded</h1>
      <p>Leadstream could not read what this page shows. If the database is restarting, this passes in a few seconds; nothing you saved before is lost.</p>
      <button type="button" onClick={retry}>Try again</button>
    </main>
  );
}
