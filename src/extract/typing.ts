/**
 * Fine entity types from general evidence: the tagger's coarse type, the head noun of the name
 * ("… Post", "… Police", "… Inc."), the common noun it stands in apposition to ("newspaper X",
 * "terrorist X", "the X terrorist organization"), the place gazetteer, and agreement between the
 * mentions of the same name in the article. Also finds organisation names the tagger missed
 * (a capitalised sequence ending in an organisation head noun) and named events ("the Paris
 * attacks", "the Charlie Hebdo massacre").
 *
 * The word lists here are closed-class language data (head nouns, role nouns, event nouns),
 * never names of particular entities.
 */
import type { Doc, EntityType, Mention } from '../types.js';

export type FineType =
  | 'Person'
  | 'Organization'
  | 'GovernmentOrganization'
  | 'NewsMediaOrganization'
  | 'ArmedGroup'
  | 'Company'
  | 'Place'
  | 'Country'
  | 'City'
  | 'Event'
  | 'Other';

/** The broad class of a fine type: what an entity's IRI is minted under, and what GUM scores. */
export type EntityClass = 'person' | 'organization' | 'place' | 'event';

export const CLASS_OF: Record<FineType, EntityClass | undefined> = {
  Person: 'person',
  Organization: 'organization',
  GovernmentOrganization: 'organization',
  NewsMediaOrganization: 'organization',
  ArmedGroup: 'organization',
  Company: 'organization',
  Place: 'place',
  Country: 'place',
  City: 'place',
  Event: 'event',
  Other: undefined,
};

/** A mention (offsets and token range as in the Doc) with its coarse and fine type. */
export interface TypedMention extends Omit<Mention, 'type'> {
  /** The tagger's type, or EVENT for named events found here. */
  coarse: EntityType | 'EVENT';
  fine: FineType;
  /** Why the fine type was chosen: rule names, for provenance. */
  evidence: string[];
  /** For a country's agency ("French police", "France's spy agency"): the words naming the country. */
  country?: string;
}

/** Places the typing consults: which names are countries and which cities. */
export interface PlaceLookup {
  isCountry(name: string): boolean;
  isCity(name: string): boolean;
  /** Whether a word is a country's demonym ("French"). */
  isDemonym(word: string): boolean;
}

const words = (s: string) => new Set(s.split(/\s+/).filter(Boolean));

/** Head nouns that end names of news media. */
const MEDIA_HEADS = words('news times post press journal herald tribune gazette telegraph guardian chronicle observer mail express daily weekly magazine radio television tv broadcasting broadcaster channel network wire images photos reuters');
/** Head nouns that end names of government bodies, police, courts and armed forces. */
const GOVERNMENT_HEADS = words(
  'police ministry department agency army navy forces force military intelligence counterintelligence service services bureau office council court parliament senate congress assembly government administration commission prefecture gendarmerie guard command embassy cabinet directorate authority legislature judiciary',
);
/** Head nouns that end names of companies. */
const COMPANY_HEADS = words('inc inc. corp corp. corporation ltd ltd. llc plc co. company holdings bank airlines airways motors');
/** Head nouns of armed or terrorist groups. */
const ARMED_HEADS = words('militia militias brigade brigades front movement rebels insurgency');

