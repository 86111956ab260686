import { ImportWizard } from '@/components/import/import-wizard';
import { requirePageUser } from '@/lib/auth/session';

export default async function ImportPage() {
  await requirePageUser('work-leads');
  return (
    <>
      <h1>Import leads</h1>
      <ImportWizard />
    </>
  );
}
