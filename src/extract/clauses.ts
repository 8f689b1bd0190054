/**
 * Every clause as an event: each predicate (a verb, or an event noun such as "acquisition")
 * with its arguments read from the dependency tree. The agent is the subject (in the passive,
 * the "by" phrase), the patient the object (in the passive, the subject), the recipient the
 * indirect object or "to"; obliques go by their preposition (place, destination, origin,
 * topic); an event noun's possessive, compound and "of"/"by" modifiers are its arguments
 * ("Google's purchase of YouTube"). Arguments that are entities link to them (pronouns and
 * descriptions through coreference); what is no entity only shapes the sense check.
 *
 * A predicate the trigger words of events.ts already read is theirs. Every step is a look at a
 * token's head or dependents, so a sentence costs time linear in its length.
 */
import { EVENT_ROLES, EVENT_ROLE_FIELDS, PLACE_CLASSES, type AmountArgument, type Factuality, type Doc, type EntityClass, type EventArgument, type EventRole, type EventType, type ExtractedEvent, type TimeArgument } from '../types.js';
import type { TimeSpan } from './dates.js';
import { NOT_EVENTS, NOUN_EVENT_TYPES, VERB_EVENT_TYPES, senseFits, type ClauseShape } from './event-types.js';
import { eventFactuality, reporterOf } from './factuality.js';
import { AGENT_NOUNS, UNSURE_PRONOUNS } from './lexicon.js';
import { dependentsOf, spanHead, type ArticleView } from './sentence-view.js';

type Roles = Record<EventRole, number[]>;
const emptyRoles = (): Roles => ({ place: [], actor: [], target: [], recipient: [], destination: [], origin: [], topic: [] });

const PLACE_PREPS = new Set(['in', 'at', 'near', 'outside', 'inside', 'across', 'throughout', 'within']);
const TOPIC_PREPS = new Set(['about', 'over', 'regarding', 'concerning']);
/** Types whose "with" names the other side ("met with X", "a deal with X", "drew with X"). */
const WITH_OTHER_SIDE = new Set<EventType>(['meeting', 'agreement', 'competition-result', 'communication', 'merge-org', 'marriage', 'divorce']);
/** Types whose "to" is who receives, even when it is a country ("a warning to France", "sold it to China"). */
const ADDRESSED = new Set<EventType>(['statement', 'warning', 'communication', 'transfer-ownership', 'transfer-money', 'agreement', 'appeal', 'investment']);
const CASUALTY_LEMMAS = new Set(['kill', 'injure', 'wound', 'hurt', 'die', 'leave']);
const FIRST_PERSON_SINGULAR = new Set(['i', 'me', 'my', 'mine', 'myself']);
/** Verbs whose object is who is told, not what is done: "told X", "urged X". */
const ADDRESSEE_VERBS = new Set(['tell', 'ask', 'urge', 'inform', 'brief', 'phone', 'email', 'contact', 'assure', 'remind', 'notify', 'thank']);
/** Verbs that lend their subject to the event noun they take as object ("announced the acquisition of X", "made a visit"). */
const LIGHT_VERBS = new Set(['grant', 'make', 'complete', 'announce', 'hold', 'reach', 'conclude', 'seal', 'finalise', 'finalize', 'launch', 'conduct', 'carry', 'pay', 'give', 'sign', 'strike', 'agree', 'lodge', 'file', 'issue', 'win', 'suffer', 'secure', 'close', 'approve', 'undertake', 'begin', 'start', 'host', 'attend']);
/** Event nouns whose possessive or compound is who it happens to ("his appointment", "Smith's conviction"). */
const UNDERGOER_NOUNS = new Set<EventType>(['start-position', 'end-position', 'nomination', 'release', 'conviction', 'sentencing', 'execution', 'extradition', 'acquittal', 'pardon', 'birth', 'fine']);
/** Units of amounts: "$1.65bn", "£24m", "76%", "3 million shares". */
const AMOUNT_HEAD = /^([$£€¥%]|percent|per|cent|million|billion|trillion|bn|m|dollars?|pounds?|euros?|yen|yuan|rupees?|shares?|barrels?|tonnes?|tons?)$/i;

