/**
 * What kind of event a clause reports, from its predicate's lemma: the ACE 2005 subtypes and
 * what news needs beyond them (statements, results, deals). Words of the language only; where
 * a word has senses that are no event of the type ("fired a gun" against "fired the manager"),
 * `senseFits` checks the construction the clause is in.
 */
import type { EntityClass, EventType } from '../types.js';
import { PLACE_CLASSES, ORGANIZATION_CLASSES } from '../types.js';

const entries = (list: [EventType, string][]): Map<string, EventType> => {
  const map = new Map<string, EventType>();
  for (const [type, lemmas] of list) for (const l of lemmas.split(/\s+/).filter(Boolean)) if (!map.has(l)) map.set(l, type);
  return map;
};

/** Verb lemmas and the event type of their clause. Phrasal verbs are written with their particle ("step_down"). */
export const VERB_EVENT_TYPES: ReadonlyMap<string, EventType> = entries([
  ['birth', 'bear'],
  ['marriage', 'marry wed'],
  ['divorce', 'divorce'],
  ['injury', 'injure wound hurt maim'],
  ['death', 'die perish drown'],
  ['killing', 'kill murder assassinate slay behead'],
  ['transport', 'travel fly arrive visit flee return deport evacuate move_to tour land'],
  ['transfer-ownership', 'buy sell acquire purchase take_over sell_off auction'],
  ['transfer-money', 'pay donate lend loan fund refund compensate'],
  ['start-org', 'found establish set_up form'],
  ['merge-org', 'merge'],
  ['bankruptcy', 'bankrupt'],
  ['end-org', 'dissolve disband shut_down close_down liquidate'],
  ['attack', 'attack invade shell ambush bomb raid storm'],
  ['protest', 'protest demonstrate march rally'],
  ['meeting', 'meet host'],
  ['communication', 'phone email write telephone'],
  ['start-position', 'appoint hire elect_to recruit sign employ promote install'],
  ['end-position', 'resign fire sack dismiss oust retire quit step_down depose replace'],
  ['nomination', 'nominate'],
  ['election', 'elect re-elect vote'],
  ['arrest', 'arrest detain apprehend jail imprison capture'],
  ['release', 'release free parole'],
  ['trial', 'try'],
  ['charge', 'charge indict prosecute'],
  ['lawsuit', 'sue'],
  ['conviction', 'convict'],
  ['sentencing', 'sentence'],
  ['fine', 'fine'],
  ['execution', 'execute hang'],
  ['extradition', 'extradite'],
  ['acquittal', 'acquit clear'],
  ['appeal', 'appeal'],
  ['pardon', 'pardon'],
  ['statement', 'say tell announce state claim confirm report deny insist admit reveal declare add explain urge ask'],
  ['warning', 'warn caution alert'],
  ['competition-result', 'beat defeat win lose draw edge thrash overcome eliminate'],
  ['financial-result', 'earn profit'],
  ['agreement', 'agree sign negotiate settle'],
  ['investment', 'invest'],
]);

/** Event nouns the trigger words of events.ts do not cover, and their type. */
export const NOUN_EVENT_TYPES: ReadonlyMap<string, EventType> = entries([
  ['birth', 'birth'],
  ['marriage', 'marriage wedding'],
  ['divorce', 'divorce'],
  ['transport', 'visit trip journey tour flight evacuation deportation'],
  ['transfer-ownership', 'acquisition purchase takeover sale buyout'],
  ['transfer-money', 'payment donation loan grant bailout'],
  ['merge-org', 'merger'],
  ['bankruptcy', 'bankruptcy insolvency'],
  ['start-position', 'appointment signing hiring'],
  ['end-position', 'dismissal sacking departure retirement ouster'],
  ['nomination', 'nomination'],
  ['release', 'release'],
  ['lawsuit', 'lawsuit suit'],
  ['conviction', 'conviction'],
  ['sentencing', 'sentence'],
  ['fine', 'fine penalty'],
  ['execution', 'execution'],
  ['extradition', 'extradition'],
  ['acquittal', 'acquittal'],
  ['appeal', 'appeal'],
  ['pardon', 'pardon'],
  ['statement', 'statement announcement'],
  ['competition-result', 'victory defeat win'],
  ['agreement', 'agreement deal treaty accord contract'],
  ['investment', 'investment'],
  ['meeting', 'meeting talks'],
]);

/** Predicates that state no event: being, having, seeming, and verbs of thinking. */
export const NOT_EVENTS = new Set('be have do get seem become remain appear think believe know want need like see look feel mean include use make let keep own'.split(' '));

const isPerson = (c: EntityClass | undefined) => c === 'Person';
const isBody = (c: EntityClass | undefined) => c !== undefined && (ORGANIZATION_CLASSES.has(c) || c === 'Country');
const isPlace = (c: EntityClass | undefined) => c !== undefined && PLACE_CLASSES.has(c);

