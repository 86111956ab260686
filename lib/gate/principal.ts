// Who is asking: a logged-in user (session cookie) or a system (API token), always of one tenant.
import { can, scopesAllow, type Capability, type Role, type TokenScope } from '@/lib/auth/roles';

export type CurrentUser = {
  readonly kind: 'user';
  readonly id: string;
  readonly name: string;
  readonly email: string;
  readonly tenantId: string;
  readonly role: Role;
};

export type TokenCaller = {
  readonly kind: 'token';
  /** The token's id. */
  readonly id: string;
  readonly name: string;
  readonly tenantId: string;
  readonly scopes: readonly TokenScope[];
};

export type Principal = CurrentUser | TokenCaller;

export function allowed(principal: Principal, capability: Capability): boolean {
  return principal.kind === 'user' ? can(principal.role, capability) : scopesAllow(principal.scopes, capability);
}

/** The id events record as their actor: a user's id, or `token:<id>` for an API token. */
export const actorOf = (principal: Principal): string => (principal.kind === 'user' ? principal.id : tokenActor(principal.id));

export const tokenActor = (tokenId: string) => `token:${tokenId}`;
