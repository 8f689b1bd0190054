/**
 * Classes beyond the tagger's four: creative works, products and laws from the words around a
 * name or its own head word, and the finer kinds of organisation and place from head words.
 * Every rule reads a construction ("the film X", "X, a game by …", "the X Act"); with no such
 * evidence a name keeps its coarse class.
 */
import type { Doc, EntityClass, Mention } from '../types.js';
import { wordSet as words } from './lexicon.js';

/** Nouns that say what kind of work a title is ("the film X", "his album X", "X, a 2004 novel"). */
const WORK_NOUNS: Readonly<Record<string, EntityClass>> = Object.fromEntries([
  ...[...words('film movie documentary biopic')].map((w) => [w, 'Movie']),
  ...[...words('series show sitcom programme soap')].map((w) => [w, 'TVSeries']),
  ...[...words('album ep lp mixtape')].map((w) => [w, 'MusicAlbum']),
  ...[...words('song single anthem ballad')].map((w) => [w, 'MusicRecording']),
  ...[...words('book novel memoir autobiography biography')].map((w) => [w, 'Book']),
  ...[...words('videogame game')].map((w) => [w, 'VideoGame']),
  ...[...words('play musical opera painting poem podcast sculpture')].map((w) => [w, 'CreativeWork']),
]);

/** Work nouns that a title modifies ("the Harry Potter books"). */
const TITLE_MODIFIED = words('film movie documentary novel book album song');

/** Nouns that say a name is a product or a model ("the Falcon 9 rocket", "the drug Remdesivir"). */
const PRODUCT_NOUNS = words(
  'phone smartphone handset console tablet laptop computer app software browser chip processor vaccine drug medicine pill car vehicle truck suv aircraft airliner jet plane helicopter drone rifle pistol missile rocket spacecraft satellite telescope headset camera device engine',
);

/** Products that a name before them is usually what they treat ("Ebola vaccine"), not their name. */
const REMEDY_NOUNS = words('vaccine drug medicine pill');

/** Head words of the names of laws, bills and treaties ("the Clean Air Act", "the Paris Agreement"). */
const LAW_HEADS = words('Act Bill Treaty Accord Accords Agreement Amendment Protocol Directive Constitution Charter Regulation Law');

const OPENING_QUOTES = new Set(['"', '“', '‘', "'", '«']);
const CLOSING_QUOTES = new Set(['"', '”', '’', "'", '»']);
const APPOSITION_DETERMINERS = words('a an the his her their its');
const isNoun = (pos: string | undefined) => pos === 'NN' || pos === 'NNS' || pos === 'NNP';

