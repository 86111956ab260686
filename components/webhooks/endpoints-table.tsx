import Link from 'next/link';
import { statusLabel } from '@/lib/present/labels';
import type { EndpointSummary } from '@/lib/read/webhooks/queries';

const when = (iso: string) => new Date(iso).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' }) + ' UTC';

export function endpointState(endpoint: EndpointSummary): string {
  if (endpoint.enabled) return endpoint.hasSecret ? 'Enabled' : 'Enabled, waiting for a secret: rotate it';
  return endpoint.disabledReason === 'failing' ? `Disabled: failing since ${endpoint.failingSince ? when(endpoint.failingSince) : 'a day'}` : 'Disabled';
}

export const filterText = ({ filter }: EndpointSummary) =>
  filter.types.map((type) => (type === 'StatusChanged' && filter.status ? `StatusChanged to ${statusLabel(filter.status)}` : type)).join(', ');

export function EndpointsTable({ endpoints }: { endpoints: readonly EndpointSummary[] }) {
  return (
    <table>
      <thead>
        <tr><th scope="col">Endpoint</th><th scope="col">URL</th><th scope="col">Sends</th><th scope="col">State</th><th scope="col">Waiting to be sent</th></tr>
      </thead>
      <tbody>
        {endpoints.map((endpoint) => (
          <tr key={endpoint.endpointId}>
            <td><Link href={`/admin/webhooks/${endpoint.endpointId}`}>{endpoint.description || 'Endpoint'}</Link></td>
            <td><code>{endpoint.url}</code></td>
            <td>{filterText(endpoint)}</td>
            <td>{endpointState(endpoint)}</td>
            <td>{endpoint.waiting}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