/** Clause events of one article; `taken` holds the tokens events.ts made trigger words. */
export function clauseEvents(view: ArticleView, published: string | undefined, taken: ReadonlyMap<number, number>): ExtractedEvent[] {
  const { doc } = view;
  const children = dependentsOf(doc);
  const out: ExtractedEvent[] = [];
  doc.sentences.forEach((s, si) => {
    const eventAt = new Map<number, ExtractedEvent>();
    for (let t = s.tokenStart; t < s.tokenEnd; t++) {
      if (taken.has(t) || view.at[t] >= 0) continue;
      const e = readPredicate(view, children, t, si);
      if (e) {
        eventAt.set(t, e);
        out.push(e);
      }
    }
    if (eventAt.size) attachTimes(view, eventAt, view.timesOf(si, published), si);
  });
  return out;
}

/** What a predicate's dependents say: the entities in each role, and the words the sense checks read. */
interface Reading {
  roles: Roles;
  words: Set<string>;
  patientWord?: string;
  amounts: number[];
  inherited: boolean;
  passive: boolean;
}

function readPredicate(view: ArticleView, children: number[][], t: number, si: number): ExtractedEvent | undefined {
  const { doc, mentions } = view;
  const pos = view.pos(t);
  const lemma = doc.lemmas[t].toLowerCase();
  // A verb is a lowercase word: "then-New", "Re" and capitalised headline words are tagging slips.
  const isVerb = pos.startsWith('VB') && /^[a-z]+$/.test(doc.tokens[t].text) && !/^(aux|cop)/.test(doc.deprels[t]) && !NOT_EVENTS.has(lemma);
  const isNoun = pos.startsWith('NN') && NOUN_EVENT_TYPES.has(lemma);
  if (!isVerb && !isNoun) return undefined;
  // A verb with an event noun for object lends the noun its subject; the noun is the event.
  if (isVerb && LIGHT_VERBS.has(lemma) && children[t].some((c) => doc.deprels[c] === 'obj' && NOUN_EVENT_TYPES.has(doc.lemmas[c].toLowerCase()) && view.at[c] < 0)) return undefined;
  // "the attacks killed 129 people", "20 were injured": a count of another event's victims, which events.ts reads.
  if (isVerb && CASUALTY_LEMMAS.has(lemma) && children[t].some((c) => /^(obj|nsubj|nsubj:pass)$/.test(doc.deprels[c]) && (view.pos(c) === 'CD' || children[c].some((d) => doc.deprels[d] === 'nummod')))) return undefined;
  const particle = children[t].find((c) => doc.deprels[c] === 'compound:prt');
  // A particle makes another verb ("bore down", "grew up"): only a listed phrasal verb keeps a type.
  const key = particle !== undefined ? `${lemma}_${view.word(particle)}` : lemma;
  const listed = isVerb ? VERB_EVENT_TYPES.get(key) : NOUN_EVENT_TYPES.get(lemma);
  const { roles, words, patientWord, amounts, inherited, passive } = readArguments(view, children, t, isNoun, listed);

  const classOf = (list: number[]): EntityClass | undefined => (list.length ? mentions[list[0]].class : undefined);
  const shape: ClauseShape = { agent: classOf(roles.actor), patient: classOf(roles.target), patientWord, words };
  const eventType: EventType = (listed ? senseFits(key, listed, shape) : undefined) ?? 'occurrence';
  const entityCount = Object.values(roles).reduce((n, list) => n + list.length, 0);
  // A typed event is a fact with one participant ("Smith resigned"); a statement or an untyped clause needs two.
  const needs = eventType === 'occurrence' || eventType === 'statement' ? 2 : 1;
  // An untyped clause stands on its own words: its own subject, not one borrowed from the clause beside it.
  // It also needs someone who acts, or, in the passive, someone acted on: "deals brokered between X and Y" by nobody named is no fact about X.
  const anchored = roles.actor.length > 0 || (passive && roles.target.length > 0);
  if (entityCount < needs || (needs === 2 && (!anchored || inherited))) return undefined;

  const trigger = doc.tokens[t];
  const factuality = eventFactuality(doc, si, t);
  const reporter = reporterOf(doc, t);
  const reporterMention = reporter >= 0 ? argumentEntities(view, children, reporter)[0] : undefined;
  const arg = argumentMaker(view, t, si, factuality);
  const list = (role: EventRole) => roles[role].map((m) => arg(m, `${isNoun ? 'event noun' : 'clause'} "${key}": ${role}`));
  return {
    eventType,
    predicate: key,
    ...(isNoun ? { nominal: true } : {}),
    mentions: [{ start: trigger.start, end: trigger.end, text: trigger.text, sentenceIndex: si }],
    places: list('place'),
    actors: list('actor'),
    targets: list('target'),
    recipients: list('recipient'),
    destinations: list('destination'),
    origins: list('origin'),
    topics: list('topic'),
    times: [],
    killed: [],
    injured: [],
    amounts: amounts.map((c) => amountAt(doc, children, c, si, t)),
    ...(factuality ? { factuality } : {}),
    ...(reporterMention !== undefined ? { reportedBy: arg(reporterMention, 'subject of the verb of saying', undefined) } : {}),
  };
}

