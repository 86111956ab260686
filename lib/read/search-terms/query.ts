// What an agent typed into the search box, read as a phone number or as a name/email. Pure: the
// same digits-or-text decision the search makes, testable without a database.
import { getCountryCallingCode } from 'libphonenumber-js/max';
import { normalisePhone, type Region } from '@/lib/leads/contact';
import { normalizeName, phoneDigits } from './normalize';

export type SearchQuery =
  | {
      readonly kind: 'phone';
      /** Digit strings to find anywhere inside a phone's E.164 digits. */
      readonly fragments: readonly string[];
      /** The E.164 digits of the number, when what was typed is a complete valid number. */
      readonly exact: readonly string[];
    }
  | { readonly kind: 'text'; readonly normalized: string }
  | { readonly kind: 'too-short'; readonly reason: string };

export const MIN_PHONE_DIGITS = 4;
export const MIN_TEXT_LENGTH = 3;

const PHONE_SHAPED = /^[\d\s+\-./()]+$/;
/** "+44 (0)7911 ...": the national trunk 0 some people write after the country code. */
const TRUNK_MARKER = /\(\s*0\s*\)/g;

export function parseSearchQuery(text: string, region: Region): SearchQuery {
  const typed = text.trim();
  if (PHONE_SHAPED.test(typed) && /\d/.test(typed)) return parsePhoneQuery(typed, region);
  const normalized = normalizeName(typed);
  if (normalized.length < MIN_TEXT_LENGTH) {
    return { kind: 'too-short', reason: `Type at least ${MIN_TEXT_LENGTH} letters of a name or email, or ${MIN_PHONE_DIGITS} digits of a phone` };
  }
  return { kind: 'text', normalized };
}

function parsePhoneQuery(typed: string, region: Region): SearchQuery {
  const international = typed.startsWith('+') || typed.startsWith('00');
  const cleaned = international ? typed.replace(TRUNK_MARKER, '') : typed;
  const digits = cleaned.replace(/\D/g, '');
  if (digits.length < MIN_PHONE_DIGITS) {
    return { kind: 'too-short', reason: `Type at least ${MIN_PHONE_DIGITS} digits of a phone number` };
  }
  return { kind: 'phone', fragments: phoneFragments(digits, typed.startsWith('+'), region), exact: exactNumbers(cleaned, region) };
}

/**
 * The digits as typed, plus the readings a leading 0 or 00 allows. Stored numbers start with their
 * country code, so "07911 12" is looked for as "791112" (and as "44791112", so a number that starts
 * that way ranks as a prefix match). The digits as typed stay in: "0018" is more likely the end of
 * a number than "00" + country code 18.
 */
function phoneFragments(digits: string, plus: boolean, region: Region): string[] {
  if (plus) return [digits];
  const fragments = [digits];
  if (digits.startsWith('00')) {
    const withCountryCode = digits.slice(2);
    if (withCountryCode.length >= MIN_PHONE_DIGITS) fragments.push(withCountryCode);
  } else if (digits.startsWith('0')) {
    const national = digits.slice(1);
    if (national.length >= 3) fragments.push(national, getCountryCallingCode(region) + national);
  }
  return fragments;
}

/** A fragment is searched as a whole number only when it is one a known range has: "020 7946" is not. */
function exactNumbers(cleaned: string, region: Region): string[] {
  const phone = normalisePhone(cleaned, region, { recognisedOnly: true });
  return phone ? [phoneDigits(phone.e164)] : [];
}
