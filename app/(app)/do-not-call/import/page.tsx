import type { Metadata } from 'next';
import Link from 'next/link';
import { ImportWizard } from '@/components/import/import-wizard';
import { page } from '@/lib/gate';

export const metadata: Metadata = { title: 'Import a do-not-call list · Leadstream' };

/** A do-not-call list from a CSV file: the same preview, run and progress as the lead import. */
export default async function DoNotCallImportPage() {
  await page('manage-do-not-call');
  return (
    <>
      <p><Link href="/do-not-call">Do not call</Link></p>
      <h1>Import a do-not-call list</h1>
      <p>
        Each good row puts its number on the list, with the row&rsquo;s reason (or &ldquo;On an imported do-not-call list&rdquo;),
        as an entry of this import. Rows whose number cannot exist, repeat an earlier line or is already on the list are shown and skipped.
        Importing the same file again stores nothing twice.
      </p>
      <ImportWizard kind="do-not-call" />
    </>
  );
}