/** Common nouns that, right before a name, say what it names ("newspaper Charlie Hebdo"). */
const BEFORE_MEDIA = words('newspaper newspapers magazine broadcaster tabloid daily weekly network channel outlet agency');
const BEFORE_PERSON = words(
  'terrorist president minister prosecutor mayor suspect leader chief spokesman spokeswoman spokesperson officer general senator governor judge actor actress singer author journalist reporter official commander director secretary chairman ceo founder premier king queen prince princess pope bishop cardinal archbishop lawyer attorney professor dr. mr. mrs. ms. sgt. gen. col. lt. capt. detective inspector constable gunman attacker victim militant',
);
const BEFORE_ARMED = words('militant terror terrorist jihadist extremist insurgent rebel');
/** Nouns that, right after a name, say it names an organisation of some kind ("ISIS headquarters"). */
const AFTER_ARMED = words('militants fighters insurgents jihadists extremists');
const AFTER_ORG_PHRASES: [string[], FineType][] = [
  [['terrorist', 'organization'], 'ArmedGroup'],
  [['terrorist', 'organisation'], 'ArmedGroup'],
  [['terrorist', 'group'], 'ArmedGroup'],
  [['terror', 'group'], 'ArmedGroup'],
  [['militant', 'group'], 'ArmedGroup'],
  [['sleeper', 'cell'], 'ArmedGroup'],
  [['headquarters'], 'Organization'],
  [['spokesman'], 'Organization'],
  [['spokeswoman'], 'Organization'],
];
/** Head nouns that end names of events ("Robot Olympics", "World Cup", "Expo 2010" aside). */
const EVENT_HEADS = words('olympics games cup championship championships festival expo exposition summit conference election elections war revolution hajj marathon tournament ceremony awards prix fair uprising massacre');
/** Words that open names of events ("Hurricane Dorian", "Operation Clambake", "Battle of Mosul"). */
const EVENT_FIRST = words('hurricane typhoon cyclone storm operation battle siege');
/** Event nouns that, after a name, make a named event ("the Paris attacks"). */
const EVENT_NOUNS = words('attack attacks massacre bombing bombings shooting shootings explosion blast siege hijacking riots riot protests uprising war earthquake tsunami hurricane typhoon cyclone flood floods fire election elections referendum summit crisis scandal trial olympics');

const COARSE_DEFAULT: Record<EntityType, FineType> = { PER: 'Person', ORG: 'Organization', LOC: 'Place', MISC: 'Other' };

/** Hyphenated modifiers built on a name. */
const MODIFIER = /-(backed|led|based|linked|affiliated|born|made|inspired|style|owned|run|funded|allied)$/i;

/** The head token of a name: the word before "of" ("Times of Israel"), else the last word. */
function headOf(doc: Doc, tokenStart: number, tokenEnd: number): number {
  for (let t = tokenStart + 1; t < tokenEnd - 1; t++) if (doc.tokens[t].text === 'of') return t - 1;
  return tokenEnd - 1;
}

function lowerAt(doc: Doc, i: number): string {
  return i >= 0 && i < doc.tokens.length ? doc.tokens[i].text.toLowerCase() : '';
}

function isCapitalised(s: string): boolean {
  return /^\p{Lu}/u.test(s) || /^\d/.test(s);
}

/** Words that open names of news media ("Daily …", "Radio …"). */
const MEDIA_FIRST = words('daily weekly radio');

/** The fine type that a name's own head noun gives it, if any. */
function headType(head: string, first?: string): FineType | undefined {
  if (first && MEDIA_FIRST.has(first.toLowerCase())) return 'NewsMediaOrganization';
  const h = head.toLowerCase();
  if (MEDIA_HEADS.has(h)) return 'NewsMediaOrganization';
  if (GOVERNMENT_HEADS.has(h)) return 'GovernmentOrganization';
  if (COMPANY_HEADS.has(h)) return 'Company';
  if (ARMED_HEADS.has(h)) return 'ArmedGroup';
  return undefined;
}

/** The fine type the words around a mention give it, with the rule's name. */
function contextType(doc: Doc, tokenStart: number, tokenEnd: number): [FineType, string] | undefined {
  const before = lowerAt(doc, tokenStart - 1);
  // "the X terrorist organization", "X sleeper cell", "X headquarters"
  for (const [phrase, type] of AFTER_ORG_PHRASES) {
    if (phrase.every((w, k) => lowerAt(doc, tokenEnd + k) === w)) return [type, `followed by "${phrase.join(' ')}"`];
  }
  if (AFTER_ARMED.has(lowerAt(doc, tokenEnd))) return ['ArmedGroup', `followed by "${lowerAt(doc, tokenEnd)}"`];
  if (BEFORE_MEDIA.has(before)) return ['NewsMediaOrganization', `after "${before}"`];
  // "militant group X", "terrorist organization X"
  if (/^(group|organization|organisation)$/.test(before) && BEFORE_ARMED.has(lowerAt(doc, tokenStart - 2))) {
    return ['ArmedGroup', `after "${lowerAt(doc, tokenStart - 2)} ${before}"`];
  }
  if (BEFORE_PERSON.has(before)) return ['Person', `after "${before}"`];
  return undefined;
}