/** Evidence for an argument of the predicate at token t: the span from the predicate to the argument. */
function argumentMaker(view: ArticleView, t: number, si: number, factuality: Factuality | undefined) {
  const trigger = view.doc.tokens[t];
  return (m: number, rule: string, held = factuality): EventArgument => ({
    mention: m,
    sentenceIndex: si,
    start: Math.min(view.mentions[m].start, trigger.start),
    end: Math.max(view.mentions[m].end, trigger.end),
    confidence: 0.55,
    rule,
    ...(held ? { factuality: held } : {}),
  });
}

/**
 * The roles events.ts left empty on the event its trigger word at t reports, filled from the
 * parse: "Iraq's warning to France", "the attack on the embassy by gunmen".
 */
export function addClauseArguments(view: ArticleView, t: number, si: number, e: ExtractedEvent): void {
  const children = dependentsOf(view.doc);
  const { roles } = readArguments(view, children, t, view.pos(t).startsWith('NN'), e.eventType);
  const arg = argumentMaker(view, t, si, eventFactuality(view.doc, si, t));
  for (const role of EVENT_ROLES) {
    const field = e[EVENT_ROLE_FIELDS[role]];
    const taken = new Set(EVENT_ROLES.flatMap((r) => e[EVENT_ROLE_FIELDS[r]].map((a) => a.mention)));
    if (!field.length) for (const m of roles[role]) if (!taken.has(m)) field.push(arg(m, `event word "${view.word(t)}": ${role} from the parse`));
  }
}