/** Whether a possessive ending follows the mention ("Fields' car", "Day's show"). */
function possessive(doc: Doc, m: Mention): boolean {
  return /^['’]s?$/.test(doc.tokens[m.tokenEnd]?.text ?? '') || doc.pos[m.tokenEnd] === 'POS';
}

/** Whether the mention is written inside quotation marks. */
function quoted(doc: Doc, m: Mention): boolean {
  return OPENING_QUOTES.has(doc.tokens[m.tokenStart - 1]?.text ?? '') && CLOSING_QUOTES.has(doc.tokens[m.tokenEnd]?.text ?? '');
}

/** Whether the name is the subject of a relative clause on the noun at `noun` ("the game England lost"), not its appositive. */
function subjectOfClauseOn(doc: Doc, m: Mention, noun: number): boolean {
  for (let t = m.tokenStart; t < m.tokenEnd; t++) {
    const verb = doc.heads[t];
    if (doc.deprels[t].startsWith('nsubj') && verb >= 0 && doc.deprels[verb]?.startsWith('acl') && doc.heads[verb] === noun) return true;
  }
  return false;
}

/** The common noun just before a name ("the film X", "the drug X"), skipping an opening quote, when the name is its appositive. */
function nounBefore(doc: Doc, m: Mention): string | undefined {
  let t = m.tokenStart - 1;
  if (OPENING_QUOTES.has(doc.tokens[t]?.text ?? '')) t--;
  if (t < 0 || doc.pos[t] !== 'NN' || doc.sentences[m.sentenceIndex].tokenStart > t) return undefined;
  // "the talk show Doris Day's Best Friends": the name is the title's possessor, not the title.
  if (possessive(doc, m) && !quoted(doc, m)) return undefined;
  if (!quoted(doc, m) && subjectOfClauseOn(doc, m, t)) return undefined;
  return doc.tokens[t].text.toLowerCase();
}

/**
 * The noun a name is described by right after it: "X, a 2004 film by …", "X (film)", or a noun the
 * name modifies ("the Falcon 9 rocket"). The noun must head its phrase ("a game maker" is a maker).
 */
function nounAfter(doc: Doc, m: Mention): { noun: string; apposition: boolean } | undefined {
  const end = doc.sentences[m.sentenceIndex].tokenEnd;
  let t = m.tokenEnd;
  if (quoted(doc, m)) t++;
  else if (possessive(doc, m)) return undefined; // "Fields' car" is his
  // "Academy Award-winning film", "non-chess books": a modifier built on a name, not a title.
  if (/-\p{Ll}/u.test(m.text)) return undefined;
  let apposition = false;
  if (doc.tokens[t]?.text === ',' || doc.tokens[t]?.text === '(') {
    apposition = true;
    t++;
    if (APPOSITION_DETERMINERS.has(doc.tokens[t]?.text.toLowerCase() ?? '')) t++;
    // Up to three modifiers: "a 2004 American film".
    for (let k = 0; k < 3 && t < end && !WORK_NOUNS[doc.tokens[t].text.toLowerCase()] && !PRODUCT_NOUNS.has(doc.tokens[t].text.toLowerCase()); k++) {
      if (!/^(JJ|CD|NNP|NNPS|HYPH)$/.test(doc.pos[t])) return undefined;
      t++;
    }
  }
  if (t >= end || !/^NNS?$/.test(doc.pos[t]) || isNoun(doc.pos[t + 1])) return undefined;
  return { noun: doc.tokens[t].text.toLowerCase(), apposition };
}

/** A creative work by the noun that introduces or describes it, with the rule's name. */
export function workClass(doc: Doc, m: Mention): [EntityClass, string] | undefined {
  const before = nounBefore(doc, m);
  if (before && WORK_NOUNS[before]) return [WORK_NOUNS[before], `context: after "${before}"`];
  const after = nounAfter(doc, m);
  if (!after) return undefined;
  const singular = after.noun.replace(/s$/, '');
  const cls = WORK_NOUNS[after.noun] ?? WORK_NOUNS[singular];
  // "X, a film by …" says what X is; "the Star Wars films" only when the tagger saw no person or body
  // in X, and not for nouns a name often modifies otherwise ("the Ashes series", "the Rose Bowl game").
  if (cls && (after.apposition || (m.tag === 'MISC' && TITLE_MODIFIED.has(singular)))) return [cls, after.apposition ? `context: apposition "${after.noun}"` : `context: followed by "${after.noun}"`];
  return undefined;
}

/** A product by the noun that introduces it or that it modifies, with the rule's name. */
export function productClass(doc: Doc, m: Mention): [EntityClass, string] | undefined {
  const before = nounBefore(doc, m);
  if (before && PRODUCT_NOUNS.has(before)) return ['Product', `context: after "${before}"`];
  const after = nounAfter(doc, m);
  if (!after || !PRODUCT_NOUNS.has(after.noun.replace(/s$/, '')) || after.apposition) return undefined;
  // "Boeing aircraft", "Apple devices" are a maker's, "Ebola drugs" are for a disease: a model has a
  // number ("Falcon 9 rocket") or is a name the tagger saw as no person, body or place ("Crew Dragon spacecraft").
  const hasNumber = doc.tokens.slice(m.tokenStart, m.tokenEnd).some((t) => /\d/.test(t.text));
  if (m.tag === 'LOC' || (!hasNumber && (m.tag !== 'MISC' || REMEDY_NOUNS.has(after.noun.replace(/s$/, ''))))) return undefined;
  return ['Product', `context: followed by "${after.noun}"`];
}

/** A law, bill or treaty by its name's head word ("the Patriot Act", "UN Resolution 2334" is not one). */
export function legislationClass(doc: Doc, m: Mention, headToken: number): [EntityClass, string] | undefined {
  if (m.tokenEnd - m.tokenStart < 2 || m.tag === 'PER') return undefined;
  const head = doc.tokens[headToken].text;
  return LAW_HEADS.has(head) ? ['Legislation', `head word "${head}"`] : undefined;
}

/** Head words of natural places and of built ones. */
const LANDFORM_HEADS = words('river lake mountain mountains falls island islands bay beach valley canyon sea ocean gulf desert peninsula glacier volcano reef strait hills forest');
const FACILITY_HEADS = words('bridge mall airport station stadium arena prison jail mine dam tower mosque church cathedral temple synagogue');
const LANDFORM_FIRST = words('lake mount');

/** The kind of place a name's head or opening word gives it: "Lake Victoria", "Heathrow Airport"; undefined for any other place. */
export function placeKind(head: string, first: string): EntityClass | undefined {
  const h = head.toLowerCase();
  if (LANDFORM_HEADS.has(h) || LANDFORM_FIRST.has(first.toLowerCase())) return 'Landform';
  if (FACILITY_HEADS.has(h)) return 'Facility';
  return undefined;
}

/** Words after a team's name ("Arsenal striker", "Chelsea fans") and before it ("Premier League club Everton"). */
const AFTER_TEAM = words('striker strikers midfielder midfielders defender defenders goalkeeper winger footballer footballers squad fans supporters');
const BEFORE_TEAM = words('club side');
/** Words after a party's name ("Labour MPs", "Tory leadership contender"). */
const AFTER_PARTY = words('mp mps mep meps lawmaker lawmakers councillor councillors manifesto frontbencher backbencher backbenchers');

/** A team or party by the words around its name, with the rule's name. */
export function teamOrPartyContext(doc: Doc, m: Mention): [EntityClass, string] | undefined {
  if (m.tag === 'PER') return undefined;
  const after = doc.tokens[m.tokenEnd]?.text.toLowerCase() ?? '';
  const before = doc.tokens[m.tokenStart - 1]?.text.toLowerCase() ?? '';
  if (AFTER_TEAM.has(after) && isNoun(doc.pos[m.tokenEnd])) return ['SportsTeam', `followed by "${after}"`];
  if (BEFORE_TEAM.has(before) && doc.pos[m.tokenStart - 1] === 'NN' && !subjectOfClauseOn(doc, m, m.tokenStart - 1)) return ['SportsTeam', `after "${before}"`];
  if (AFTER_PARTY.has(after) && isNoun(doc.pos[m.tokenEnd])) return ['PoliticalParty', `followed by "${after}"`];
  return undefined;
}

/** Nouns that, in apposition to a name, say what it names ("Roscosmos, the Russian space agency"; "Kenosha, a city in Wisconsin"). */
const APPOSITION_CLASSES: Readonly<Record<string, EntityClass>> = Object.fromEntries([
  ...[...words('city town village capital')].map((w) => [w, 'City']),
  ...[...words('country nation kingdom')].map((w) => [w, 'Country']),
  ...[...words('province state region')].map((w) => [w, 'Region']),
  ...[...words('island river lake mountain volcano')].map((w) => [w, 'Landform']),
  ...[...words('company firm airline bank retailer carrier maker manufacturer startup conglomerate')].map((w) => [w, 'Company']),
  ...[...words('party')].map((w) => [w, 'PoliticalParty']),
  ...[...words('club team')].map((w) => [w, 'SportsTeam']),
  ...[...words('university college school')].map((w) => [w, 'EducationalOrganization']),
  ...[...words('newspaper broadcaster channel magazine tabloid')].map((w) => [w, 'NewsMediaOrganization']),
  ...[...words('ministry department')].map((w) => [w, 'GovernmentOrganization']),
  ...[...words('court tribunal')].map((w) => [w, 'Court']),
  ...[...words('militia')].map((w) => [w, 'ArmedGroup']),
  ...[...words('agency group organisation organization charity band coalition alliance union association federation')].map((w) => [w, 'Organization']),
]);

/**
 * The class an apposition gives a name: "X, the Russian space agency," or "X, a port city in …":
 * after a comma and an article, up to four modifiers and a noun that heads its phrase. "X, the
 * club's captain" and "X, a company spokesman" describe a person by the body.
 */
export function appositionClass(doc: Doc, m: Mention): [EntityClass, string] | undefined {
  if (doc.tokens[m.tokenEnd]?.text !== ',' || !/^(the|a|an)$/i.test(doc.tokens[m.tokenEnd + 1]?.text ?? '')) return undefined;
  const end = Math.min(doc.sentences[m.sentenceIndex].tokenEnd, m.tokenEnd + 7);
  for (let k = m.tokenEnd + 2; k < end; k++) {
    const noun = doc.lemmas[k].toLowerCase();
    const cls = APPOSITION_CLASSES[noun];
    // The noun ends the apposition: punctuation, a preposition or a relative clause follows ("the research team established …" is a new clause).
    const heads = cls !== undefined && doc.pos[k] === 'NN' && (k + 1 >= doc.sentences[m.sentenceIndex].tokenEnd || /^(IN|WDT|WP|TO)$/.test(doc.pos[k + 1]) || /^[,.;:)]$/.test(doc.tokens[k + 1].text));
    if (heads) {
      // "the news agency AFP": the modifier says more than the noun.
      const kind = noun === 'agency' && doc.tokens[k - 1]?.text.toLowerCase() === 'news' ? 'NewsMediaOrganization' : cls;
      return [kind, `context: apposition "${noun}"`];
    }
    if (!/^(JJ|JJR|JJS|NN|NNP|NNPS|CD|HYPH|VBN)$/.test(doc.pos[k])) return undefined;
  }
  return undefined;
}
