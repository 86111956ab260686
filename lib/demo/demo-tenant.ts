// The demo call centers that `npm start` loads, and their users (one password for all of them).
export const DEMO_TENANT = { id: 'demo', name: 'Northwind Call Center', defaultRegion: 'GB' } as const;
export const OTHER_TENANT = { id: 'southside', name: 'Southside Sales', defaultRegion: 'GB' } as const;
export const DEMO_PASSWORD = 'leadstream-demo';

export const DEMO_USERS = [
  { id: 'ana', name: 'Ana Lima', email: 'ana@northwind.example', role: 'agent', tenantId: DEMO_TENANT.id },
  { id: 'ben', name: 'Ben Okafor', email: 'ben@northwind.example', role: 'agent', tenantId: DEMO_TENANT.id },
  { id: 'chloe', name: 'Chloé Dubois', email: 'chloe@northwind.example', role: 'agent', tenantId: DEMO_TENANT.id },
  { id: 'dmitri', name: 'Dmitri Petrov', email: 'dmitri@northwind.example', role: 'agent', tenantId: DEMO_TENANT.id },
  { id: 'maria', name: 'Maria Rossi', email: 'maria@northwind.example', role: 'manager', tenantId: DEMO_TENANT.id },
  { id: 'bianca', name: 'Bianca Silva', email: 'bianca@northwind.example', role: 'bi', tenantId: DEMO_TENANT.id },
  { id: 'adam', name: 'Adam Walker', email: 'adam@northwind.example', role: 'admin', tenantId: DEMO_TENANT.id },
  { id: 'sam', name: 'Sam Horvat', email: 'sam@southside.example', role: 'agent', tenantId: OTHER_TENANT.id },
  { id: 'sofia', name: 'Sofia Marin', email: 'sofia@southside.example', role: 'admin', tenantId: OTHER_TENANT.id },
] as const;

/** The agents demo leads are assigned to and worked by (their user ids). */
export const DEMO_AGENTS = ['ana', 'ben', 'chloe', 'dmitri'] as const;
