// Lead events written in older shapes, lifted to the current one when read.
import type { EventSchema } from '@/lib/event-store/upcasters';
import type { Phone } from './lead';

/** LeadRegistered v1 held at most one phone and one email; v2 holds lists of each. */
type LeadRegisteredV1 = { leadId: string; name: string; phone: Phone | null; email: string | null; source: string; ownerId?: string | null };

export const leadEventSchemas: Record<string, EventSchema> = {
  LeadRegistered: {
    latest: 2,
    steps: {
      1: ({ phone, email, ownerId, ...rest }: LeadRegisteredV1) => ({
        ...rest,
        phones: phone ? [phone] : [],
        emails: email ? [email] : [],
        ownerId: ownerId ?? null,
      }),
    },
  },
};
