import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { DeliveryLog } from '@/components/webhooks/delivery-log';
import { EndpointControls } from '@/components/webhooks/endpoint-controls';
import { EndpointForm } from '@/components/webhooks/endpoint-form';
import { endpointState, filterText } from '@/components/webhooks/endpoints-table';
import { page } from '@/lib/gate';
import { DELIVERY_LOG_ROWS, deliveryLog, webhookEndpoint } from '@/lib/read/webhooks/queries';
import { system } from '@/lib/system/server';
import { DELIVERED_KEPT_DAYS } from '@/lib/webhooks/outbox-store';
import { WEBHOOK_EVENT_TYPES } from '@/lib/webhooks/filter';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Webhook endpoint · Leadstream' };

export default async function WebhookEndpointPage({ params }: { params: Promise<{ id: string }> }) {
  const admin = await page('manage-webhooks');
  const { id } = await params;
  const { db } = system();
  const endpoint = await webhookEndpoint(db, admin.tenantId, id);
  if (!endpoint) notFound();
  const log = await deliveryLog(db, admin.tenantId, id);
  return (
    <>
      <h1>{endpoint.description || 'Webhook endpoint'}</h1>
      <p><Link href="/admin/webhooks">Back to webhooks</Link></p>
      <dl className="facts">
        <dt>URL</dt><dd><code>{endpoint.url}</code></dd>
        <dt>Sends</dt><dd>{filterText(endpoint)}</dd>
        <dt>State</dt><dd>{endpointState(endpoint)}</dd>
        <dt>Waiting to be sent</dt><dd>{endpoint.waiting}</dd>
      </dl>
      {!endpoint.enabled && endpoint.disabledReason === 'failing' && (
        <p role="alert" className="alert">Disabled after failing for a day. Fix the receiver, then enable the endpoint: what waited is sent then, in order.</p>
      )}
      <section aria-labelledby="controls-heading">
        <h2 id="controls-heading">Sending and secret</h2>
        <EndpointControls endpointId={endpoint.endpointId} enabled={endpoint.enabled} />
      </section>
      <section aria-labelledby="log-heading">
        <h2 id="log-heading">Delivery log</h2>
        <p>The latest {DELIVERY_LOG_ROWS} deliveries. Delivered ones are kept {DELIVERED_KEPT_DAYS} days; each message&apos;s id stays the same when it is sent again, so your receiver can skip what it already has.</p>
        {log.length === 0 ? <p className="muted">Nothing sent yet.</p> : <DeliveryLog endpointId={endpoint.endpointId} entries={log} />}
      </section>
      <section aria-labelledby="change-heading">
        <h2 id="change-heading">Change the endpoint</h2>
        <EndpointForm eventTypes={WEBHOOK_EVENT_TYPES} endpointId={endpoint.endpointId}
          initial={{ url: endpoint.url, description: endpoint.description, types: endpoint.filter.types, status: endpoint.filter.status }} />
      </section>
    </>
  );
}
