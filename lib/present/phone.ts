// A number as people read it: the one way the app shows a phone. Stored numbers are E.164; a number
// dialled within the tenant's own country code reads as its people write it ("07911 123456":
// Guernsey's and Jersey's numbers share the UK's +44 and are written the same way), any other with
// its country code ("+1 212 555 0123"). What an agent once typed is shown only where the history
// tells what they did. Formatting needs only libphonenumber's smallest metadata (every country's
// formats), which keeps this module light in the browser.
import { getCountryCallingCode, parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/min';

/** `region` is the tenant's default region; without one every number is written internationally. */
export function phoneAsRead(e164: string, region?: string): string {
  const parsed = parsePhoneNumberFromString(e164);
  if (!parsed) return e164;
  return parsed.countryCallingCode === homeCallingCode(region) ? parsed.formatNational() : parsed.formatInternational();
}

/** A lead's phone in its history: as read, and as it was typed when that reads differently. */
export function phoneAsReadAndTyped(phone: { readonly e164: string; readonly raw: string }, region?: string): string {
  const shown = phoneAsRead(phone.e164, region);
  return phone.raw && phone.raw !== shown ? `${shown} (typed as ${phone.raw})` : shown;
}

function homeCallingCode(region: string | undefined): string | null {
  if (!region) return null;
  try {
    return getCountryCallingCode(region as CountryCode);
  } catch {
    return null;
  }
}
