/**
 * Resolution: the typed mentions of one article become entities (aliases, acronyms, partial
 * person names, demonyms, country codes and @handles merged), each with an IRI minted from its
 * class and normalised name, so that entities of separate builds merge by plain union.
 */
import { CLASS_OF, type EntityClass, type Facts, type FineType, type TypedMention } from '../extract/index.js';
import { resolveFacts, type ResolvedEvent, type ResolvedPost, type ResolvedRelation, type ResolvedSource } from './facts.js';
import type { Article, Doc } from '../types.js';
import { mintIri, normaliseName } from './iri.js';
import { countryOfCode, countryOfDemonym, findCity, findCountry, findRegion } from './places.js';


export interface MentionRef {
  articleId: string;
  start: number;
  end: number;
  sentence: number;
  text: string;
  confidence: number;
}

export interface Entity {
  iri: string;
  cls: EntityClass;
  fine: FineType;
  label: string;
  aliases: string[];
  handles: string[];
  geonamesId?: number;
  lat?: number;
  lon?: number;
  /** ISO code for countries. */
  countryCode?: string;
  /** For a country's agency: the country's IRI. */
  country?: string;
  /** For a city or region: the IRI of the country it lies in. */
  containedIn?: string;
  mentions: MentionRef[];
}

/** A co-mention: two entities named in the same sentence (a weak, untyped relation). */
export interface CoMention {
  a: string;
  b: string;
  articleId: string;
  sentence: number;
  sentenceText: string;
  start: number;
  end: number;
}

export interface ResolvedArticle {
  article: Article;
  entities: Entity[];
  coMentions: CoMention[];
  relations: ResolvedRelation[];
  events: ResolvedEvent[];
  sources: ResolvedSource[];
  posts: ResolvedPost[];
}


const GENERIC = new Set<FineType>(['Organization', 'Place', 'Other']);

interface Cluster {
  cls: EntityClass;
  names: Map<string, number>;
  fines: Map<FineType, number>;
  mentions: MentionRef[];
  handles: Set<string>;
  /** Canonical name when a gazetteer fixed it (a country's common name). */
  canonical?: string;
  countryCode?: string;
  /** Set when merged into another cluster. */
  mergedInto?: Cluster;
  /** A country's coordinates (world-countries gives a representative point). */
  lat?: number;
  lon?: number;
  /** For a country's agency: the country's canonical name. */
  countryName?: string;
  /** The name the IRI is minted from, when not the label (an agency: country + head words). */
  iriName?: string;
}

function root(c: Cluster): Cluster {
  while (c.mergedInto) c = c.mergedInto;
  return c;
}

const isAcronym = (s: string) => /^[A-Z][A-Z0-9&]{1,7}$/.test(s.replace(/[.\-]/g, ''));
const STOP = new Set(['of', 'the', 'and', 'for', 'in', 'on', 'de', 'du', 'des', 'la', 'le', 'al']);

function initials(name: string): string {
  return name
    .split(/[\s-]+/)
    .filter((w) => w && !STOP.has(w.toLowerCase()) && /^\p{Lu}/u.test(w))
    .map((w) => w[0])
    .join('')
    .toUpperCase();
}

function best<T>(counts: Map<T, number>, better: (a: T, b: T) => boolean = () => false): T {
  let top: T | undefined;
  let topN = -1;
  for (const [k, n] of counts) {
    if (n > topN || (n === topN && top !== undefined && better(k, top))) {
      top = k;
      topN = n;
    }
  }
  return top!;
}

