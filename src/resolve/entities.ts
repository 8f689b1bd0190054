/**
 * Resolution: the typed mentions of one article become entities (aliases, acronyms, partial
 * person names, demonyms, country codes and @handles merged), each with an IRI minted from its
 * class and normalised name, so that entities of separate builds merge by plain union.
 */
import { CATEGORY_OF, type Article, type CoMention, type CorefLink, type Doc, type Entity, type EntityCategory, type EntityNode, type EntityClass, type Facts, type MentionRef, type ResolvedArticle, type TypedMention } from '../types.js';
import { resolveFacts } from './facts.js';
import { normaliseName } from '../extract/index.js';
import { byIri, mintIri } from './iri.js';
import { countryOfCode, countryOfDemonym, findCity, findCountry, findRegion } from './places.js';

const GENERIC = new Set<EntityClass>(['Organization', 'Place', 'Other']);

/** The mentions of one entity in an article, with the names and classes they give it. */
interface Cluster {
  category: EntityCategory;
  names: Map<string, number>;
  classes: Map<EntityClass, number>;
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

/** A surname alone or behind an initial ("Blair", "G. Cooper"): not enough to name one person across articles. */
const isShortName = (label: string) => {
  const words = label.split(/\s+/);
  return words.length === 1 || (words.length === 2 && /^\p{Lu}\.?$/u.test(words[0]));
};
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
export function resolveArticle(article: Article, doc: Doc, typed: TypedMention[], base: string, facts?: Facts, links: readonly CorefLink[] = []): ResolvedArticle {
  const { clusters, clusterOfMention } = clusterMentions(article, typed);
  mergeCoreferentNames(typed, links, clusters, clusterOfMention);
  mergePartialNames(clusters);
  mergeAcronyms(clusters);
  attachHandles(doc, typed, clusterOfMention, clusters);
  const named = new Map(clusterOfMention);
  attachReferring(article, typed, links, clusterOfMention);
  const { entities, iriOf } = assembleEntities(clusters, base, article.id);
  const coMentions = coMentionsOf(article, doc, named, iriOf);
  const iriOfTyped = typed.map((m) => {
    const c = clusterOfMention.get(m);
    return c ? iriOf.get(root(c)) : undefined;
  });
  const labelOf = new Map(entities.map((e) => [e.iri, e.label]));
  const resolvedFacts = facts ? resolveFacts(article, doc, facts, iriOfTyped, labelOf, base) : { relations: [], events: [], sources: [], posts: [] };
  const sentences = doc.sentences.map((s) => ({ start: s.start, end: s.end }));
  return { article, sentences, entities: entities.sort((a, b) => byIri(a.iri, b.iri)), coMentions, ...resolvedFacts };
}

/** Typed mentions grouped by category and normalised name; demonyms and country names join their country, agencies their country's agency. */
function clusterMentions(article: Article, typed: TypedMention[]): { clusters: Map<string, Cluster>; clusterOfMention: Map<TypedMention, Cluster> } {
  const clusters = new Map<string, Cluster>();
  const clusterOfMention = new Map<TypedMention, Cluster>();
  const add = (key: string, category: EntityCategory, m: TypedMention, name: string, cls: EntityClass, extra: Partial<Cluster> = {}) => {
    let c = clusters.get(key);
    if (!c) clusters.set(key, (c = { category, names: new Map(), classes: new Map(), mentions: [], handles: new Set(), ...extra }));
    c.names.set(name, (c.names.get(name) ?? 0) + 1);
    c.classes.set(cls, (c.classes.get(cls) ?? 0) + 1);
    c.mentions.push({ articleId: article.id, start: m.start, end: m.end, sentenceIndex: m.sentenceIndex, text: m.text, confidence: m.score });
    clusterOfMention.set(m, c);
  };

  for (const m of typed) {
    if (m.referring) continue;
    const name = m.text.replace(/[’']s$/u, '');
    if (m.class === 'Other') {
      // "French", "Iraqi": a demonym names its country.
      const country = m.tag === 'MISC' ? countryOfDemonym(m.text) : undefined;
      if (country) add(`place:${normaliseName(country.name)}`, 'place', m, m.text, 'Country', { canonical: country.name, countryCode: country.code, lat: country.lat, lon: country.lon });
      continue;
    }
    const category = CATEGORY_OF[m.class]!;
    if (m.country) {
      // "French police" and "Iraq's police" are one agency: keyed by the country and the head words.
      const country = countryOfDemonym(m.country) ?? findCountry(m.country.replace(/[’']s$/u, ''));
      if (country) {
        const head = m.text.slice(m.country.length).replace(/^[’']s/u, '').trim().toLowerCase();
        add(`organization:${normaliseName(country.name)}:${head}`, 'organization', m, m.text, m.class, { countryName: country.name, iriName: `${country.name} ${head}` });
        continue;
      }
    }
    if (category === 'place') {
      const country = findCountry(name);
      if (country) {
        add(`place:${normaliseName(country.name)}`, 'place', m, name, 'Country', { canonical: country.name, countryCode: country.code, lat: country.lat, lon: country.lon });
        continue;
      }
    }
    add(`${category}:${normaliseName(name)}`, category, m, name, m.class);
  }
  return { clusters, clusterOfMention };
}

/** One entity per cluster: its label, class, IRI, aliases, and what the gazetteers know of it. */
function assembleEntities(clusters: Map<string, Cluster>, base: string, articleId: string): { entities: Entity[]; iriOf: Map<Cluster, string> } {
  const entities: Entity[] = [];
  const iriOf = new Map<Cluster, string>();
  for (const c of new Set(clusters.values())) {
    // The label: the gazetteer's name, else the fullest name that is not an acronym.
    const names = [...c.names.keys()];
    const label =
      c.canonical ??
      names.sort((a, b) => Number(isAcronym(a)) - Number(isAcronym(b)) || b.split(' ').length - a.split(' ').length || (c.names.get(b) ?? 0) - (c.names.get(a) ?? 0) || b.length - a.length)[0];
    const cls = best(c.classes, (a) => !GENERIC.has(a));
    // A person known only by a surname ("Blair", "G Cooper") is this article's: a bare surname never
    // joins two articles' people, so its IRI carries the article.
    const iri = mintIri(base, c.category, c.iriName ?? (c.category === 'person' && isShortName(label) ? `${label} ${articleId.slice(0, 8)}` : label));
    iriOf.set(c, iri);
    const entity: Entity = {
      iri,
      category: c.category,
      class: GENERIC.has(cls) ? ([...c.classes.keys()].find((f) => !GENERIC.has(f)) ?? cls) : cls,
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
    placeInGazetteers(entity, base);
    entities.push(entity);
  }
  return { entities, iriOf };
}

/** A city's GeoNames id, coordinates and country; a region's country. */
function placeInGazetteers(entity: Entity, base: string): void {
  if (entity.class === 'City') {
    const city = findCity(entity.label);
    if (city) {
      entity.geonamesId = city.geonamesId;
      entity.lat = city.lat;
      entity.lon = city.lon;
      const country = countryOfCode(city.country);
      if (country) entity.containedIn = mintIri(base, 'place', country.name);
    }
  }
  if (entity.class === 'Region') {
    const country = countryOfCode(findRegion(entity.label)?.countryCode ?? '');
    if (country) entity.containedIn = mintIri(base, 'place', country.name);
  }
}

/** Co-mentions: distinct entities named in the same sentence, each pair once per sentence. */
function coMentionsOf(article: Article, doc: Doc, clusterOfMention: Map<TypedMention, Cluster>, iriOf: Map<Cluster, string>): CoMention[] {
  const coMentions: CoMention[] = [];
  const bySentence = new Map<number, Set<string>>();
  for (const [m, c] of clusterOfMention) {
    let set = bySentence.get(m.sentenceIndex);
    if (!set) bySentence.set(m.sentenceIndex, (set = new Set()));
    set.add(iriOf.get(root(c))!);
  }
  for (const [si, iris] of [...bySentence.entries()].sort((a, b) => a[0] - b[0])) {
    const list = [...iris].sort();
    const s = doc.sentences[si];
    for (let i = 0; i < list.length; i++)
      for (let j = i + 1; j < list.length; j++) coMentions.push({ a: list[i], b: list[j], articleId: article.id, sentenceIndex: si, sentenceText: doc.text.slice(s.start, s.end), start: s.start, end: s.end });
  }
  return coMentions;
}

/** Moves every entry of `from` into `into` and points its keys there. */
function absorb(clusters: Map<string, Cluster>, into: Cluster, from: Cluster): void {
  if (into === from) return;
  for (const [n, k] of from.names) into.names.set(n, (into.names.get(n) ?? 0) + k);
  for (const [f, k] of from.classes) into.classes.set(f, (into.classes.get(f) ?? 0) + k);
  into.mentions.push(...from.mentions);
  for (const h of from.handles) into.handles.add(h);
  for (const [key, c] of clusters) if (c === from) clusters.set(key, into);
  from.mergedInto = into;
}

/** Names coreference joined ("Blair" and "Tony Blair"): one cluster. */
function mergeCoreferentNames(typed: TypedMention[], links: readonly CorefLink[], clusters: Map<string, Cluster>, clusterOf: Map<TypedMention, Cluster>): void {
  for (const l of links) {
    const a = clusterOf.get(typed[l.mention]);
    const b = clusterOf.get(typed[l.antecedent]);
    if (!a || !b) continue;
    const into = root(b);
    const from = root(a);
    if (into === from || into.category !== from.category) continue;
    absorb(clusters, into, from);
    const ref = into.mentions.find((r) => r.start === typed[l.mention].start && r.end === typed[l.mention].end);
    if (ref && l.sieve !== 'exact-name') ref.coref = { sieve: l.sieve, antecedentStart: typed[l.antecedent].start, antecedentEnd: typed[l.antecedent].end };
  }
}

/**
 * Pronouns and descriptions join the entity of their chain's name, as mentions that say how they
 * were linked; their words never become the entity's name.
 */
function attachReferring(article: Article, typed: TypedMention[], links: readonly CorefLink[], clusterOf: Map<TypedMention, Cluster>): void {
  const antecedentOf = new Map(links.map((l) => [l.mention, l]));
  typed.forEach((m, i) => {
    if (!m.referring) return;
    const link = antecedentOf.get(i);
    if (!link) return;
    // Follow the chain back to a name.
    let at: CorefLink | undefined = link;
    const seen = new Set<number>();
    while (at && typed[at.antecedent].referring && !seen.has(at.antecedent)) {
      seen.add(at.antecedent);
      at = antecedentOf.get(at.antecedent);
    }
    const cluster = at ? clusterOf.get(typed[at.antecedent]) : undefined;
    if (!cluster) return;
    const into = root(cluster);
    const antecedent = typed[link.antecedent];
    into.mentions.push({
      articleId: article.id,
      start: m.start,
      end: m.end,
      sentenceIndex: m.sentenceIndex,
      text: m.text,
      confidence: link.confidence,
      coref: { sieve: link.sieve, antecedentStart: antecedent.start, antecedentEnd: antecedent.end, referring: m.referring },
    });
    clusterOf.set(m, into);
  });
}

/** "Bajolet" and "Salah" join "Bernard Bajolet" and "Abdeslam Salah" when exactly one full name fits. */
function mergePartialNames(clusters: Map<string, Cluster>): void {
  const people = [...new Set(clusters.values())].filter((c) => c.category === 'person');
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
  const orgs = all.filter((c) => c.category === 'organization');
  for (const c of all.filter((c) => (c.category === 'organization' || c.category === 'place') && !c.countryCode)) {
    const acronym = [...c.names.keys()].find(isAcronym)?.replace(/[.\-]/g, '');
    if (!acronym || [...c.names.keys()].some((n) => !isAcronym(n))) continue;
    const cls = best(c.classes);
    const candidates = orgs.filter((o) => {
      if (o === c) return false;
      return [...o.names.keys()].some((n) => {
        if (isAcronym(n)) return false;
        const ini = initials(n);
        if (ini.length < 2) return false;
        if (ini === acronym) return true;
        return c.category === 'organization' && acronym.startsWith(ini) && acronym.length - ini.length <= 2 && !GENERIC.has(cls) && best(o.classes) === cls;
      });
    });
    if (candidates.length !== 1) continue;
    if (c.category !== 'organization') c.classes.clear(); // the tagger's place type was the mistake
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

/**
 * The entities of a build, merged by IRI as articles arrive: names and handles are united, mentions
 * counted. It keeps no mention, so it grows with the entities, not with the articles.
 */
export class EntityIndex {
  private readonly byIri = new Map<string, EntityNode>();

  add(r: ResolvedArticle): void {
    for (const { mentions, ...e } of r.entities) {
      const prev = this.byIri.get(e.iri);
      if (!prev) {
        this.byIri.set(e.iri, { ...e, aliases: [...e.aliases], handles: [...e.handles], mentionCount: mentions.length, articles: [r.article.id] });
        continue;
      }
      prev.aliases = [...new Set([...prev.aliases, ...e.aliases, ...(e.label !== prev.label ? [e.label] : [])])].sort();
      prev.handles = [...new Set([...prev.handles, ...e.handles])].sort();
      prev.mentionCount += mentions.length;
      if (prev.articles.at(-1) !== r.article.id) prev.articles.push(r.article.id);
      if (GENERIC.has(prev.class) && !GENERIC.has(e.class)) prev.class = e.class;
      prev.geonamesId ??= e.geonamesId;
      prev.containedIn ??= e.containedIn;
      prev.lat ??= e.lat;
      prev.lon ??= e.lon;
    }
  }

  get size(): number {
    return this.byIri.size;
  }

  /** The entities so far, by IRI. */
  entities(): EntityNode[] {
    return [...this.byIri.values()].sort((a, b) => byIri(a.iri, b.iri));
  }
}

/** Entities of several articles merged by IRI. */
export function mergeEntities(resolved: readonly ResolvedArticle[]): EntityNode[] {
  const index = new EntityIndex();
  for (const r of resolved) index.add(r);
  return index.entities();
}
