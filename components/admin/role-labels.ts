import type { Role } from '@/lib/auth/roles';

export const ROLE_LABELS: Record<Role, string> = { agent: 'Agent', manager: 'Manager', bi: 'BI analyst', admin: 'Admin' };
