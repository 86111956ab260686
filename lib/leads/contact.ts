// Phone numbers and email addresses as a lead holds them: phones in E.164 (kept with what the agent
// typed), emails trimmed and lower-cased.
import { isSupportedCountry, parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/max';
import type { Phone } from './lead';

export type Region = CountryCode;

export function isRegion(value: string): value is Region {
  return isSupportedCountry(value);
}

/** The phone in E.164, reading numbers without a country code as numbers of `region`; null if invalid. */
export function normalisePhone(raw: string, region: Region): Phone | null {
  const typed = raw.trim();
  const parsed = parsePhoneNumberFromString(typed, region);
  if (!parsed || !parsed.isValid()) return null;
  return { e164: parsed.number, raw: typed };
}

export function normaliseEmail(raw: string): string {
  return raw.trim().toLowerCase();
}
