import type { Metadata } from 'next';
import { headers } from 'next/headers';
import Link from 'next/link';
import { LiveRefresh } from '@/components/live/live-refresh';
import { clockOf } from '@/lib/clock';
import { page, reader } from '@/lib/gate';
import { loadToday } from '@/lib/read/today';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Today · Leadstream' };

const clock = (iso: string) => new Date(iso).toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit', timeZone: 'UTC' });

export default async function TodayPage() {
  const manager = await page('manage-dialing');
  const now = clockOf(await headers());
  const today = await loadToday(await reader(manager), manager.tenantId, now);
  const total = (pick: (agent: (typeof today.agents)[number]) => number) => today.agents.reduce((sum, agent) => sum + pick(agent), 0);
  return (
    <>
      <LiveRefresh />
      <h1>Today</h1>
      <p>{today.day} (UTC), as of {clock(now.toISOString())} UTC. This page updates as the agents work.</p>
      <table>
        <caption>Agents</caption>
        <thead>
          <tr><th scope="col">Agent</th><th scope="col">Calls</th><th scope="col">Contacts</th><th scope="col">Conversions</th><th scope="col">Callbacks met</th><th scope="col">Callbacks missed</th><th scope="col">Holding now</th></tr>
        </thead>
        <tbody>
          {today.agents.map((agent) => (
            <tr key={agent.agentId}>
              <th scope="row">{agent.name}</th>
              <td>{agent.calls}</td><td>{agent.contacts}</td><td>{agent.conversions}</td><td>{agent.callbacksMet}</td><td>{agent.callbacksMissed}</td>
              <td>{agent.holding ? <><Link href={`/leads/${agent.holding.leadId}`}>{agent.holding.name}</Link> until {clock(agent.holding.until)} UTC</> : '-'}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr><th scope="row">All agents</th><td>{total((a) => a.calls)}</td><td>{total((a) => a.contacts)}</td><td>{total((a) => a.conversions)}</td><td>{total((a) => a.callbacksMet)}</td><td>{total((a) => a.callbacksMissed)}</td><td /></tr>
        </tfoot>
      </table>
      <table>
        <caption>Leads by source</caption>
        <thead>
          <tr><th scope="col">Source</th><th scope="col">Due to call</th><th scope="col">Waiting for a retry</th><th scope="col">Held by an agent</th><th scope="col">Out of attempts</th><th scope="col">Blocked</th></tr>
        </thead>
        <tbody>
          {today.sources.map((source) => (
            <tr key={source.source}>
              <th scope="row">{source.source}</th>
              <td>{source.due}</td><td>{source.waiting}</td><td>{source.held}</td><td>{source.exhausted}</td><td>{source.blocked}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="muted">"Due to call" counts open leads whose callback or retry is due, before each lead's calling hours and its per-number limits are checked (those are checked when an agent draws the lead). Blocked: the person asked not to be called, or every number is wrong.</p>
    </>
  );
}
