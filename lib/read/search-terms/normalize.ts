// How names and phones are compared in search (emails: the lead's own normaliseEmail): the same
// function prepares what is stored and what an agent types, so "JOSÉ garcía" finds "José García".

/** Lower case, accents removed, spaces collapsed. */
export function normalizeName(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();
}

/** An E.164 number as the digits that are searched: "+447911123456" -> "447911123456". */
export function phoneDigits(e164: string): string {
  return e164.replace(/\D/g, '');
}

/** How a phone (E.164 digits) or an email (lower case) is matched exactly, as one string. */
export const contactKey = (kind: 'phone' | 'email', normalized: string) => `${kind}:${normalized}`;