/** The classes of a clause's arguments and the words it has, as the sense checks read them. */
export interface ClauseShape {
  agent?: EntityClass;
  patient?: EntityClass;
  /** The patient's head lemma when it is no entity ("gun", "deal"). */
  patientWord?: string;
  /** Lemmas of the clause's dependents: prepositions, particles, objects. */
  words: Set<string>;
}

/** Objects that make "sign", "win" or "fire" mean something else than a signing, a result, a dismissal. */
const WEAPONS = new Set('gun shot shots weapon weapons rocket rockets missile missiles round rounds bullet bullets shell shells tear'.split(' '));
const PRIZES = new Set('award prize medal title cup championship trophy match game race seat seats election vote votes majority contract nomination case gold silver bronze final league series'.split(' '));
const DOCUMENTS = new Set('deal agreement treaty contract accord law bill order petition letter decree pact memorandum declaration'.split(' '));

/** The type the clause's sense gives it, given its lemma's type from the lists; undefined when the sense is another. */
export function senseFits(lemma: string, type: EventType, shape: ClauseShape): EventType | undefined {
  const { agent, patient, patientWord, words } = shape;
  switch (lemma) {
    case 'fire':
    case 'sack':
    case 'dismiss':
      // "fired the manager", not "fired a rocket" or "dismissed the claims".
      return isPerson(patient) ? type : undefined;
    case 'sign':
      if (isPerson(patient) && isBody(agent)) return 'start-position';
      return patientWord && DOCUMENTS.has(patientWord) ? 'agreement' : undefined;
    case 'win':
      // "won the election" is an election's result, "won the final" a competition's; "won support" neither.
      if (patientWord && /^(election|vote|votes|seat|seats|majority|nomination|primary)$/.test(patientWord)) return 'election';
      // One wins a prize, not a party: "won ... members of the Conservative Party" is a misread object.
      return patientWord && PRIZES.has(patientWord) ? type : undefined;
    case 'lose':
      return (patientWord && PRIZES.has(patientWord)) || (patient !== undefined && !isPlace(patient)) ? type : undefined;
    case 'beat':
    case 'defeat':
    case 'edge':
    case 'thrash':
    case 'eliminate':
    case 'overcome':
      // A result between sides; "beat a man" with no side is an assault.
      if (patient === undefined) return undefined;
      return isPerson(patient) && !isBody(agent) && !isPerson(agent) ? 'injury' : type;
    case 'draw':
      return words.has('with') ? type : undefined;
    case 'try':
      // "was tried for murder", not "tried to leave".
      return words.has('for') && patient !== undefined ? type : undefined;
    case 'clear':
    case 'free':
    case 'release':
      // "cleared of murder", "released from prison"; "released a statement" is no release.
      return isPerson(patient) || isBody(patient) ? type : undefined;
    case 'sentence':
    case 'fine':
    case 'charge':
      return isPerson(patient) || isBody(patient) ? type : undefined;
    case 'appeal':
      return words.has('against') || words.has('to') || patientWord === 'ruling' || patientWord === 'decision' || patientWord === 'conviction' ? type : undefined;
    case 'hang':
      return isPerson(patient) ? type : undefined;
    case 'bear':
      return words.has('in') || words.has('on') ? type : undefined;
    case 'form':
    case 'establish':
    case 'found':
      return isBody(patient) || (patientWord !== undefined && /^(company|firm|party|group|organisation|organization|band|club|team|charity|foundation|business|startup|agency|coalition|government)$/.test(patientWord)) ? type : undefined;
    case 'pay':
      // "paid tribute", "paid a visit": no money changes hands.
      return patientWord && /^(tribute|attention|homage|respects?|heed|visit|compliments?|price)$/.test(patientWord) ? undefined : type;
    case 'vote':
      return words.has('for') || words.has('against') || words.has('in') ? type : undefined;
    case 'replace':
      return isPerson(patient) ? type : undefined;
    case 'host':
      return isPerson(patient) || isBody(patient) ? type : undefined;
    case 'march':
    case 'storm':
    case 'land':
    case 'move_to':
      return isPlace(patient) || words.has('on') || words.has('to') || words.has('in') ? type : undefined;
    case 'call':
    case 'write':
      // "called X" names or phones; only "called X on Monday" with a person is contact, and "wrote to X".
      return (lemma === 'write' && words.has('to')) || (lemma === 'call' && isPerson(patient) && !words.has('for')) ? type : undefined;
    case 'claim':
      // "claimed responsibility" is an attack's actor, told by events.ts; "claimed the title" a result.
      return patientWord === 'responsibility' ? undefined : patientWord && PRIZES.has(patientWord) ? 'competition-result' : type;
    default:
      return lemma === 'shell' || lemma === 'bomb' ? (patientWord && WEAPONS.has(patientWord) ? undefined : type) : type;
  }
}
