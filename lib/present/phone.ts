// A number as people read it. Stored numbers are E.164; a number of the tenant's own country reads
// as its people write it ("07911 123456"), any other with its country code ("+1 212 555 0123").
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';

export function phoneAsRead(e164: string, region: string): string {
  const parsed = parsePhoneNumberFromString(e164);
  if (!parsed) return e164;
  return parsed.country === region ? parsed.formatNational() : parsed.formatInternational();
}