/**
 * A person's name with the initial written before it without a period ("W Patrick Wilson"),
 * which the tagger leaves out. "A" and "I" are words, not initials.
 */
function withInitial(doc: Doc, m: Doc['mentions'][number]): Doc['mentions'][number] {
  const prev = doc.tokens[m.tokenStart - 1];
  if (m.type !== 'PER' || !prev || !/^[B-HJ-Z]$/.test(prev.text) || doc.text.slice(prev.end, m.start) !== ' ') return m;
  return { ...m, tokenStart: m.tokenStart - 1, start: prev.start, text: doc.text.slice(prev.start, m.end) };
}

/** Fine types for the tagger's mentions, plus organisation names and named events it missed. */
export function typeMentions(doc: Doc, places: PlaceLookup): TypedMention[] {
  const out: TypedMention[] = [];
  const covered = new Uint8Array(doc.tokens.length);
  for (const tagged of doc.mentions) {
    const m = withInitial(doc, tagged);
    for (let t = m.tokenStart; t < m.tokenEnd; t++) covered[t] = 1;
    const evidence: string[] = [`tagger:${m.type}`];
    let fine = COARSE_DEFAULT[m.type];
    const headToken = headOf(doc, m.tokenStart, m.tokenEnd);
    const head = m.tokenEnd - m.tokenStart > 1 ? headType(doc.tokens[headToken].text, doc.tokens[m.tokenStart].text) : undefined;
    const ctx = contextType(doc, m.tokenStart, m.tokenEnd);
    if (m.tokenEnd - m.tokenStart > 1 && EVENT_FIRST.has(doc.tokens[m.tokenStart].text.toLowerCase())) {
      fine = 'Event';
      evidence.push(`opening word "${doc.tokens[m.tokenStart].text}"`);
    } else if (m.type !== 'PER' && EVENT_HEADS.has(doc.tokens[headToken].text.toLowerCase())) {
      fine = 'Event';
      evidence.push(`event head word "${doc.tokens[headToken].text}"`);
    } else if (MODIFIER.test(m.text)) {
      // "ISIS-backed", "Paris-based": a modifier that mentions a name, not a name itself.
      fine = 'Other';
      evidence.push('hyphenated modifier');
    } else if (ctx) {
      fine = ctx[0];
      evidence.push(`context: ${ctx[1]}`);
    } else if (head && m.type !== 'PER') {
      fine = head;
      evidence.push(`head word "${doc.tokens[headToken].text}" or opening word of the name`);
    } else if (head && m.type === 'PER') {
      // A "person" whose name ends in an organisation head noun ("Getty Images") is an organisation.
      fine = head;
      evidence.push(`head noun "${doc.tokens[headToken].text}" over tagger:PER`);
    }
    if (m.type === 'LOC' && fine === 'Place') {
      if (places.isCountry(m.text) || places.isCountry(m.text.replace(/\./g, ''))) {
        fine = 'Country';
        evidence.push('gazetteer: country');
      } else if (places.isCity(m.text)) {
        fine = 'City';
        evidence.push('gazetteer: city');
      }
    }
    out.push({ text: m.text, start: m.start, end: m.end, tokenStart: m.tokenStart, tokenEnd: m.tokenEnd, sentence: m.sentence, coarse: m.type, fine, score: m.score, evidence });
  }
  addMissedOrganisations(doc, covered, out);
  addCountryAgencies(doc, out, places);
  agreeWithinDocument(out);
  addNamedEvents(doc, out);
  return out.sort((a, b) => a.start - b.start || b.end - a.end);
}

/** Capitalised sequences ending in an organisation head noun ("Channel 4 News") that the tagger missed. */
function addMissedOrganisations(doc: Doc, covered: Uint8Array, out: TypedMention[]): void {
  doc.sentences.forEach((s, si) => {
    let i = s.tokenStart;
    while (i < s.tokenEnd) {
      if (covered[i] || !/^\p{Lu}/u.test(doc.tokens[i].text)) {
        i++;
        continue;
      }
      let j = i;
      while (j < s.tokenEnd && !covered[j] && isCapitalised(doc.tokens[j].text)) j++;
      const head = j - i >= 2 ? headType(doc.tokens[j - 1].text) : undefined;
      // A run that starts the sentence may be ordinary capitalised words ("Police said …").
      if (head && i > s.tokenStart) {
        const start = doc.tokens[i].start;
        const end = doc.tokens[j - 1].end;
        const evidence = [`capitalised name with head noun "${doc.tokens[j - 1].text}"`];
        out.push({ text: doc.text.slice(start, end), start, end, tokenStart: i, tokenEnd: j, sentence: si, coarse: 'ORG', fine: head, score: 0.5, evidence });
      }
      i = j;
    }
  });
}

