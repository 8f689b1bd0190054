/**
 * Entity classes from general evidence: the tagger's tag, the head noun of the name
 * ("… Post", "… Police", "… Inc."), the common noun it stands in apposition to ("newspaper X",
 * "terrorist X", "the X terrorist organization"), the place gazetteer, and agreement between the
 * mentions of the same name in the article. Also finds organisation names the tagger missed
 * (a capitalised sequence ending in an organisation head noun) and named events ("the Paris
 * attacks", "the Charlie Hebdo massacre").
 *
 * The word lists here are closed-class language data (head nouns, role nouns, event nouns),
 * never names of particular entities.
 */
import type { Doc, EntityClass, Mention, TypedMention } from '../types.js';
import { wordSet as words } from './lexicon.js';
import { appositionClass, legislationClass, placeKind, productClass, teamOrPartyContext, workClass } from './classes.js';

/** Places the typing consults: which names are countries and which cities. */
export interface PlaceLookup {
  isCountry(name: string): boolean;
  isCity(name: string): boolean;
  /** Whether a name is a country's first-level region (a state, province or nation of a union). */
  isRegion?(name: string): boolean;
  /** Whether a word is a country's demonym ("French"). */
  isDemonym(word: string): boolean;
  /** Whether a word is a known given name or surname (the people-names gazetteer); absent, nothing is. */
  isPersonName?(word: string): boolean;
  /** Whether a lowercase word is an ordinary English word (the tagger's word list); absent, none is. */
  isWord?(word: string): boolean;
}

/** Head nouns that end names of news media. */
const MEDIA_HEADS = words('news times post press journal herald tribune gazette telegraph guardian chronicle observer mail express daily weekly magazine radio television tv broadcasting broadcaster channel network wire images photos reuters');
/** Head nouns that end names of government bodies, police, courts and armed forces. */
const GOVERNMENT_HEADS = words(
  'police ministry department agency army navy forces force military intelligence counterintelligence service services bureau office council parliament senate congress assembly government administration commission prefecture gendarmerie guard command embassy cabinet directorate authority legislature judiciary',
);
/** Head nouns that end names of companies. */
const COMPANY_HEADS = words('inc inc. corp corp. corporation ltd ltd. llc plc co. company holdings bank airlines airways motors');
/** Head nouns of courts, universities and schools, and sports clubs ("Leeds United FC", "Bristol Rovers"). */
const COURT_HEADS = words('court tribunal');
const EDUCATION_HEADS = words('university college school academy polytechnic conservatory');
const TEAM_HEADS = words('fc f.c. afc cf rovers wanderers athletic albion hotspur');
/** Head nouns of armed or terrorist groups. */
const ARMED_HEADS = words('militia militias brigade brigades front movement rebels insurgency');

