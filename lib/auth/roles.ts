// Who may do what. Pure: the gate (lib/gate) asks here for every page, action and endpoint.
export const ROLES = ['agent', 'manager', 'bi', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/**
 * `manage-dialing`: the tenant's dialing rules and the Today page. `manage-do-not-call`: see, add
 * to, remove from and import the do-not-call list; agents only see whether the numbers of the leads
 * they work are blocked. `merge-leads`: see the possible duplicates of the whole organisation, merge two leads that are the
 * same person, and undo a merge.
 * `share-views`: share a saved view of the lead list with the organisation. `bulk-change`: change
 * many leads at once (lib/bulk), and undo such a change. `manage-webhooks`: register the
 * organisation's webhook endpoints, see their delivery logs and replay deliveries (admins only).
 * `erase-personal-data`: erase a person's data from a lead for good (docs/erasure.md).
 */
export type Capability =
  | 'work-leads' | 'view-analytics' | 'export' | 'manage-users' | 'manage-dialing' | 'manage-do-not-call' | 'merge-leads' | 'share-views'
  | 'bulk-change' | 'manage-webhooks' | 'erase-personal-data';

const CAPABILITIES: Record<Role, readonly Capability[]> = {
  agent: ['work-leads'],
  manager: ['work-leads', 'view-analytics', 'export', 'manage-dialing', 'manage-do-not-call', 'merge-leads', 'share-views', 'bulk-change', 'erase-personal-data'],
  bi: ['view-analytics', 'export'],
  admin: [
    'work-leads', 'view-analytics', 'export', 'manage-users', 'manage-dialing', 'manage-do-not-call', 'merge-leads', 'share-views', 'bulk-change',
    'manage-webhooks', 'erase-personal-data',
  ],
};

export function can(role: string, capability: Capability): boolean {
  return (CAPABILITIES[role as Role] ?? []).includes(capability);
}

/** What an API token may be allowed to do: read the audit log, or issue the commands agents issue. */
export const TOKEN_SCOPES = ['export', 'commands'] as const;
export type TokenScope = (typeof TOKEN_SCOPES)[number];

const SCOPE_CAPABILITIES: Record<TokenScope, readonly Capability[]> = {
  export: ['export'],
  commands: ['work-leads'],
};

export function scopesAllow(scopes: readonly string[], capability: Capability): boolean {
  return scopes.some((scope) => (SCOPE_CAPABILITIES[scope as TokenScope] ?? []).includes(capability));
}
