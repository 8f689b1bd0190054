/**
 * Closed-class language data for relations and events: verbs and the relation family each
 * expresses, role nouns, event trigger words and their event types, number words. Words of the
 * language, never names of particular entities.
 */
import type { EventType, RelationFamily } from '../types.js';

/** A set of the space-separated words of a word list. */
export const wordSet = (s: string): Set<string> => new Set(s.split(/\s+/).filter(Boolean));

/** Event types that are acts of violence against people: their reports refer to one another. */
export const VIOLENT: ReadonlySet<EventType> = new Set(['attack', 'bombing', 'shooting', 'stabbing', 'killing', 'military-strike']);

const IRREGULAR: Record<string, string[]> = {
  lead: ['led'],
  tell: ['told'],
  say: ['said'],
  meet: ['met'],
  shoot: ['shot'],
  strike: ['struck', 'stricken'],
  hit: ['hit'],
  take: ['took', 'taken'],
  fight: ['fought'],
  hold: ['held'],
  give: ['gave', 'given'],
  break: ['broke', 'broken'],
  seek: ['sought'],
  send: ['sent'],
  slay: ['slew', 'slain'],
  bring: ['brought'],
  blow: ['blew', 'blown'],
};

/** The inflected forms of a regular English verb, plus the irregular ones listed above. */
export function verbForms(base: string): string[] {
  const forms = new Set([base, ...(IRREGULAR[base] ?? [])]);
  const stem = /[^aeiou]e$/.test(base) ? base.slice(0, -1) : base;
  const doubled = /^[^aeiou]*[aeiou][bdgmnprt]$/.test(base) ? base + base.at(-1) : stem;
  const third = /(s|x|z|ch|sh)$/.test(base) ? `${base}es` : /[^aeiou]y$/.test(base) ? `${base.slice(0, -1)}ies` : `${base}s`;
  const past = base.endsWith('e') ? `${base}d` : /[^aeiou]y$/.test(base) ? `${base.slice(0, -1)}ied` : `${doubled}ed`;
  forms.add(third);
  forms.add(past);
  forms.add(`${doubled === stem ? stem : doubled}ing`);
  return [...forms];
}

function table<T extends string>(entries: [T, string][]): Map<string, T> {
  const map = new Map<string, T>();
  for (const [family, bases] of entries) for (const base of bases.split(/\s+/)) for (const form of verbForms(base)) if (!map.has(form)) map.set(form, family);
  return map;
}

/** Verbs (every form) and the relation family of "SUBJECT VERB OBJECT". */
export const RELATION_VERBS: Map<string, RelationFamily> = table<RelationFamily>([
  ['warn', 'warn alert caution'],
  ['order', 'order direct command instruct'],
  ['train', 'train'],
  ['attack', 'attack strike bomb target raid invade shell assault ambush'],
  ['kill', 'kill murder assassinate slay execute'],
  ['arrest', 'arrest detain apprehend capture'],
  ['accuse', 'accuse blame'],
  ['charge', 'charge indict prosecute'],
  ['lead', 'lead head run chair command'],
  ['meet', 'meet'],
  ['say', 'tell inform'],
  ['succeed', 'succeed replace'],
  ['support', 'support back endorse fund arm'],
  ['oppose', 'oppose condemn denounce criticise criticize'],
]);

/** Role nouns: "X, the president of Y", "Y's president X", "Y President X". */
export const ROLE_NOUNS: Map<string, RelationFamily> = new Map([
  ...'president leader head chief director chairman chairwoman chair founder commander ceo mayor governor premier king queen emir chancellor prime-minister boss'.split(' ').map((w): [string, RelationFamily] => [w, 'lead']),
  ...'member spokesman spokeswoman spokesperson official officer agent minister secretary ambassador envoy adviser advisor advisers general representative employee analyst correspondent reporter editor'.split(' ').map((w): [string, RelationFamily] => [w, 'member']),
]);

/** Event trigger nouns and verbs and the event type each reports. */
export const EVENT_TRIGGERS: Map<string, EventType> = new Map<string, EventType>([
  ...words('attack attacks attacked attacking assault assaults ambush massacre massacres rampage onslaught', 'attack'),
  ...words('bombing bombings bombed bomb bombs blast blasts', 'bombing'),
  ...words('shooting shootings shootout gunfire', 'shooting'),
  ...words('stabbing stabbings stabbed', 'stabbing'),
  ...words('killing killings assassination assassinations murder murders', 'killing'),
  ...words('death deaths died', 'death'),
  ...words('arrest arrests arrested detained detention', 'arrest'),
  ...words('warrant warrants', 'warrant'),
  ...words('indictment indicted charged', 'charge'),
  ...words('trial trials', 'trial'),
  ...words('election elections referendum vote', 'election'),
  ...words('protest protests demonstration demonstrations riots riot', 'protest'),
  ...words('fire fires blaze wildfire wildfires', 'fire'),
  ...words('explosion explosions exploded', 'explosion'),
  ...words('collapse collapses collapsed', 'collapse'),
  ...words('earthquake earthquakes hurricane hurricanes typhoon cyclone storm storms flood floods flooding tsunami landslide', 'disaster'),
  ...words('resignation resigned resigns', 'resignation'),
  ...words('airstrike airstrikes air-strike strike strikes drone-strike', 'military-strike'),
  ...words('warning warnings warned', 'warning'),
  ...words('summit', 'meeting'),
  ...words('raid raids sting stings', 'raid'),
  ...words('manhunt manhunts', 'manhunt'),
]);

function words<const T>(list: string, value: T): [string, T][] {
  return list.split(/\s+/).map((w) => [w, value]);
}

/** Verbs that report casualties and which count they give. */
export const CASUALTY_VERBS: Map<string, 'killed' | 'injured'> = new Map([
  ...words('killed killing kills kill left dead died', 'killed' as const),
  ...words('injured injuring injures wounded wounding wounds hurt', 'injured' as const),
]);

const NUMBER_WORDS: Record<string, number> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19,
  twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90, hundred: 100, dozen: 12,
};

/** A count written as digits ("129", "1,200") or words ("twenty", "twenty-one"), or undefined. */
export function parseCount(word: string): number | undefined {
  const w = word.toLowerCase();
  if (/^\d{1,3}(,\d{3})*$|^\d+$/.test(w)) return Number(w.replace(/,/g, ''));
  if (w in NUMBER_WORDS) return NUMBER_WORDS[w];
  const parts = /^([a-z]+)-([a-z]+)$/.exec(w);
  if (parts && parts[1] in NUMBER_WORDS && parts[2] in NUMBER_WORDS && NUMBER_WORDS[parts[1]] >= 20 && NUMBER_WORDS[parts[2]] < 10) return NUMBER_WORDS[parts[1]] + NUMBER_WORDS[parts[2]];
  return undefined;
}

/** "it", "they" and relative pronouns find their antecedents least reliably: facts keep names, "he", "she" and "I". */
export const UNSURE_PRONOUNS = wordSet('it its they them their theirs who whom whose which that this these those');

/** Nouns for the people an organisation acts through: "Iraqi intelligence officials" act for Iraqi intelligence. */
export const AGENT_NOUNS = new Set('officials official police officers forces troops soldiers agents authorities spokesman spokeswoman spokesperson government ministry militants fighters operatives investigators prosecutors leaders members sources'.split(' '));

/** Auxiliaries and adverbs that may stand between a subject and its verb. */
export const AUXILIARIES = new Set('has have had is are was were be been being will would shall should may might can could must did does do also then reportedly allegedly already just not never still later'.split(' '));
export const BE_FORMS = new Set('is are was were be been being'.split(' '));
