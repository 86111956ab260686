// A generated lead list as call centers buy them: a name, a phone or an email, a source, an owner
// now and then, and the columns a list carries beside a lead's (an address, notes). About 210
// bytes a row, so 100,000 rows make a file of more than 20 MB. For the import's tests.

export type LeadListOptions = {
  readonly rows: number;
  /** Rows whose phone (or, without phones, email) is not one: they are reported, not imported. */
  readonly badRows?: readonly number[];
  /** Only every n-th row is good, the others have an email that is not one (a list mostly of rejects). */
  readonly goodEvery?: number;
  /** Mobiles 07400 100000 onwards; without them each lead has only an email. */
  readonly phones?: boolean;
  /** Makes the emails of this list its own. */
  readonly tag?: string;
  /** The owner email written on every 1,000th row. */
  readonly ownerEmail?: string;
};

export const LEAD_LIST_HEADER = 'Name,Phone,Email,Source,Owner,Address,Notes\r\n';

export function leadListRow(i: number, { badRows = [], goodEvery = 1, phones = true, tag = 'list', ownerEmail = '' }: Omit<LeadListOptions, 'rows'>): string {
  const reject = i % goodEvery !== 0;
  const bad = badRows.includes(i);
  const phone = !phones || reject ? '' : bad ? '12345' : `07400 ${String(100_000 + i).padStart(6, '0')}`;
  const email = reject ? `${tag}.lead${i}.example.com` : !phones && bad ? 'not-an-email' : `${tag}.lead${i}@example.com`;
  const address = `${i % 300} Harbour Street, Flat ${i % 40}, Portsmouth PO${i % 9} ${i % 10}AB, United Kingdom`;
  const notes = `Bought list spring ${2026 - (i % 3)}; prefers calls after 5pm; interested in plan ${i % 7}, ask for the manager`;
  return `Lead ${i} Example,${phone},${email},Spring list,${i % 1000 === 0 ? ownerEmail : ''},"${address}","${notes}"\r\n`;
}

/** The list as text, in pieces of about 64 KB: never the whole file at once. */
export function* leadListChunks(options: LeadListOptions): Generator<string> {
  let text = LEAD_LIST_HEADER;
  for (let i = 0; i < options.rows; i++) {
    text += leadListRow(i, options);
    if (text.length >= 64 * 1024) {
      yield text;
      text = '';
    }
  }
  if (text) yield text;
}
