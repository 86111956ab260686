// The demo call center that `npm start` loads, and its agents.
export const DEMO_TENANT = { id: 'demo', name: 'Northwind Call Center', defaultRegion: 'GB' } as const;
export const DEMO_AGENTS = ['ana', 'ben', 'chloe', 'dmitri'] as const;
