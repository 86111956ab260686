import { DialingSettings } from '@/components/dialing/dialing-settings';
import { page } from '@/lib/gate';
import { currentDialingRules } from '@/lib/read/dialing-rules/current-rules';
import { dialingRulesHistory } from '@/lib/read/dialing-rules/history';
import { leadSources } from '@/lib/read/lead-table/sources';
import { actorNames, assignableUsers } from '@/lib/read/organisation/users';
import { system } from '@/lib/system/server';

export const dynamic = 'force-dynamic';

export default async function DialingPage() {
  const manager = await page('manage-dialing');
  const { db, store } = system();
  const [{ rules, version }, history, names, agents, sources] = await Promise.all([
    currentDialingRules(store, manager.tenantId),
    dialingRulesHistory(store, manager.tenantId),
    actorNames(db, manager.tenantId),
    assignableUsers(db, manager.tenantId),
    leadSources(db, manager.tenantId),
  ]);
  return (
    <>
      <h1>Dialing rules</h1>
      <p>
        When and how often leads are called, what each call&rsquo;s outcome does, and how leads are drawn and handed out.
        Each part is saved on its own; every change is kept with who made it and when.
      </p>
      <DialingSettings
        rules={rules}
        version={version}
        history={history}
        names={Object.fromEntries(names)}
        zones={Intl.supportedValuesOf('timeZone')}
        sources={sources}
        agents={agents}
      />
    </>
  );
}