function readArguments(view: ArticleView, children: number[][], t: number, isNoun: boolean, listed: EventType | undefined): Reading {
  const { doc, mentions } = view;
  const lemma = doc.lemmas[t].toLowerCase();
  const rel = doc.deprels[t];
  const pos = view.pos(t);
  const isVerb = !isNoun;
  const roles = emptyRoles();
  const words = new Set<string>();
  let patientWord: string | undefined;
  const amounts: number[] = [];
  /** Whether the agent is another clause's subject, not this one's. */
  let inherited = false;
  const passive = children[t].some((c) => /^(aux:pass|nsubj:pass)$/.test(doc.deprels[c]));
  const entitiesOf = (c: number) => argumentEntities(view, children, c);
  const add = (role: EventRole, c: number) => {
    for (const m of entitiesOf(c)) if (!roles[role].includes(m)) roles[role].push(m);
  };
  const oblique = (c: number, prep: string) => {
    words.add(prep);
    const ents = entitiesOf(c);
    const place = ents.length > 0 && ents.every((m) => PLACE_CLASSES.has(mentions[m].class));
    if (prep === 'by' && (passive || isNoun)) add('actor', c);
    else if (prep === 'to' || prep === 'into' || prep === 'towards') add(listed === 'transport' || (place && !(listed && ADDRESSED.has(listed))) ? 'destination' : 'recipient', c);
    else if (prep === 'from') add('origin', c);
    else if (PLACE_PREPS.has(prep) && place) add('place', c);
    else if (prep === 'on' && place) add('place', c);
    else if (TOPIC_PREPS.has(prep) || prep === 'on') add('topic', c);
    else if (prep === 'against' || prep === 'between' || (prep === 'with' && listed && WITH_OTHER_SIDE.has(listed))) add('target', c);
    else if (prep === 'of' && isNoun) add('target', c);
    if (AMOUNT_HEAD.test(doc.tokens[c].text) || view.pos(c) === 'CD') amounts.push(c);
  };
  // A predicate has one subject: two are a misparse ("Wikinews' Nicholas Moreau attended"), and the one nearest the verb is it.
  let subject = -1;
  for (const c of children[t]) if (doc.deprels[c] === 'nsubj' && (subject < 0 || Math.abs(c - t) < Math.abs(subject - t))) subject = c;
  for (const c of children[t]) {
    const r = doc.deprels[c];
    const prep = prepositionOf(view, children, c);
    if (r === 'nsubj' && c !== subject) continue;
    if (r === 'nsubj' || r === 'csubj') add('actor', c);
    else if (r === 'nsubj:pass' || r === 'obj') {
      // "ruled Evers lacked authority", "reported Netflix had bought": the subject of a complement without "that".
      if (r === 'obj' && /^(VBD|VBZ|VBP|MD)$/.test(view.pos(objectEnd(view, c)))) continue;
      add(r === 'obj' && ADDRESSEE_VERBS.has(lemma) ? 'recipient' : 'target', c);
      if (view.at[c] < 0) patientWord ??= view.word(c);
      if (r === 'obj' && (AMOUNT_HEAD.test(doc.tokens[c].text) || view.pos(c) === 'CD')) amounts.push(c);
    } else if (r === 'iobj') add('recipient', c);
    else if (r === 'obl:agent') add('actor', c);
    else if (isNoun && (r === 'nmod:poss' || r === 'compound')) {
      const ents = entitiesOf(c);
      // "the Paris talks" happen in Paris; "Iraq's warning" is Iraq's.
      if (r === 'compound' && ents.length && ents.every((m) => PLACE_CLASSES.has(mentions[m].class))) add('place', c);
      else add(listed && UNDERGOER_NOUNS.has(listed) ? 'target' : 'actor', c);
    } else if (prep && /^(obl|nmod|advmod|advcl)/.test(r)) oblique(c, prep);
    else if (r === 'compound:prt') words.add(view.word(c));
    // "paid tribute" with "tribute" tagged a verb: the object the sense checks need.
    else if (r === 'xcomp' && view.at[c] < 0) patientWord ??= view.word(c);
  }
  // Arguments the clause shares with another: a conjoined verb's subject ("X arrived and met Y"),
  // an infinitive's controller ("X agreed to buy Y"), a relative clause's noun ("the firm that bought Y").
  const head = doc.heads[t];
  // Only a finite verb with no subject of its own shares one: a participle conjunct ("and newly elected X") is a modifier.
  const ownSubject = children[t].some((c) => /^(nsubj|csubj)/.test(doc.deprels[c]));
  if (!ownSubject && head >= 0 && isVerb && /^VB[DZP]?$/.test(pos) && /^VB/.test(view.pos(head)) && (rel === 'conj' || rel === 'xcomp')) {
    const subject = children[head].find((c) => doc.deprels[c] === 'nsubj');
    if (subject !== undefined) {
      add('actor', subject);
      inherited = true;
    }
  }
  if (head >= 0 && rel.startsWith('acl')) {
    const ownRelative = children[t].find((c) => /^(nsubj|nsubj:pass|obj)$/.test(doc.deprels[c]) && /^W/.test(view.pos(c)));
    const role: EventRole = ownRelative !== undefined ? (doc.deprels[ownRelative] === 'nsubj' ? 'actor' : 'target') : pos === 'VBN' ? 'target' : 'actor';
    if (!roles[role].length) add(role, head);
  }
  // A light verb's subject acts in the event noun it takes ("Google announced the acquisition").
  if (isNoun && !roles.actor.length && head >= 0 && rel === 'obj' && LIGHT_VERBS.has(doc.lemmas[head].toLowerCase())) {
    const subject = children[head].find((c) => doc.deprels[c] === 'nsubj');
    if (subject !== undefined) add('actor', subject);
    // "granted X a pardon": the light verb's indirect object is who the event happens to.
    const indirect = children[head].find((c) => doc.deprels[c] === 'iobj' || (doc.deprels[c] === 'obj' && c !== t));
    if (indirect !== undefined) add(listed && UNDERGOER_NOUNS.has(listed) ? 'target' : 'recipient', indirect);
  }
  // A misplaced place: "met with Merkel in Berlin" attaches "in Berlin" to Merkel; the meeting was there.
  if (!roles.place.length) {
    for (const m of [...roles.target, ...roles.topic, ...roles.recipient]) {
      const argHead = spanHead(doc, mentions[m].tokenStart, mentions[m].tokenEnd);
      for (const c of children[argHead] ?? []) if (doc.deprels[c] === 'nmod' && PLACE_PREPS.has(prepositionOf(view, children, c) ?? '')) add('place', c);
    }
  }
  // One entity in one role: "X" as both agent and patient is a reflexive the parse misread.
  for (const role of ['target', 'recipient', 'topic', 'destination', 'origin', 'place'] as const) roles[role] = roles[role].filter((m) => !roles.actor.includes(m));

  return { roles, words, ...(patientWord !== undefined ? { patientWord } : {}), amounts, inherited, passive };
}

