// A number as people read it. Stored numbers are E.164; a number dialled within the tenant's own
// country code reads as its people write it ("07911 123456": Guernsey's and Jersey's numbers share
// the UK's +44 and are written the same way), any other with its country code ("+1 212 555 0123").
import { getCountryCallingCode, parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/max';

export function phoneAsRead(e164: string, region: string): string {
  const parsed = parsePhoneNumberFromString(e164);
  if (!parsed) return e164;
  const home = (() => {
    try {
      return getCountryCallingCode(region as CountryCode);
    } catch {
      return null;
    }
  })();
  return parsed.countryCallingCode === home ? parsed.formatNational() : parsed.formatInternational();
}
