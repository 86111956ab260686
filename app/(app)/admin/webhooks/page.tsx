import type { Metadata } from 'next';
import Link from 'next/link';
import { EndpointForm } from '@/components/webhooks/endpoint-form';
import { EndpointsTable } from '@/components/webhooks/endpoints-table';
import { page } from '@/lib/gate';
import { webhookEndpoints } from '@/lib/read/webhooks/queries';
import { system } from '@/lib/system/server';
import { WEBHOOK_EVENT_TYPES } from '@/lib/webhooks/filter';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Webhooks · Leadstream' };

export default async function WebhooksPage() {
  const admin = await page('manage-webhooks');
  const endpoints = await webhookEndpoints(system().db, admin.tenantId);
  const failing = endpoints.filter((endpoint) => !endpoint.enabled && endpoint.disabledReason === 'failing');
  return (
    <>
      <h1>Webhooks</h1>
      <p>
        Leadstream posts the lead changes you choose to your systems as they happen, each lead&apos;s changes in the order
        they happened, signed per Standard Webhooks so your receiver can check they came from here. A delivery that fails
        is tried again, less and less often; an endpoint that keeps failing for a day is disabled.{' '}
        <Link href="/admin/system">System</Link>
      </p>
      {failing.length > 0 && (
        <p role="alert" className="alert">
          {failing.length === 1 ? 'One endpoint was' : `${failing.length} endpoints were`} disabled after failing for a day:{' '}
          {failing.map((endpoint) => endpoint.description || endpoint.url).join(', ')}. Fix the receiver, then enable it again: what waited is sent then.
        </p>
      )}
      <section aria-labelledby="endpoints-heading">
        <h2 id="endpoints-heading">Endpoints ({endpoints.length})</h2>
        {endpoints.length === 0 ? <p className="muted">No endpoints yet.</p> : <EndpointsTable endpoints={endpoints} />}
      </section>
      <section aria-labelledby="register-heading">
        <h2 id="register-heading">Register an endpoint</h2>
        <EndpointForm eventTypes={WEBHOOK_EVENT_TYPES} />
      </section>
    </>
  );
}