/** The token after an object's words: after the name covering its head, else after the head. */
function objectEnd(view: ArticleView, c: number): number {
  const m = view.at[c];
  return m >= 0 ? view.mentions[m].tokenEnd : c + 1;
}

/** The preposition an oblique or modifier is introduced by (its "case" dependent), lowercased. */
function prepositionOf(view: ArticleView, children: number[][], c: number): string | undefined {
  for (const d of children[c]) if (view.doc.deprels[d] === 'case' && view.pos(d) !== 'POS') return view.word(d);
  // "by Larry Page" parsed as a bare preposition with the name under it.
  if (view.pos(c) === 'IN' && view.startingAt(c + 1) >= 0) return view.word(c);
  return undefined;
}

/**
 * The entities an argument stands for: the mention covering its head word (a name, or a pronoun
 * coreference resolved), the body behind people who act for it ("Iraqi intelligence officials"),
 * and each conjunct ("France and Germany").
 */
function argumentEntities(view: ArticleView, children: number[][], c: number): number[] {
  const out: number[] = [];
  /** Adds the entity token x stands for; returns the token that heads its name, whose conjuncts are the list's other members. */
  const one = (x: number): number => {
    let m = view.at[x];
    let head = x;
    // "by Larry Page" parsed as a bare preposition: the name follows it.
    if (m < 0 && view.pos(x) === 'IN') m = view.startingAt(x + 1);
    if (m < 0 && AGENT_NOUNS.has(view.word(x))) {
      const owner = children[x].find((d) => /^(compound|nmod:poss|amod|nmod)$/.test(view.doc.deprels[d]) && view.at[d] >= 0);
      if (owner !== undefined) [m, head] = [view.at[owner], owner];
    }
    // "it", "they" and relative pronouns find their antecedents least reliably: a clause keeps names, "he", "she" and "I".
    if (m >= 0 && view.mentions[m].referring === 'pronoun' && UNSURE_PRONOUNS.has(view.mentions[m].text.toLowerCase())) return head;
    // "I" is a person: resolved to a body or a place, its antecedent is wrong ("I count on Turkey" given to NATO).
    if (m >= 0 && view.mentions[m].referring === 'pronoun' && FIRST_PERSON_SINGULAR.has(view.mentions[m].text.toLowerCase()) && view.mentions[m].class !== 'Person') return head;
    if (m >= 0 && view.mentions[m].class !== 'Other' && view.mentions[m].class !== 'Event' && !out.includes(m)) out.push(m);
    return head;
  };
  const head = one(c);
  // A list has its "and" or "or" (on its last conjunct): without one, the parse has taken an apposition ("X, the minister") for a list.
  const conjuncts = children[head].filter((d) => view.doc.deprels[d] === 'conj');
  if (conjuncts.some((d) => children[d].some((e) => view.doc.deprels[e] === 'cc'))) for (const d of conjuncts) one(d);
  return out;
}