/** Resolves one article's typed mentions into entities with IRIs under `base`, and its facts onto them. */
export function resolveArticle(article: Article, doc: Doc, typed: TypedMention[], base: string, facts?: Facts): ResolvedArticle {
  const clusters = new Map<string, Cluster>();
  const clusterOfMention = new Map<TypedMention, Cluster>();
  const add = (key: string, cls: EntityClass, m: TypedMention, name: string, fine: FineType, extra: Partial<Cluster> = {}) => {
    let c = clusters.get(key);
    if (!c) clusters.set(key, (c = { cls, names: new Map(), fines: new Map(), mentions: [], handles: new Set(), ...extra }));
    c.names.set(name, (c.names.get(name) ?? 0) + 1);
    c.fines.set(fine, (c.fines.get(fine) ?? 0) + 1);
    c.mentions.push({ articleId: article.id, start: m.start, end: m.end, sentence: m.sentence, text: m.text, confidence: m.score });
    clusterOfMention.set(m, c);
  };

  for (const m of typed) {
    const name = m.text.replace(/[’']s$/u, '');
    if (m.fine === 'Other') {
      // "French", "Iraqi": a demonym names its country.
      const country = m.coarse === 'MISC' ? countryOfDemonym(m.text) : undefined;
      if (country) add(`place:${normaliseName(country.name)}`, 'place', m, m.text, 'Country', { canonical: country.name, countryCode: country.code, lat: country.lat, lon: country.lon });
      continue;
    }
    const cls = CLASS_OF[m.fine]!;
    if (m.country) {
      // "French police" and "Iraq's police" are one agency: keyed by the country and the head words.
      const country = countryOfDemonym(m.country) ?? findCountry(m.country.replace(/[’']s$/u, ''));
      if (country) {
        const head = m.text.slice(m.country.length).replace(/^[’']s/u, '').trim().toLowerCase();
        add(`organization:${normaliseName(country.name)}:${head}`, 'organization', m, m.text, m.fine, { countryName: country.name, iriName: `${country.name} ${head}` });
        continue;
      }
    }
    if (cls === 'place') {
      const country = findCountry(name);
      if (country) {
        add(`place:${normaliseName(country.name)}`, 'place', m, name, 'Country', { canonical: country.name, countryCode: country.code, lat: country.lat, lon: country.lon });
        continue;
      }
    }
    add(`${cls}:${normaliseName(name)}`, cls, m, name, m.fine);
  }

  mergePartialNames(clusters);
  mergeAcronyms(clusters);
  attachHandles(doc, typed, clusterOfMention, clusters);

  const entities: Entity[] = [];
  const iriOf = new Map<Cluster, string>();
  for (const c of new Set(clusters.values())) {
    // The label: the gazetteer's name, else the fullest name that is not an acronym.
    const names = [...c.names.keys()];
    const label =
      c.canonical ??
      names.sort((a, b) => Number(isAcronym(a)) - Number(isAcronym(b)) || b.split(' ').length - a.split(' ').length || (c.names.get(b) ?? 0) - (c.names.get(a) ?? 0) || b.length - a.length)[0];
    const fine = best(c.fines, (a) => !GENERIC.has(a));
    const iri = mintIri(base, c.cls, c.iriName ?? label);
    iriOf.set(c, iri);
    const entity: Entity = {
      iri,
      cls: c.cls,
      fine: GENERIC.has(fine) ? ([...c.fines.keys()].find((f) => !GENERIC.has(f)) ?? fine) : fine,
      label,
      aliases: [...new Set([...c.names.keys()].filter((n) => n !== label))].sort(),
      handles: [...c.handles].sort(),
      mentions: c.mentions.sort((a, b) => a.start - b.start),
    };
    if (c.countryCode) entity.countryCode = c.countryCode;
    if (c.lat !== undefined && c.lon !== undefined) {
      entity.lat = c.lat;
      entity.lon = c.lon;
    }
    if (c.countryName) entity.country = mintIri(base, 'place', c.countryName);
    if (entity.fine === 'City') {
      const city = findCity(label);
      if (city) {
        entity.geonamesId = city.geonamesId;
        entity.lat = city.lat;
        entity.lon = city.lon;
        const country = countryOfCode(city.country);
        if (country) entity.containedIn = mintIri(base, 'place', country.name);
      }
    }
    if (entity.fine === 'Region') {
      const country = countryOfCode(findRegion(label)?.countryCode ?? '');
      if (country) entity.containedIn = mintIri(base, 'place', country.name);
    }
    entities.push(entity);
  }

  // Co-mentions: distinct entities in the same sentence.
  const coMentions: CoMention[] = [];
  const bySentence = new Map<number, Set<string>>();
  for (const [m, c] of clusterOfMention) {
    let set = bySentence.get(m.sentence);
    if (!set) bySentence.set(m.sentence, (set = new Set()));
    set.add(iriOf.get(root(c))!);
  }
  for (const [si, iris] of [...bySentence.entries()].sort((a, b) => a[0] - b[0])) {
    const list = [...iris].sort();
    const s = doc.sentences[si];
    for (let i = 0; i < list.length; i++)
      for (let j = i + 1; j < list.length; j++) coMentions.push({ a: list[i], b: list[j], articleId: article.id, sentence: si, sentenceText: doc.text.slice(s.start, s.end), start: s.start, end: s.end });
  }
  const iriOfTyped = typed.map((m) => {
    const c = clusterOfMention.get(m);
    return c ? iriOf.get(root(c)) : undefined;
  });
  const labelOf = new Map(entities.map((e) => [e.iri, e.label]));
  const resolvedFacts = facts ? resolveFacts(article, doc, facts, iriOfTyped, labelOf, base) : { relations: [], events: [], sources: [], posts: [] };
  return { article, entities: entities.sort((a, b) => a.iri.localeCompare(b.iri)), coMentions, ...resolvedFacts };
}

/** Moves every entry of `from` into `into` and points its keys there. */
function absorb(clusters: Map<string, Cluster>, into: Cluster, from: Cluster): void {
  if (into === from) return;
  for (const [n, k] of from.names) into.names.set(n, (into.names.get(n) ?? 0) + k);
  for (const [f, k] of from.fines) into.fines.set(f, (into.fines.get(f) ?? 0) + k);
  into.mentions.push(...from.mentions);
  for (const h of from.handles) into.handles.add(h);
  for (const [key, c] of clusters) if (c === from) clusters.set(key, into);
  from.mergedInto = into;
}

/** "Bajolet" and "Salah" join "Bernard Bajolet" and "Abdeslam Salah" when exactly one full name fits. */
function mergePartialNames(clusters: Map<string, Cluster>): void {
  const people = [...new Set(clusters.values())].filter((c) => c.cls === 'person');
  const full = people.filter((c) => [...c.names.keys()].some((n) => n.split(/\s+/).length > 1));
  for (const c of people) {
    const names = [...c.names.keys()];
    if (names.some((n) => n.split(/\s+/).length > 1)) continue;
    const word = names[0].toLowerCase();
    const fits = full.filter((f) => [...f.names.keys()].some((n) => n.toLowerCase().split(/\s+/).includes(word)));
    if (fits.length === 1) absorb(clusters, fits[0], c);
  }
}

/**
 * An acronym joins the organisation whose initials it spells ("IRGC" ~ "Iranian Revolutionary
 * Guard Corps"), or begins with, when both have the same specific type ("ISIS" ~ "Islamic State").
 * An acronym the tagger took for a place ("NLA") joins an organisation only on exact initials;
 * countries' codes never do.
 */
function mergeAcronyms(clusters: Map<string, Cluster>): void {
  const all = [...new Set(clusters.values())];
  const orgs = all.filter((c) => c.cls === 'organization');
  for (const c of all.filter((c) => (c.cls === 'organization' || c.cls === 'place') && !c.countryCode)) {
    const acronym = [...c.names.keys()].find(isAcronym)?.replace(/[.\-]/g, '');
    if (!acronym || [...c.names.keys()].some((n) => !isAcronym(n))) continue;
    const fine = best(c.fines);
    const candidates = orgs.filter((o) => {
      if (o === c) return false;
      return [...o.names.keys()].some((n) => {
        if (isAcronym(n)) return false;
        const ini = initials(n);
        if (ini.length < 2) return false;
        if (ini === acronym) return true;
        return c.cls === 'organization' && acronym.startsWith(ini) && acronym.length - ini.length <= 2 && !GENERIC.has(fine) && best(o.fines) === fine;
      });
    });
    if (candidates.length !== 1) continue;
    if (c.cls !== 'organization') c.fines.clear(); // the tagger's place type was the mistake
    absorb(clusters, candidates[0], c);
  }
}

/** "Name (@handle)" gives the handle to that name; otherwise a handle spelling a name's letters does. */
function attachHandles(doc: Doc, typed: TypedMention[], clusterOf: Map<TypedMention, Cluster>, clusters: Map<string, Cluster>): void {
  const byEnd = new Map<number, TypedMention>();
  for (const m of typed) byEnd.set(m.tokenEnd, m);
  const letters = (s: string) => normaliseName(s).replace(/[^a-z0-9]/g, '');
  for (let i = 0; i < doc.tokens.length; i++) {
    const t = doc.tokens[i].text;
    if (!/^@\w{2,}$/.test(t)) continue;
    const before = i > 0 && doc.tokens[i - 1].text === '(' ? byEnd.get(i - 1) : undefined;
    let target = before && clusterOf.get(before) ? root(clusterOf.get(before)!) : undefined;
    if (!target) {
      const h = letters(t.slice(1));
      target = [...new Set(clusters.values())].find((c) => [...c.names.keys()].some((n) => letters(n) === h));
    }
    target?.handles.add(t);
  }
}

/** Entities of several articles merged by IRI: names, handles and mentions are united. */
export function mergeEntities(resolved: ResolvedArticle[]): Entity[] {
  const byIri = new Map<string, Entity>();
  for (const r of resolved) {
    for (const e of r.entities) {
      const prev = byIri.get(e.iri);
      if (!prev) {
        byIri.set(e.iri, { ...e, aliases: [...e.aliases], handles: [...e.handles], mentions: [...e.mentions] });
        continue;
      }
      prev.aliases = [...new Set([...prev.aliases, ...e.aliases, ...(e.label !== prev.label ? [e.label] : [])])].sort();
      prev.handles = [...new Set([...prev.handles, ...e.handles])].sort();
      prev.mentions.push(...e.mentions);
      if (GENERIC.has(prev.fine) && !GENERIC.has(e.fine)) prev.fine = e.fine;
      prev.geonamesId ??= e.geonamesId;
      prev.containedIn ??= e.containedIn;
      prev.lat ??= e.lat;
      prev.lon ??= e.lon;
    }
  }
  return [...byIri.values()].sort((a, b) => a.iri.localeCompare(b.iri));
}
