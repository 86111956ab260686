// What a manager reads about a possible duplicate: why two leads may be one person. Pure.
import type { Reason, Strength } from '@/lib/duplicates/score';
import { phoneAsRead } from './phone';

export const STRENGTH_LABELS: Record<Strength, string> = { strong: 'Strong match', likely: 'Likely match', possible: 'Possible match' };

/** "same phone 07911 123456", "same email a@b.c (one of them held it before)", ...; phones read in the tenant's region. */
export function reasonText(reason: Reason, region?: string): string {
  switch (reason.kind) {
    case 'same-phone':
      return `same phone ${phoneAsRead(`+${reason.value}`, region)}${reason.current ? '' : ' (one of them held it before)'}`;
    case 'same-email':
      return `same email ${reason.value}${reason.current ? '' : ' (one of them held it before)'}`;
    case 'phone-tail':
      return `phones ending in ${reason.value}`;
    case 'email-name':
      return `same mailbox name ${reason.value} at another address`;
    case 'similar-name':
      return reason.similarity >= 1 ? 'same name' : `very similar name (${Math.round(reason.similarity * 100)}% alike)`;
  }
}

/** Every reason of a pair in one sentence: "Same phone 07911 123456 and same name". */
export function reasonsText(reasons: readonly Reason[], region?: string): string {
  const text = new Intl.ListFormat('en-GB', { type: 'conjunction' }).format(reasons.map((reason) => reasonText(reason, region)));
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** The lead proposed to survive a merge: the one registered first. */
export function proposedSurvivor<Lead extends { leadId: string; createdAt: Date }>(a: Lead, b: Lead): [survivor: Lead, other: Lead] {
  return a.createdAt.getTime() <= b.createdAt.getTime() ? [a, b] : [b, a];
}

export const mergeHref = (survivorId: string, otherId: string) => `/leads/${survivorId}/merge?with=${otherId}`;
