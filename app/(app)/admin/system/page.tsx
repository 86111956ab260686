import type { Metadata } from 'next';
import Link from 'next/link';
import { AutoRefresh } from '@/components/auto-refresh';
import { page } from '@/lib/gate';
import { preciseDuration } from '@/lib/present/duration';
import { lagAlert, READ_MODEL_LABELS } from '@/lib/present/lag';
import { oldestWritingTransaction, projectionLag } from '@/lib/read/engine/lag';
import { webhookEndpoints } from '@/lib/read/webhooks/queries';
import { settings } from '@/lib/settings';
import { system } from '@/lib/system/server';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'System · Leadstream' };

export default async function SystemPage() {
  const admin = await page('manage-users');
  const { db, projections } = system();
  const [lags, oldest, endpoints] = await Promise.all([projectionLag(db, projections, { tenantId: admin.tenantId }), oldestWritingTransaction(db), webhookEndpoints(db, admin.tenantId)]);
  const failingEndpoints = endpoints.filter((endpoint) => !endpoint.enabled && endpoint.disabledReason === 'failing').length;
  const { lagAlertSeconds } = settings();
  const alert = lagAlert(lags, oldest, lagAlertSeconds);
  return (
    <>
      <AutoRefresh everyMs={5000} />
      <h1>System</h1>
      <p>
        How far each read model has got with your organisation&apos;s changes. The lead list is written with every
        change; search and status history follow within a second or so. A read model more than{' '}
        {preciseDuration(lagAlertSeconds)} behind is an alert. This page refreshes every 5 seconds.{' '}
        <Link href="/admin/users">Back to users</Link>
      </p>
      {alert ? <p role="alert" className="alert">{alert}</p> : <p role="status">Every read model is up to date within {preciseDuration(lagAlertSeconds)}.</p>}
      {failingEndpoints > 0 && <p className="alert">{failingEndpoints === 1 ? 'A webhook endpoint was' : `${failingEndpoints} webhook endpoints were`} disabled after failing for a day: see <Link href="/admin/webhooks">Webhooks</Link>.</p>}
      <table>
        <caption>Read models</caption>
        <thead>
          <tr><th scope="col">Read model</th><th scope="col">Kept</th><th scope="col">Changes applied up to</th><th scope="col">Latest change</th><th scope="col">Changes waiting</th><th scope="col">Oldest waiting for</th></tr>
        </thead>
        <tbody>
          {lags.map((lag) => (
            <tr key={lag.name}>
              <th scope="row">{READ_MODEL_LABELS[lag.name] ?? lag.name}</th>
              <td>{lag.kind === 'inline' ? 'with each change' : 'in the background'}</td>
              <td>{lag.position}</td>
              <td>{lag.headPosition}</td>
              <td>{lag.eventsBehind}</td>
              <td>{lag.eventsBehind > 0 ? preciseDuration(lag.secondsBehind) : '-'}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2>Oldest open writing transaction</h2>
      <p>Background read models and the export read only what every earlier transaction has committed: a transaction left open holds them back until it ends (the app&apos;s own end after 20 s idle).</p>
      {oldest ? (
        <dl className="facts">
          <dt>Open for</dt><dd>{preciseDuration(oldest.ageSeconds)}</dd>
          <dt>Application</dt><dd>{oldest.application || 'unnamed'}</dd>
          <dt>State</dt><dd>{oldest.state || 'unknown'}</dd>
        </dl>
      ) : <p>None right now.</p>}
    </>
  );
}
