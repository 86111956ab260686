// How phones and emails map onto ChangeContactInfo, for the editors of either.
export type ContactKind = 'phone' | 'email';

export const CONTACT_FIELDS = {
  phone: { add: 'addPhones', remove: 'removePhones', title: 'Phones', inputType: 'tel' },
  email: { add: 'addEmails', remove: 'removeEmails', title: 'Emails', inputType: 'email' },
} as const satisfies Record<ContactKind, { add: string; remove: string; title: string; inputType: string }>;
