import { ImportWizard } from '@/components/import/import-wizard';
import { page } from '@/lib/gate';

export default async function ImportPage() {
  await page('work-leads');
  return (
    <>
      <h1>Import leads</h1>
      <ImportWizard kind="leads" />
    </>
  );
}
