// Who may do what. Pure: pages, actions and endpoints all ask here.
export const ROLES = ['agent', 'manager', 'bi', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export type Capability = 'work-leads' | 'view-analytics' | 'export' | 'manage-users';

const CAPABILITIES: Record<Role, readonly Capability[]> = {
  agent: ['work-leads'],
  manager: ['work-leads', 'view-analytics', 'export'],
  bi: ['view-analytics', 'export'],
  admin: ['work-leads', 'view-analytics', 'export', 'manage-users'],
};

export function can(role: string, capability: Capability): boolean {
  return (CAPABILITIES[role as Role] ?? []).includes(capability);
}

export type CurrentUser = { id: string; name: string; email: string; tenantId: string; role: Role };
