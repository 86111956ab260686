// How names, emails and phones are compared in search: the same function prepares what is stored
// and what an agent types, so "JOSÉ garcía" finds "José García".

/** Lower case, accents removed, spaces collapsed. */
export function normalizeName(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();
}

export function normalizeEmail(text: string): string {
  return text.trim().toLowerCase();
}

/** An E.164 number as the digits that are searched: "+447911123456" -> "447911123456". */
export function phoneDigits(e164: string): string {
  return e164.replace(/\D/g, '');
}
