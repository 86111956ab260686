// The keys under which two leads may be the same person. Pure. A phone or an email is an exact key;
// its fragment (a phone's last eight digits, an email's part before the @) is a weak one, that makes
// two leads candidates only together with a very similar name (lib/duplicates/score.ts).
export type KeyKind = 'phone' | 'email' | 'phone-tail' | 'email-name';

export type DuplicateKey = { readonly key: string; readonly kind: KeyKind };

/** A key more leads than this hold (a switchboard, a shared inbox) is no evidence that any two are one person. */
export const MAX_KEY_LEADS = 50;

/** A name a lead held, kept beside its keys so that names can be compared (never matched as a key). */
export const nameKey = (normalized: string) => `name:${normalized}`;

/** How many trailing digits make a phone's fragment: a number typed with another country or area code. */
export const PHONE_TAIL_DIGITS = 8;

/** Mailbox names many unrelated people share: no evidence of anything. */
const ROLE_MAILBOXES = new Set(['info', 'sales', 'contact', 'admin', 'office', 'hello', 'support', 'mail', 'noreply', 'no-reply', 'team', 'enquiries']);

/** A search term's keys: phones as E.164 digits, emails lower case (as the search terms store them). */
export function duplicateKeys(kind: 'phone' | 'email', normalized: string): DuplicateKey[] {
  if (kind === 'phone') {
    const keys: DuplicateKey[] = [{ key: `phone:${normalized}`, kind: 'phone' }];
    if (normalized.length > PHONE_TAIL_DIGITS) keys.push({ key: `phone-tail:${normalized.slice(-PHONE_TAIL_DIGITS)}`, kind: 'phone-tail' });
    return keys;
  }
  const keys: DuplicateKey[] = [{ key: `email:${normalized}`, kind: 'email' }];
  const mailbox = normalized.split('@')[0] ?? '';
  if (mailbox.length >= 4 && !ROLE_MAILBOXES.has(mailbox)) keys.push({ key: `email-name:${mailbox}`, kind: 'email-name' });
  return keys;
}

/** The key's kind and the value it stands for: `phone:447911123456` is the phone +447911123456. */
export function describeKey(key: string): { kind: KeyKind; value: string } {
  const colon = key.indexOf(':');
  return { kind: key.slice(0, colon) as KeyKind, value: key.slice(colon + 1) };
}