/** An amount's words: the token and the numbers and units before or after it ("$ 1.65bn", "24m"). */
function amountAt(doc: Doc, children: number[][], c: number, si: number, trigger: number): AmountArgument {
  let a = c;
  let b = c;
  for (const d of children[c]) if (/^(nummod|compound)$/.test(doc.deprels[d]) && Math.abs(d - c) <= 2) [a, b] = [Math.min(a, d), Math.max(b, d)];
  const text = doc.text.slice(doc.tokens[a].start, doc.tokens[b].end);
  return { text, sentenceIndex: si, start: Math.min(doc.tokens[a].start, doc.tokens[trigger].start), end: Math.max(doc.tokens[b].end, doc.tokens[trigger].end), confidence: 0.5, rule: 'number of the clause' };
}

/** Each time expression goes to the event whose predicate it hangs from, climbing at most three heads. */
function attachTimes(view: ArticleView, eventAt: Map<number, ExtractedEvent>, times: TimeSpan[], si: number): void {
  const { doc } = view;
  const s = doc.sentences[si];
  const sorted = [...times].sort((a, b) => a.start - b.start);
  // One sweep over the sentence: each token's time expression, if any, and each expression's head token.
  const heads: number[] = sorted.map(() => -1);
  const holdsPredicate: boolean[] = sorted.map(() => false);
  let k = 0;
  for (let t = s.tokenStart; t < s.tokenEnd; t++) {
    while (k < sorted.length && sorted[k].end <= doc.tokens[t].start) k++;
    if (k >= sorted.length) break;
    const ts = sorted[k];
    if (doc.tokens[t].start < ts.start || doc.tokens[t].end > ts.end) continue;
    if (eventAt.has(t)) holdsPredicate[k] = true;
    const h = doc.heads[t];
    if (h < 0 || doc.tokens[h].start < ts.start || doc.tokens[h].end > ts.end) heads[k] = t;
  }
  sorted.forEach((ts, i) => {
    if (holdsPredicate[i] || heads[i] < 0) return;
    for (let up = doc.heads[heads[i]], n = 0; up >= 0 && n < 3; up = doc.heads[up], n++) {
      const e = eventAt.get(up);
      if (!e) continue;
      const trigger = doc.tokens[up];
      const time: TimeArgument = { earliest: ts.earliest, latest: ts.latest, text: ts.text, sentenceIndex: si, start: Math.min(ts.start, trigger.start), end: Math.max(ts.end, trigger.end), confidence: 0.5, rule: 'time expression of the clause', ...(e.factuality ? { factuality: e.factuality } : {}) };
      e.times.push(time);
      return;
    }
  });
}
