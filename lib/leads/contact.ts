// Phone numbers and email addresses as a lead holds them: phones in E.164 (kept with what the agent
// typed), emails trimmed and lower-cased.
import { isSupportedCountry, parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/max';
import type { Phone } from './lead';

export type Region = CountryCode;

export function isRegion(value: string): value is Region {
  return isSupportedCountry(value);
}

/**
 * The phone in E.164, reading numbers without a country code as numbers of `region`; null for a
 * number that cannot exist (no country, wrong length). Lead lists hold numbers from ranges newer
 * than any metadata, so a possible number is taken even when no known range has it: such a number
 * is shown with a warning (`isRecognisedPhone`), and "wrong number" marks it dead if it is.
 */
export function normalisePhone(raw: string, region: Region, { recognisedOnly = false } = {}): Phone | null {
  const typed = raw.trim();
  const parsed = parsePhoneNumberFromString(typed, region);
  if (!parsed || !(recognisedOnly ? parsed.isValid() : parsed.isPossible())) return null;
  return { e164: parsed.number, raw: typed };
}

/** Whether a number (E.164) is in a range the phone metadata knows. */
export function isRecognisedPhone(e164: string): boolean {
  return parsePhoneNumberFromString(e164)?.isValid() ?? false;
}

export function normaliseEmail(raw: string): string {
  return raw.trim().toLowerCase();
}