/**
 * A country's agency named by a demonym or a (possessive) country and a government head noun:
 * "French police", "France's spy agency", "Iraqi intelligence". Up to two lowercase words may
 * come between ("France's spy agency").
 */
const FUNCTION_WORDS = words('and or but nor to of for with by in on at from as the a an according said says wants');

function addCountryAgencies(doc: Doc, mentions: TypedMention[], places: PlaceLookup): void {
  const found: TypedMention[] = [];
  for (const m of mentions) {
    const demonym = m.coarse === 'MISC' && m.fine === 'Other' && places.isDemonym(m.text);
    const country = m.fine === 'Country';
    if (!demonym && !country) continue;
    let t = m.tokenEnd;
    if (country && /^[’']s$/.test(doc.tokens[t]?.text ?? '')) t++;
    for (let k = 0; k < 3 && t + k < doc.tokens.length; k++) {
      const w = doc.tokens[t + k].text;
      if (!/^\p{Ll}+$/u.test(w) || FUNCTION_WORDS.has(w)) break;
      if (GOVERNMENT_HEADS.has(w)) {
        const end = doc.tokens[t + k].end;
        found.push({
          text: doc.text.slice(m.start, end),
          start: m.start,
          end,
          tokenStart: m.tokenStart,
          tokenEnd: t + k + 1,
          sentence: m.sentence,
          coarse: 'ORG',
          fine: 'GovernmentOrganization',
          score: m.score,
          evidence: [`${demonym ? 'demonym' : 'country'} + government head noun "${w}"`],
          country: m.text,
        });
        break;
      }
    }
  }
  mentions.push(...found);
}

/**
 * Mentions of the same name agree on one fine type: the one with context or head-noun evidence
 * wins over the tagger's default, so "ISIS headquarters" types every "ISIS" in the article.
 */
function agreeWithinDocument(mentions: TypedMention[]): void {
  const best = new Map<string, TypedMention>();
  // Evidence strength first, then the more specific type ("sleeper cell" beats "headquarters").
  const strength = (m: TypedMention) =>
    (m.evidence.some((e) => e.startsWith('context')) ? 30 : m.evidence.some((e) => e.startsWith('head') || e.startsWith('capitalised')) ? 20 : m.evidence.some((e) => e.startsWith('gazetteer')) ? 10 : 0) +
    (m.fine === 'Organization' || m.fine === 'Place' || m.fine === 'Other' ? 0 : 1);
  for (const m of mentions) {
    const key = m.text.toLowerCase();
    const b = best.get(key);
    if (!b || strength(m) > strength(b)) best.set(key, m);
  }
  for (const m of mentions) {
    const b = best.get(m.text.toLowerCase())!;
    if (b !== m && strength(b) > strength(m) && b.fine !== m.fine) {
      m.fine = b.fine;
      m.evidence.push(`same name typed ${b.fine} at offset ${b.start}`);
    }
  }
}

/** "the Paris attacks", "the Charlie Hebdo massacre": a name followed by an event noun, after "the". */
function addNamedEvents(doc: Doc, mentions: TypedMention[]): void {
  const events: TypedMention[] = [];
  for (const m of mentions) {
    const noun = lowerAt(doc, m.tokenEnd);
    if (!EVENT_NOUNS.has(noun)) continue;
    if (lowerAt(doc, m.tokenStart - 1) !== 'the') continue;
    const end = doc.tokens[m.tokenEnd].end;
    events.push({
      text: doc.text.slice(m.start, end),
      start: m.start,
      end,
      tokenStart: m.tokenStart,
      tokenEnd: m.tokenEnd + 1,
      sentence: m.sentence,
      coarse: 'EVENT',
      fine: 'Event',
      score: m.score,
      evidence: [`"the" + name + event noun "${noun}"`],
    });
  }
  mentions.push(...events);
}