/** Common nouns that, right before a name, say what it names ("newspaper Charlie Hebdo"). */
const BEFORE_MEDIA = words('newspaper newspapers magazine broadcaster tabloid daily weekly network channel outlet agency');
const BEFORE_PERSON = words(
  'terrorist president minister prosecutor mayor suspect leader chief spokesman spokeswoman spokesperson officer general senator governor judge actor actress singer author journalist reporter official commander director secretary chairman ceo founder premier king queen prince princess pope bishop cardinal archbishop lawyer attorney professor dr. mr. mrs. ms. sgt. gen. col. lt. capt. detective inspector constable gunman attacker victim militant',
);
const BEFORE_ARMED = words('militant terror terrorist jihadist extremist insurgent rebel');
/** Nouns that, followed by "of", take a place ("the mayor of Lisbon", "the outskirts of Kabul"). */
const PLACE_OF = words('mayor mayors governor governors city town village capital outskirts suburbs suburb centre center streets residents inhabitants citizens people province region north south east west northeast northwest southeast southwest kilometres kilometers miles');
/** Nouns that, right after a name, say it names an organisation of some kind ("ISIS headquarters"). */
const AFTER_ARMED = words('militants fighters insurgents jihadists extremists');
const AFTER_ORG_PHRASES: [string[], EntityClass][] = [
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

const CLASS_OF_TAG: Record<Mention['tag'], EntityClass> = { PER: 'Person', ORG: 'Organization', LOC: 'Place', MISC: 'Other' };

/** Frames that tie a group to someone ("linked to X", "ties to X", "allegiance to X"). */
const AFFILIATION_FRAMES = ['linked to', 'links to', 'ties to', 'tied to', 'affiliated with', 'affiliated to', 'allied with', 'allegiance to', 'loyal to', 'member of', 'members of', 'branch of', 'affiliate of', 'fighting for', 'fought for', 'recruited by', 'inspired by', 'claimed by'].map((f) => f.split(' '));
/** Words that make a sentence about militancy. */
const MILITANCY = /^(terror\w*|militan\w*|jihad\w*|extremis\w*|insurgen\w*|guerrilla\w*|paramilitar\w*)$/;
/** Particles inside personal names ("Osama bin Laden", "Ludwig van Beethoven"): a name with one is a person's. */
const NAME_PARTICLES = words('bin ibn bint abu abd van von der den de da di del della dos das du le la st. mc');
/** The Arabic article that opens names of groups and places ("Al Qaeda", "Al-Shabaab", "El Salvador"). */
const ARABIC_ARTICLE = /^(al|el|ad|an|ar|as|ash|at|az)(-|$)/i;

/**
 * A group named as what someone is linked to, in a sentence about militancy: "was linked to
 * Al Qaeda in Yemen", "pledged allegiance to Boko Haram". The tagger's PER only stands when the
 * name reads as a person's (a personal-name particle, or words known as given names or surnames).
 */
function affiliationType(doc: Doc, m: Mention, places: PlaceLookup): [EntityClass, string] | undefined {
  const frame = AFFILIATION_FRAMES.find((f) => f.every((w, k) => lowerAt(doc, m.tokenStart - f.length + k) === w));
  if (!frame) return undefined;
  const s = doc.sentences[m.sentenceIndex];
  let militant = false;
  for (let t = s.tokenStart; t < s.tokenEnd && !militant; t++) militant = MILITANCY.test(doc.tokens[t].text.toLowerCase());
  if (!militant) return undefined;
  if (m.tag === 'PER') {
    const nameWords = doc.tokens.slice(m.tokenStart, m.tokenEnd).map((t) => t.text);
    if (nameWords.length < 2 || nameWords.some((w) => NAME_PARTICLES.has(w.toLowerCase()))) return undefined;
    if (!ARABIC_ARTICLE.test(nameWords[0]) && nameWords.some((w) => places.isPersonName?.(w.toLowerCase()))) return undefined;
    if (ARABIC_ARTICLE.test(nameWords[0]) && nameWords.slice(1).some((w) => places.isPersonName?.(w.toLowerCase()))) return undefined;
  }
  return ['ArmedGroup', `"${frame.join(' ')}" in a sentence about militancy`];
}

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

/** The class that a name's own head noun gives it, if any. */
function headType(head: string, first?: string): EntityClass | undefined {
  if (first && MEDIA_FIRST.has(first.toLowerCase())) return 'NewsMediaOrganization';
  const h = head.toLowerCase();
  if (MEDIA_HEADS.has(h)) return 'NewsMediaOrganization';
  if (GOVERNMENT_HEADS.has(h)) return 'GovernmentOrganization';
  if (COMPANY_HEADS.has(h)) return 'Company';
  if (ARMED_HEADS.has(h)) return 'ArmedGroup';
  if (COURT_HEADS.has(h)) return 'Court';
  if (EDUCATION_HEADS.has(h)) return 'EducationalOrganization';
  if (TEAM_HEADS.has(h)) return 'SportsTeam';
  return undefined;
}

/** "Labour Party", "Socialist Party USA", "Party of Regions": a name with the word Party in it. */
function isPartyName(doc: Doc, m: Mention): boolean {
  for (let t = m.tokenStart; t < m.tokenEnd; t++) if (doc.tokens[t].text === 'Party') return m.tokenEnd - m.tokenStart > 1;
  return false;
}

/**
 * After a title of nobility, a person's name is names only ("Lord Carloway", "Queen Elizabeth II"), not words ("Lord Mayor", "Queen Victoria Market", "Lord of the Rings").
 */
function isPersonalAfterTitle(doc: Doc, m: Mention, places: PlaceLookup): boolean {
  for (let t = m.tokenStart + 1; t < m.tokenEnd; t++) {
    const w = doc.tokens[t].text;
    if (/^[IVX]+$/.test(w)) continue;
    // Surnames include words ("Mayor", "Market"), so a word disqualifies even a known name; the tagger finds "Prince Harry" itself.
    if (!/^\p{Lu}/u.test(w) || places.isWord?.(w.toLowerCase()) !== false) return false;
  }
  return true;
}

/** Titles of nobility and royalty that make a name a person's and stay in it ("Lord Carloway", "Queen Elizabeth"). */
const NOBLE_TITLES = words('lord lady baron baroness earl duke duchess king queen prince princess pope sheikh sultan emir');

/** The class the words around a mention give it, with the rule's name. */
function contextType(doc: Doc, tokenStart: number, tokenEnd: number): [EntityClass, string] | undefined {
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
  // "the mayor of X", "the outskirts of X", "north of X": X is a place.
  if (before === 'of' && PLACE_OF.has(lowerAt(doc, tokenStart - 2))) return ['Place', `after "${lowerAt(doc, tokenStart - 2)} of"`];
  return undefined;
}

/** Whether a gazetteer knows the name as a country, city or region. */
function isGazetteerPlace(places: PlaceLookup, name: string): boolean {
  return places.isCountry(name) || places.isCity(name) || places.isRegion?.(name) === true;
}

/** Words around a name that say it is a body with members: "Scientology officials", "members of the DAB". */
const AFTER_BODY = words('officials executives staffers members');
const BEFORE_BODY_OF = words('member members leader leaders');

/**
 * A body by its members ("X officials", "a member of X"), for a name no gazetteer knows as a place:
 * "Iraq officials" speak for the country, and stay its.
 */
function bodyContext(doc: Doc, m: Mention, places: PlaceLookup): [EntityClass, string] | undefined {
  if (m.tag === 'PER' || isGazetteerPlace(places, m.text) || places.isDemonym(m.text)) return undefined;
  const after = lowerAt(doc, m.tokenEnd);
  if (AFTER_BODY.has(after) && /^NNS$/.test(doc.pos[m.tokenEnd])) return ['Organization', `followed by "${after}"`];
  const t = lowerAt(doc, m.tokenStart - 1) === 'the' ? m.tokenStart - 2 : m.tokenStart - 1;
  if (lowerAt(doc, t) === 'of' && BEFORE_BODY_OF.has(lowerAt(doc, t - 1))) return ['Organization', `after "${lowerAt(doc, t - 1)} of"`];
  return undefined;
}

/**
 * A person's name with the initial written before it without a period ("W Patrick Wilson"),
 * which the tagger leaves out. "A" and "I" are words, not initials.
 */
function withInitial(doc: Doc, m: Doc['mentions'][number]): Doc['mentions'][number] {
  const prev = doc.tokens[m.tokenStart - 1];
  if (m.tag !== 'PER' || !prev || !/^[B-HJ-Z]$/.test(prev.text) || doc.text.slice(prev.end, m.start) !== ' ') return m;
  return { ...m, tokenStart: m.tokenStart - 1, start: prev.start, text: doc.text.slice(prev.start, m.end) };
}

/** Lowercase particles inside personal names: "Hamza bin Laden", "Vincent van Gogh", "Luiz da Silva". */
const JOINING_PARTICLES = words('bin ibn bint van von der den de da di del della dos das du');

/**
 * A personal name split by the tagger at a lowercase particle ("Osama" | bin | "Laden") is one
 * name: the mention before the particle, the particle, and the mention or capitalised words after.
 */
function joinParticleNames(doc: Doc, mentions: Mention[]): Mention[] {
  const byStart = new Map(mentions.map((m) => [m.tokenStart, m]));
  const byEnd = new Map(mentions.map((m) => [m.tokenEnd, m]));
  const out: Mention[] = [];
  const absorbed = new Set<Mention>();
  for (const original of mentions) {
    if (absorbed.has(original)) continue;
    let m = original;
    // "Hamza bin [Laden]": an untagged capitalised word and a particle before a person's name.
    const before = doc.tokens[m.tokenStart - 2];
    if (m.tag === 'PER' && before && JOINING_PARTICLES.has(doc.tokens[m.tokenStart - 1].text) && /^\p{Lu}\p{Ll}/u.test(before.text) && !byEnd.has(m.tokenStart - 1)) {
      m = { ...m, tokenStart: m.tokenStart - 2, start: before.start, text: doc.text.slice(before.start, m.end) };
    }
    const particle = doc.tokens[m.tokenEnd];
    const after = doc.tokens[m.tokenEnd + 1];
    if (!particle || !after || !JOINING_PARTICLES.has(particle.text) || !/^\p{Lu}/u.test(after.text) || m.tag === 'MISC') {
      out.push(m);
      continue;
    }
    const next = byStart.get(m.tokenEnd + 1);
    if (next && m.tag !== 'PER' && next.tag !== 'PER') {
      out.push(m);
      continue;
    }
    let end = m.tokenEnd + 2;
    if (next) {
      end = next.tokenEnd;
      absorbed.add(next);
    } else if (m.tag !== 'PER') {
      out.push(m);
      continue;
    }
    const last = doc.tokens[end - 1];
    out.push({ ...m, tag: 'PER', tokenEnd: end, end: last.end, text: doc.text.slice(m.start, last.end), score: Math.min(m.score, next?.score ?? m.score) });
  }
  return out;
}

/** Capitalised words that end a name's run: titles of office, dates, numbering. */
const RUN_STOPS = words('speaker leader whip attorney representative representatives congressman congresswoman fellow manager member members mp mps mep meps mvp number no. monday tuesday wednesday thursday friday saturday sunday january february march april may june july august september october november december');

/** Words that open a title ("First Minister", "Prime Minister", "Deputy Mayor") and that a tagger glues to the name before it. */
const TITLE_OPENERS = words('first prime deputy vice foreign home chief interior defence defense finance');

/**
 * A name cut short or run on by the tagger, mended by the parse: "Islamic Revolutionary Guard"
 * before "Corps" takes the capitalised word its last word modifies (compound, flat) or a head word
 * of its kind ("Clean Air" + "Act"), but never a title or the start of another name; "Scotland
 * First" before "Minister" gives the title's first word back. People's names are left as found.
 */
function mendBoundaries(doc: Doc, mentions: Mention[]): Mention[] {
  const starts = new Set(mentions.map((m) => m.tokenStart));
  return mentions.map((m) => {
    if (m.tag === 'PER') return m;
    const sentenceEnd = doc.sentences[m.sentenceIndex].tokenEnd;
    let end = m.tokenEnd;
    const last = doc.tokens[end - 1];
    const next = doc.tokens[end];
    if (end - m.tokenStart > 1 && next && TITLE_OPENERS.has(last.text.toLowerCase()) && TITLES.has(next.text.toLowerCase())) {
      end--;
    } else {
      // The run of capitalised words after the name: a title in it ("U.S. District Judge", "Senate Minority Leader") means the run is the title's.
      let run = end;
      while (run < sentenceEnd && /^[\p{Lu}\d]/u.test(doc.tokens[run].text) && !starts.has(run)) run++;
      // "Puerto Rico Center for Investigative Journalism": a run that goes on after "for" or "of" is a longer name than any cut would give.
      const goesOn = /^(of|for|and|&)$/.test(doc.tokens[run]?.text ?? '') && /^\p{Lu}/u.test(doc.tokens[run + 1]?.text ?? '');
      // The word that starts the next name counts too ("District [Judge Victor Marrero]").
      const titled = goesOn || doc.tokens.slice(end, Math.min(run + 1, sentenceEnd)).some((t) => TITLES.has(t.text.toLowerCase()) || BEFORE_PERSON.has(t.text.toLowerCase()) || RUN_STOPS.has(t.text.toLowerCase()));
      while (!titled && end < run) {
        const t = doc.tokens[end];
        if (doc.text.slice(doc.tokens[end - 1].end, t.start) !== ' ' || !/^(NNP|NNPS|CD)$/.test(doc.pos[end])) break;
        const lower = t.text.toLowerCase();
        const modifies = doc.heads[end - 1] === end && /^(compound|flat|amod|nummod)/.test(doc.deprels[end - 1]);
        const kindWord = headType(t.text) !== undefined || PLACE_HEADS.has(lower) || EVENT_HEADS.has(lower) || /^(Act|Bill|Treaty|Agreement|Accord|Corps)$/.test(t.text);
        if (!modifies && !kindWord) break;
        end++;
      }
    }
    if (end === m.tokenEnd) return m;
    const endChar = doc.tokens[end - 1].end;
    return { ...m, tokenEnd: end, end: endChar, text: doc.text.slice(m.start, endChar) };
  });
}

/** Titles and roles written before a personal name, which are not part of the name ("Mayor Adamowicz"). */
const TITLES = words('president minister prosecutor mayor governor senator ambassador captain capt. commander general gen. colonel col. lieutenant lt. major sergeant sgt. admiral officer detective inspector constable judge justice chairman chairwoman chancellor secretary spokesman spokeswoman director chief cde comrade imam ayatollah rabbi reverend rev. broadcaster journalist reporter correspondent actor actress singer author professor prof. dr. mr. mrs. ms. dr mr mrs ms miss sir dame');

/**
 * A name with a title or role in front ("Ambassador Bolton", "Broadcaster Piers Morgan", "Mayor of
 * London Sadiq Khan") is the person's name without it; the title says it names a person.
 */
function withoutTitle(doc: Doc, m: Mention, places: PlaceLookup): [Mention, string | undefined] {
  if (m.tokenEnd - m.tokenStart < 2) return [m, undefined];
  const title = doc.tokens[m.tokenStart].text.toLowerCase();
  if (!TITLES.has(title)) return [m, undefined];
  let t = m.tokenStart + 1;
  // "Mayor of London Sadiq Khan": the office's place goes with the title.
  if (doc.tokens[t].text === 'of') {
    let k = t + 1;
    while (k < m.tokenEnd - 1 && !(places.isCountry(doc.text.slice(doc.tokens[t + 1].start, doc.tokens[k].end)) || places.isCity(doc.text.slice(doc.tokens[t + 1].start, doc.tokens[k].end)))) k++;
    if (k >= m.tokenEnd - 1) return [m, undefined];
    t = k + 1;
  }
  if (!/^\p{Lu}/u.test(doc.tokens[t].text)) return [m, undefined];
  const start = doc.tokens[t].start;
  return [{ ...m, tag: 'PER', tokenStart: t, start, text: doc.text.slice(start, m.end) }, title];
}

/** Head nouns and opening words of names of places that taggers often take for people or bodies. */
const PLACE_HEADS = words('street road avenue boulevard square bridge mall airport station stadium arena mine prison jail dam tower mosque cathedral synagogue temple park river lake mountain mountains falls island islands bay beach valley canyon sea ocean gulf desert peninsula county province district village');
const PLACE_FIRST = words('ciudad san santa são porto puerto lake mount fort port');

/** The tagger's mentions with their spans mended: initials and particles joined, titles dropped, non-words gone. */
function mendedMentions(doc: Doc, places: PlaceLookup): [Mention, string | undefined][] {
  const lowercaseWords = new Set<string>();
  for (const t of doc.tokens) if (/^\p{Ll}+$/u.test(t.text)) lowercaseWords.add(t.text);
  const spans = joinParticleNames(
    doc,
    mendBoundaries(doc, doc.mentions)
      .flatMap((m) => splitList(doc, m))
      .filter((m) => /[\p{L}\p{N}]/u.test(m.text) && !isOrdinaryWord(doc, m, places, lowercaseWords))
      .map((m) => withInitial(doc, m)),
  );
  return spans.map((m) => withoutTitle(doc, m, places));
}

/** Words that join the items of a list of names. */
const LIST_SEPARATORS = new Set([',', 'and', '&', '–', '—', ';']);

/**
 * A list the tagger read as one name is its items: people are never named "Rooney, Scholes" or
 * "Carroll–Patel", and "London, Singapore and Kuala Lumpur" is three places (a place's list needs
 * an "and": "Washington, D.C." and "Raqqa, Syria" stay whole for the rules that read them).
 */
function splitList(doc: Doc, m: Mention): Mention[] {
  if (m.tag !== 'PER' && m.tag !== 'LOC') return [m];
  let separators = 0;
  let and = false;
  for (let t = m.tokenStart + 1; t < m.tokenEnd - 1; t++) {
    const w = doc.tokens[t].text;
    if (LIST_SEPARATORS.has(w)) separators++;
    if (w === 'and' || w === '&') and = true;
  }
  if (separators === 0 || (m.tag === 'LOC' && !and)) return [m];
  const parts: Mention[] = [];
  let first = m.tokenStart;
  for (let t = m.tokenStart; t <= m.tokenEnd; t++) {
    if (t < m.tokenEnd && !LIST_SEPARATORS.has(doc.tokens[t].text)) continue;
    if (t > first && /^\p{Lu}/u.test(doc.tokens[first].text)) {
      const start = doc.tokens[first].start;
      const end = doc.tokens[t - 1].end;
      parts.push({ ...m, tokenStart: first, tokenEnd: t, start, end, text: doc.text.slice(start, end) });
    }
    first = t + 1;
  }
  return parts.length > 1 ? parts : [m];
}

/** Parts of speech no name has: an interjection, an adverb, a verb, a function word ("Oh", "Literally"). */
const NOT_A_NAME_POS = words('UH RB RBR RBS VB VBD VBG VBN VBP VBZ IN DT PRP PRP$ CC MD WP WDT WRB TO EX PDT');

/**
 * A one-word mention that is not a name: the parser reads it as an interjection, adverb, verb or
 * function word, or it is an ordinary English word the article also writes in lowercase ("Hell"
 * beside "hell", "Parliament" beside "parliament").
 */
function isOrdinaryWord(doc: Doc, m: Mention, places: PlaceLookup, lowercaseWords: ReadonlySet<string>): boolean {
  if (m.tokenEnd - m.tokenStart !== 1) return false;
  // An initial alone ("P." of "P. leucopus") names no one.
  if (/^\p{Lu}\.$/u.test(m.text)) return true;
  const lower = m.text.toLowerCase();
  // An interjection ("Oh", "Hey") in mixed case is no name, even one that is also a surname (Oh), when the parse agrees.
  if (doc.pos[m.tokenStart] === 'UH' && lower !== m.text && /\p{Ll}/u.test(m.text) && (doc.deprels[m.tokenStart] === 'discourse' || !places.isPersonName?.(m.text))) return true;
  // Acronyms ("US", "WHO") and words that are no English word ("Daly") are names whatever the parser says.
  if (lower === m.text || !/\p{Ll}/u.test(m.text) || places.isWord?.(lower) !== true || places.isDemonym(m.text)) return false;
  // A word that is also a known name ("Trump", "Bush", "Reading") stays one.
  if (places.isPersonName?.(m.text) || places.isCity(m.text) || places.isCountry(m.text)) return false;
  // An adjective the tagger calls a person, body or place ("a Federal and a State issue"); MISC adjectives ("Democratic") are the tagger's own kind.
  if (NOT_A_NAME_POS.has(doc.pos[m.tokenStart]) || (doc.pos[m.tokenStart] === 'JJ' && m.tag !== 'MISC')) return true;
  // "North and South Korea": the first of two coordinated name heads is cut, not an ordinary word.
  const next = doc.tokens[m.tokenEnd]?.text;
  if ((next === 'and' || next === 'or') && /^\p{Lu}/u.test(doc.tokens[m.tokenEnd + 1]?.text ?? '')) return false;
  return lowercaseWords.has(lower);
}

/** Fine types for the tagger's mentions, plus organisation names and named events it missed. */
export function typeMentions(doc: Doc, places: PlaceLookup): TypedMention[] {
  const out: TypedMention[] = [];
  const covered = new Uint8Array(doc.tokens.length);
  for (const [m, title] of mendedMentions(doc, places)) {
    for (let t = m.tokenStart; t < m.tokenEnd; t++) covered[t] = 1;
    const typingRules: string[] = [`tagger:${m.tag}`];
    let cls = CLASS_OF_TAG[m.tag];
    const headToken = headOf(doc, m.tokenStart, m.tokenEnd);
    const head = m.tokenEnd - m.tokenStart > 1 ? headType(doc.tokens[headToken].text, doc.tokens[m.tokenStart].text) : undefined;
    const ctx = contextType(doc, m.tokenStart, m.tokenEnd) ?? (m.tag !== 'LOC' && !head ? affiliationType(doc, m, places) : undefined) ?? (head ? undefined : bodyContext(doc, m, places));
    const firstWord = doc.tokens[m.tokenStart].text.toLowerCase();
    // A demonym before a noun ("British film", "Russian spacecraft") is a modifier, never a title.
    const demonym = places.isDemonym(m.text);
    const work = demonym ? undefined : workClass(doc, m);
    const law = work ? undefined : legislationClass(doc, m, headToken);
    const product = work || law || title || demonym ? undefined : productClass(doc, m);
    const team = teamOrPartyContext(doc, m);
    const apposition = work || law || product ? undefined : appositionClass(doc, m);
    if (work || law) {
      cls = (work ?? law)![0];
      typingRules.push((work ?? law)![1]);
    } else if (title) {
      cls = 'Person';
      typingRules.push(`title "${title}" before the name`);
    } else if (m.tokenEnd - m.tokenStart > 1 && EVENT_FIRST.has(firstWord)) {
      cls = 'Event';
      typingRules.push(`opening word "${doc.tokens[m.tokenStart].text}"`);
    } else if (m.tag !== 'PER' && EVENT_HEADS.has(doc.tokens[headToken].text.toLowerCase())) {
      cls = 'Event';
      typingRules.push(`event head word "${doc.tokens[headToken].text}"`);
    } else if (MODIFIER.test(m.text)) {
      // "ISIS-backed", "Paris-based": a modifier that mentions a name, not a name itself.
      cls = 'Other';
      typingRules.push('hyphenated modifier');
    } else if (product ?? apposition) {
      cls = (product ?? apposition)![0];
      typingRules.push((product ?? apposition)![1]);
    } else if (m.tag !== 'PER' && isPartyName(doc, m)) {
      cls = 'PoliticalParty';
      typingRules.push('the word "Party" in the name');
    } else if (team) {
      cls = team[0];
      // "England striker": the national side, while "in England" stays the country; the context
      // holds for this mention only when the name is also a place's.
      const place = isGazetteerPlace(places, m.text);
      typingRules.push(`${place ? 'local context' : 'context'}: ${team[1]}`);
    } else if (ctx) {
      cls = ctx[0];
      typingRules.push(`context: ${ctx[1]}`);
    } else if (m.tokenEnd - m.tokenStart > 1 && (PLACE_HEADS.has(doc.tokens[headToken].text.toLowerCase()) || PLACE_FIRST.has(firstWord))) {
      cls = placeKind(doc.tokens[headToken].text, firstWord) ?? 'Place';
      typingRules.push(`place head or opening word "${PLACE_FIRST.has(firstWord) ? doc.tokens[m.tokenStart].text : doc.tokens[headToken].text}"`);
    } else if (head && m.tag !== 'PER') {
      cls = head;
      typingRules.push(`head word "${doc.tokens[headToken].text}" or opening word of the name`);
    } else if (head && m.tag === 'PER') {
      // A "person" whose name ends in an organisation head noun ("Getty Images") is an organisation.
      cls = head;
      typingRules.push(`head noun "${doc.tokens[headToken].text}" over tagger:PER`);
    } else if (m.tag !== 'PER' && m.tokenEnd - m.tokenStart > 1 && NOBLE_TITLES.has(firstWord) && isPersonalAfterTitle(doc, m, places)) {
      cls = 'Person';
      typingRules.push(`title "${doc.tokens[m.tokenStart].text}" in the name`);
    }
    if (cls === 'Place' || cls === 'Landform' || cls === 'Facility') {
      // The gazetteer knows "West Palm Beach" and "Rhode Island" as a city and a state, whatever their last word.
      if (places.isCountry(m.text) || places.isCountry(m.text.replace(/\./g, ''))) {
        cls = 'Country';
        typingRules.push('gazetteer: country');
      } else if (places.isRegion?.(m.text)) {
        cls = 'Region';
        typingRules.push('gazetteer: region');
      } else if (places.isCity(m.text)) {
        cls = 'City';
        typingRules.push('gazetteer: city');
      }
    }
    out.push({ text: m.text, start: m.start, end: m.end, tokenStart: m.tokenStart, tokenEnd: m.tokenEnd, sentenceIndex: m.sentenceIndex, tag: m.tag, class: cls, score: m.score, typingRules });
  }
  addMissedOrganisations(doc, covered, out);
  addCountryAgencies(doc, out, places);
  agreeWithinDocument(out);
  partOfPersonName(doc, out, places);
  placeBeforeItsRegion(doc, out);
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
        const typingRules = [`capitalised name with head noun "${doc.tokens[j - 1].text}"`];
        out.push({ text: doc.text.slice(start, end), start, end, tokenStart: i, tokenEnd: j, sentenceIndex: si, tag: 'ORG', class: head, score: 0.5, typingRules });
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
    const demonym = m.tag === 'MISC' && m.class === 'Other' && places.isDemonym(m.text);
    const country = m.class === 'Country';
    if (!demonym && !country) continue;
    let t = m.tokenEnd;
    if (country && /^[’']s$/.test(doc.tokens[t]?.text ?? '')) t++;
    for (let k = 0; k < 3 && t + k < doc.tokens.length; k++) {
      const w = doc.tokens[t + k].text;
      if (!/^\p{Ll}+$/u.test(w) || FUNCTION_WORDS.has(w)) break;
      if (GOVERNMENT_HEADS.has(w) || COURT_HEADS.has(w)) {
        const end = doc.tokens[t + k].end;
        found.push({
          text: doc.text.slice(m.start, end),
          start: m.start,
          end,
          tokenStart: m.tokenStart,
          tokenEnd: t + k + 1,
          sentenceIndex: m.sentenceIndex,
          tag: 'ORG',
          class: COURT_HEADS.has(w) ? 'Court' : 'GovernmentOrganization',
          score: m.score,
          typingRules: [`${demonym ? 'demonym' : 'country'} + government head noun "${w}"`],
          country: m.text,
        });
        break;
      }
    }
  }
  mentions.push(...found);
}

/**
 * Mentions of the same name agree on one class: the one with context or head-noun evidence
 * wins over the tagger's default, so "ISIS headquarters" types every "ISIS" in the article.
 */
function agreeWithinDocument(mentions: TypedMention[]): void {
  const best = new Map<string, TypedMention>();
  // Evidence strength first, then the more specific type ("sleeper cell" beats "headquarters").
  const strength = (m: TypedMention) =>
    (m.typingRules.some((e) => e.startsWith('context')) ? 30 : m.typingRules.some((e) => e.startsWith('head') || e.startsWith('capitalised')) ? 20 : m.typingRules.some((e) => e.startsWith('gazetteer')) ? 10 : 0) +
    (m.class === 'Organization' || m.class === 'Place' || m.class === 'Other' ? 0 : 1);
  const local = (m: TypedMention) => m.typingRules.some((e) => e.startsWith('local context'));
  for (const m of mentions) {
    if (local(m)) continue;
    const key = m.text.toLowerCase();
    const b = best.get(key);
    if (!b || strength(m) > strength(b)) best.set(key, m);
  }
  for (const m of mentions) {
    const b = best.get(m.text.toLowerCase());
    if (!b || local(m)) continue;
    if (b !== m && strength(b) > strength(m) && b.class !== m.class) {
      m.class = b.class;
      m.typingRules.push(`same name typed ${b.class} at offset ${b.start}`);
    }
  }
}

/** Prepositions after which a lone name is a place ("in Paris"), whatever else the article calls Paris. */
const PLACE_PREPOSITIONS = words('in at from near to into across outside inside toward towards');

/**
 * A lone word that is the first or last word of a person named in the article is that person
 * ("the death of Hamza" after "Hamza bin Laden"), unless it names a country or follows a
 * preposition of place.
 */
function partOfPersonName(doc: Doc, mentions: TypedMention[], places: PlaceLookup): void {
  const nameWords = new Set<string>();
  for (const m of mentions) {
    if (m.class !== 'Person' || m.tokenEnd - m.tokenStart < 2) continue;
    nameWords.add(doc.tokens[m.tokenStart].text);
    nameWords.add(doc.tokens[m.tokenEnd - 1].text);
  }
  for (const m of mentions) {
    if (m.tokenEnd - m.tokenStart !== 1 || m.class === 'Person' || m.class === 'Country' || m.class === 'Event' || !nameWords.has(m.text)) continue;
    if (PLACE_PREPOSITIONS.has(lowerAt(doc, m.tokenStart - 1)) || places.isCountry(m.text)) continue;
    m.class = 'Person';
    m.typingRules.push('a word of a person named in the article');
  }
}

/**
 * "in Windsor Locks, Connecticut", "near Sultan Kudarat, Mindanao": a name after a preposition of
 * place and before a comma and a region or country is a place, whatever the tagger took it for.
 */
function placeBeforeItsRegion(doc: Doc, mentions: TypedMention[]): void {
  const byStart = new Map(mentions.map((m) => [m.tokenStart, m]));
  for (const m of mentions) {
    if (m.class !== 'Person' || m.typingRules.some((r) => r.startsWith('title')) || !/^(in|near|at)$/.test(lowerAt(doc, m.tokenStart - 1)) || doc.tokens[m.tokenEnd]?.text !== ',') continue;
    const region = byStart.get(m.tokenEnd + 1);
    if (!region || (region.class !== 'Region' && region.class !== 'Country')) continue;
    m.class = 'City';
    m.typingRules.push(`before ", ${region.text}" after "${lowerAt(doc, m.tokenStart - 1)}"`);
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
      sentenceIndex: m.sentenceIndex,
      class: 'Event',
      score: m.score,
      typingRules: [`"the" + name + event noun "${noun}"`],
    });
  }
  mentions.push(...events);
}
