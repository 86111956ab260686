// The regions an hours override can name: a country (ISO 3166-1 alpha-2, any that phone numbers
// belong to) or one of the subdivisions the phone data can tell (ISO 3166-2: the states of the US
// and the provinces and territories of Canada). Other countries' regions are not in Google's
// geocoding data, so an override for one would never apply: it is refused, and named by country.
import { isSupportedCountry } from 'libphonenumber-js/max';

export const SUBDIVISIONS = {
  US: {
    AL: 'Alabama', AK: 'Alaska', AZ: 'Arizona', AR: 'Arkansas', CA: 'California', CO: 'Colorado', CT: 'Connecticut',
    DE: 'Delaware', DC: 'Washington D.C.', FL: 'Florida', GA: 'Georgia', HI: 'Hawaii', ID: 'Idaho', IL: 'Illinois',
    IN: 'Indiana', IA: 'Iowa', KS: 'Kansas', KY: 'Kentucky', LA: 'Louisiana', ME: 'Maine', MD: 'Maryland',
    MA: 'Massachusetts', MI: 'Michigan', MN: 'Minnesota', MS: 'Mississippi', MO: 'Missouri', MT: 'Montana',
    NE: 'Nebraska', NV: 'Nevada', NH: 'New Hampshire', NJ: 'New Jersey', NM: 'New Mexico', NY: 'New York',
    NC: 'North Carolina', ND: 'North Dakota', OH: 'Ohio', OK: 'Oklahoma', OR: 'Oregon', PA: 'Pennsylvania',
    RI: 'Rhode Island', SC: 'South Carolina', SD: 'South Dakota', TN: 'Tennessee', TX: 'Texas', UT: 'Utah',
    VT: 'Vermont', VA: 'Virginia', WA: 'Washington State', WV: 'West Virginia', WI: 'Wisconsin', WY: 'Wyoming',
  },
  CA: {
    AB: 'Alberta', BC: 'British Columbia', MB: 'Manitoba', NB: 'New Brunswick', NL: 'Newfoundland and Labrador',
    NS: 'Nova Scotia', NT: 'Northwest Territories', NU: 'Nunavut', ON: 'Ontario', PE: 'Prince Edward Island',
    QC: 'Quebec', SK: 'Saskatchewan', YT: 'Yukon',
  },
} as const satisfies Record<string, Record<string, string>>;

export type SubdividedCountry = keyof typeof SUBDIVISIONS;

const hasSubdivisions = (country: string): country is SubdividedCountry => Object.hasOwn(SUBDIVISIONS, country);

/** Whether `region` is a country phone numbers belong to, or a subdivision the phone data can tell. */
export function isKnownRegion(region: string): boolean {
  const [country = '', subdivision] = region.split('-');
  if (!isSupportedCountry(country)) return false;
  if (subdivision === undefined) return true;
  return hasSubdivisions(country) && Object.hasOwn(SUBDIVISIONS[country], subdivision);
}

/** The ISO 3166-2 code of a subdivision's code or name in `country` (`FL` or `Florida`), or null. */
export function subdivisionCode(country: string, nameOrCode: string): string | null {
  if (!hasSubdivisions(country)) return null;
  const names: Record<string, string> = SUBDIVISIONS[country];
  const wanted = nameOrCode.trim();
  if (Object.hasOwn(names, wanted)) return `${country}-${wanted}`;
  const found = Object.entries(names).find(([, name]) => name.toLowerCase() === wanted.toLowerCase());
  return found ? `${country}-${found[0]}` : null;
}

/** The regions tried for a lead's hours, most specific first: `US-FL`, then `US`. */
export function regionAndCountry(region: string): string[] {
  const country = region.split('-')[0]!;
  return country === region ? [region] : [region, country];
}
