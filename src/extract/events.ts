/**
 * Events reported in an article: a trigger word ("attacks", "bombing", "warrant", "killed"),
 * its type, and arguments read from general constructions around it: place ("in Paris", "the
 * Paris attacks"), time (the nearest time expression, normalised against the publication date;
 * "a day before X" against X), actors ("by ISIS", "ISIS attacks", "X claimed responsibility"),
 * targets ("attacks on Charlie Hebdo", "warrant for suspect X"), casualty counts ("killed 129
 * people", "20 were injured"). Later mentions ("the attacks", "last week's attacks", "the
 * massacre") are joined to the event they refer to.
 */
import { PLACE_CLASSES, type CountArgument, type Doc, type EventArgument, type EventType, type Evidence, type ExtractedEvent, type TimeArgument, type TypedMention } from '../types.js';
import { shiftSpan, type TimeSpan } from './dates.js';
import { CASUALTY_VERBS, EVENT_TRIGGERS, VIOLENT, parseCount } from './lexicon.js';
import type { ArticleView } from './sentence-view.js';

const NAMED_TYPE = (m: TypedMention, doc: Doc): EventType | undefined => {
  for (let t = m.tokenEnd - 1; t >= m.tokenStart; t--) {
    const type = EVENT_TRIGGERS.get(doc.tokens[t].text.toLowerCase());
    if (type) return type;
  }
  return undefined;
};

/** Verbs that report an event only in some senses: "fire" is an event as a noun, "opened fire" a shooting. */
function triggerType(view: ArticleView, t: number): EventType | undefined {
  const w = view.word(t);
  const pos = view.pos(t);
  if (w === 'fire' && /^open/.test(view.word(t - 1))) return 'shooting';
  const type = EVENT_TRIGGERS.get(w);
  if (!type) return undefined;
  // "killing five people", "killed at least 20": a count of the event's victims, not another event.
  if (CASUALTY_VERBS.has(w) && (parseCount(view.word(t + 1)) !== undefined || /^(at|more|over|nearly|almost|some|about|around)$/.test(view.word(t + 1)))) return undefined;
  // "strike" and "vote" name events only as nouns with a military or electoral sense nearby.
  if ((w === 'strike' || w === 'strikes') && !/^(air|drone|missile|rocket|military|u\.s\.|us|israeli|american|russian)$/.test(view.word(t - 1))) return undefined;
  if (w === 'vote' && view.word(t - 1) !== 'the') return undefined;
  if (w === 'bomb' || w === 'bombs') return pos.startsWith('NN') && CASUALTY_VERBS.has(view.word(t + 1)) ? 'bombing' : undefined;
  if (w === 'fire' && !pos.startsWith('NN')) return undefined;
  if (pos.startsWith('NN') || pos.startsWith('VB') || pos === 'JJ') return type;
  return undefined;
}

/** Kinds of event that news reports before they happen. */
const UPCOMING = new Set<EventType>(['election', 'meeting', 'trial', 'protest']);
const HYPOTHETICAL = new Set(['planned', 'planning', 'plans', 'plan', 'plot', 'plotting', 'possible', 'potential', 'future', 'threatened', 'foiled', 'thwarted', 'disrupted', 'prevent', 'type', 'kind', 'number', 'risk', 'threat', 'any', 'no']);
const RELATIVE = /\b(a|one|two|three|four|five|six|seven|\d+) (day|days|week|weeks) (before|after|earlier than|later than)\b/gi;
const PLACE_PREPS = new Set(['in', 'at', 'near', 'outside', 'inside', 'across']);
const TARGET_PREPS = new Set(['on', 'against', 'for', 'of']);
const DEFINITE = new Set(['the', 'this', 'that', 'these', 'those', 'its', 'their', '’s', "'s"]);

/** Counts of casualties in a sentence: "killed 129 people", "killing at least 20", "20 people were injured", "left three dead". */
function casualties(view: ArticleView, s: { tokenStart: number; tokenEnd: number }, si: number): { token: number; kind: 'killed' | 'injured'; arg: CountArgument }[] {
  const out: { token: number; kind: 'killed' | 'injured'; arg: CountArgument }[] = [];
  const { doc } = view;
  const ev = (a: number, b: number, rule: string, value: number, atLeast: boolean): CountArgument => ({ sentenceIndex: si, start: doc.tokens[a].start, end: doc.tokens[b].end, confidence: 0.7, rule, value, atLeast });
  for (let t = s.tokenStart; t < s.tokenEnd; t++) {
    const kind = CASUALTY_VERBS.get(view.word(t));
    if (!kind) continue;
    // VERB [at least | more than | some | nearly] NUMBER
    let k = t + 1;
    let atLeast = false;
    if (/^(at|more|over|nearly|almost|some|about|around)$/.test(view.word(k))) {
      atLeast = /^(at|more|over)$/.test(view.word(k));
      k += /^(at|more)$/.test(view.word(k)) ? 2 : 1;
    }
    const after = parseCount(view.word(k));
    if (after !== undefined && view.word(t) !== 'dead' && view.word(t) !== 'died' && !/^(years?|months?|days?|weeks?|hours?)$/.test(view.word(k + 1))) {
      out.push({ token: t, kind: view.word(t) === 'left' ? 'killed' : kind, arg: ev(t, k, `"${view.word(t)}" + count`, after, atLeast) });
      continue;
    }
    // NUMBER [people] [were|have been] VERB ; "left NUMBER dead"
    let j = t - 1;
    while (j > s.tokenStart && /^(were|was|have|has|had|been|are|is|reportedly|people|persons|civilians|others|children|victims|men|women|officers|soldiers)$/.test(view.word(j))) j--;
    const before = parseCount(view.word(j));
    if (before !== undefined && j < t && kind && view.word(t) !== 'left') {
      const lower = /^(at|more)$/.test(view.word(j - 2)) || /^(least|than|over)$/.test(view.word(j - 1));
      out.push({ token: t, kind, arg: ev(j, t, `count + "${view.word(t)}"`, before, lower) });
    }
  }
  return out;
}

export interface ArticleEvents {
  /** One per event, later mentions joined to the first. */
  events: ExtractedEvent[];
  /** Whether each event is reported (named, or something is said of it: place, time, participants, counts). */
  reported: boolean[];
  /** The event each trigger token (or named event's last token) belongs to, as an index into `events`. */
  eventAtToken: Map<number, number>;
}

/** Events of one article, with their arguments and later mentions joined. */
export function extractEvents(view: ArticleView, published: string | undefined): ArticleEvents {
  const { doc, mentions } = view;
  const events: ExtractedEvent[] = [];
  /** The event each trigger token belongs to. */
  const eventOfToken = new Map<number, number>();
  const relativeUsed = new Set<number>();
  const relativeTimes: { event: number; days: number; anchorToken: number; evidence: Evidence; text: string }[] = [];

  const day = published?.slice(0, 10);
  doc.sentences.forEach((s, si) => {
    for (let t = s.tokenStart; t < s.tokenEnd; t++) {
      const inMention = view.at[t];
      const named = inMention >= 0 && mentions[inMention].class === 'Event' ? inMention : -1;
      const type = named >= 0 ? NAMED_TYPE(mentions[named], doc) : triggerType(view, t);
      if (!type || (named >= 0 && mentions[named].tokenEnd - 1 !== t)) continue;
      // "planned attacks", "possible bombings", "the type of attack": talk of events that did not (yet) happen.
      if (named < 0 && [1, 2, 3].some((d) => HYPOTHETICAL.has(view.word(t - d)))) continue;
      // "assassination plots", "bomb threats", "attack attempts": the event is what was plotted.
      if (named < 0 && /^(plots?|threats?|attempts?|fears?|scares?)$/.test(view.word(t + 1))) continue;
      // "plans to attack", "threatened to bomb": an infinitive is an intention, not a report.
      if (named < 0 && view.pos(t) === 'VB' && view.word(t - 1) === 'to') continue;
      const trigger = doc.tokens[t];
      const startTok = named >= 0 ? mentions[named].tokenStart : t;
      const e: ExtractedEvent = {
        eventType: type,
        mentions: [{ start: doc.tokens[startTok].start, end: trigger.end, text: doc.text.slice(doc.tokens[startTok].start, trigger.end), sentenceIndex: si }],
        places: [],
        actors: [],
        targets: [],
        recipients: [],
        destinations: [],
        origins: [],
        topics: [],
        times: [],
        killed: [],
        injured: [],
        amounts: [],
      };
      if (named >= 0) e.nameMention = named;
      const evidence = (rule: string, a: number, b: number, confidence = 0.6): Evidence => ({ sentenceIndex: si, start: Math.min(doc.tokens[a].start, trigger.start), end: Math.max(doc.tokens[b].end, trigger.end), confidence, rule });
      const arg = (mention: number, rule: string, confidence = 0.6): EventArgument => ({ mention, ...evidence(rule, mentions[mention].tokenStart, mentions[mention].tokenEnd - 1, confidence) });

      // Modifiers before the trigger: "the Paris attacks", "ISIS attacks", "the El Paso shooting".
      const modifier = named >= 0 || !view.pos(t).startsWith('NN') ? -1 : view.endingBefore(startTok);
      if (named >= 0) {
        for (let k = mentions[named].tokenStart; k < t; k++) {
          const inner = mentions.findIndex((m, i) => i !== named && m.tokenStart >= mentions[named].tokenStart && m.tokenEnd <= t && m.tokenStart === k && m.class !== 'Other');
          if (inner < 0) continue;
          const role = PLACE_CLASSES.has(mentions[inner].class) ? e.places : mentions[inner].class === 'Person' || mentions[inner].class === 'ArmedGroup' ? e.actors : e.targets;
          role.push(arg(inner, 'name of the event', 0.8));
        }
      } else if (modifier >= 0) {
        const cls = mentions[modifier].class;
        (PLACE_CLASSES.has(cls) ? e.places : e.actors).push(arg(modifier, 'name before the event noun', 0.7));
      }

      // Arguments after the trigger, within the clause.
      let k = t + 1;
      // The clause ends at a boundary, a finite verb, or the next event word (which owns what follows).
      for (let steps = 0; k < s.tokenEnd && steps < 12 && !view.isBoundary(k) && !/^(VBD|VBZ|VBP|MD)$/.test(view.pos(k)) && !triggerType(view, k); k++, steps++) {
        const w = view.word(k);
        if (PLACE_PREPS.has(w)) {
          const m = view.objectAt(k + 1, s.tokenEnd, 3);
          if (m >= 0 && PLACE_CLASSES.has(mentions[m].class)) {
            if (!e.places.length) e.places.push(arg(m, `event + "${w}" + place`));
            k = mentions[m].tokenEnd - 1;
            continue;
          }
        }
        if (w === 'by') {
          const m = view.objectAt(k + 1, s.tokenEnd, 2);
          if (m >= 0 && mentions[m].class !== 'Event') e.actors.push(arg(m, 'event + "by" + agent'));
        }
        if (TARGET_PREPS.has(w) && (w !== 'of' || VIOLENT.has(type)) && (w !== 'for' || type === 'warrant' || type === 'manhunt' || type === 'arrest')) {
          const m = view.objectAt(k + 1, s.tokenEnd, 3);
          if (m >= 0 && mentions[m].class !== 'Event' && !['Country', 'Region'].includes(mentions[m].class)) e.targets.push(arg(m, `event + "${w}" + target`));
        }
      }
      // A verb trigger's subject acts ("ISIS attacked"), a noun trigger's issuer acts ("French police issue warrant").
      if (view.pos(t).startsWith('VB') && named < 0) {
        const subject = view.subjectBefore(t, s.tokenStart);
        if (subject >= 0 && mentions[subject].class !== 'Event') e.actors.push(arg(subject, 'subject of the event verb'));
        const object = view.objectAt(t + 1, s.tokenEnd, 1);
        if (object >= 0 && (VIOLENT.has(type) || type === 'warning' || type === 'arrest') && mentions[object].class !== 'Event') e.targets.push(arg(object, 'object of the event verb'));
      } else if (named < 0 && /^(issue|issued|issues|launch|launched|launches|carry|carried|conduct|conducted|stage|staged|claimed)$/.test(view.word(t - 1 - (view.pos(t - 1) === 'DT' ? 1 : 0)))) {
        const verb = t - 1 - (view.pos(t - 1) === 'DT' ? 1 : 0);
        const subject = view.subjectBefore(verb, s.tokenStart);
        if (subject >= 0) e.actors.push(arg(subject, `subject of "${view.word(verb)}" + event`));
      }
      // "a day before the attacks": this event's time is the other's, shifted; it waits for that one's.
      RELATIVE.lastIndex = 0;
      const sentenceText = doc.text.slice(s.start, s.end);
      let relative: RegExpExecArray | null = null;
      for (let r = RELATIVE.exec(sentenceText); r; r = RELATIVE.exec(sentenceText)) if (s.start + r.index > trigger.start && !relativeUsed.has(s.start + r.index)) (relative ??= r);
      // One event per sentence is "a day before" the other: the first one, the main clause's.
      if (relative) relativeUsed.add(s.start + relative.index);
      // Otherwise the nearest time expression in the sentence, not one inside "a day before".
      // A time written as another event's possessive ("last week's attacks") is that event's alone.
      const ownedElsewhere = (ts: TimeSpan) => {
        const after = doc.text.slice(ts.end, ts.end + 3);
        return /^[’']s/.test(after) && !(trigger.start > ts.end && trigger.start - ts.end < 30);
      };
      // What is reported as having happened did not happen after the report.
      const possible = (ts: TimeSpan) => !day || UPCOMING.has(type) || ts.earliest <= day;
      const nearest = relative ? undefined : view.timesOf(si, published).filter((ts) => !ownedElsewhere(ts) && possible(ts)).sort((a, b) => Math.abs(a.start - trigger.start) - Math.abs(b.start - trigger.start))[0];
      if (nearest) e.times.push({ ...evidence('nearest time expression', t, t), start: Math.min(nearest.start, trigger.start), end: Math.max(nearest.end, trigger.end), earliest: nearest.earliest, latest: nearest.latest, text: nearest.text, confidence: 0.5 });
      events.push(e);
      const index = events.length - 1;
      eventOfToken.set(t, index);
      if (relative) {
        const n = parseCount(relative[1]) ?? 1;
        const days = n * (relative[2].startsWith('week') ? 7 : 1) * (/before|earlier/i.test(relative[3]) ? -1 : 1);
        const relEnd = s.start + relative.index + relative[0].length;
        // The anchor is the first event after "before"/"after".
        for (let a = t + 1; a < s.tokenEnd; a++) {
          if (doc.tokens[a].start >= relEnd && (triggerType(view, a) || (view.at[a] >= 0 && mentions[view.at[a]].class === 'Event' && mentions[view.at[a]].tokenEnd - 1 === a))) {
            relativeTimes.push({ event: index, days, anchorToken: a, evidence: evidence(`"${relative[0]}" + event`, t, a, 0.5), text: relative[0] });
            break;
          }
        }
      }
    }
    // Casualty counts go to the nearest event before them in the sentence, else the nearest after.
    for (const c of casualties(view, s, si)) {
      let best = -1;
      for (const [tok, ev] of eventOfToken) {
        if (doc.tokens[tok].start < s.start || doc.tokens[tok].end > s.end) continue;
        if (best < 0 || (tok < c.token && (best > c.token || tok > best)) || (best > c.token && tok > c.token && tok < best)) best = tok;
      }
      if (best >= 0) events[eventOfToken.get(best)!][c.kind].push(c.arg);
    }
  });

  const chains = corefer(view, events);
  for (const r of relativeTimes) {
    const anchor = eventOfToken.get(r.anchorToken);
    if (anchor === undefined) continue;
    const head = chains[anchor];
    const time = events[head].times[0];
    if (time) events[chains[r.event]].times.push({ ...r.evidence, ...shiftSpan(time, r.days), text: `${r.text} ${time.text}` });
  }
  const kept = events.map((_, i) => i).filter((i) => chains[i] === i);
  const newIndex = new Map(kept.map((old, n) => [old, n]));
  const eventAtToken = new Map<number, number>();
  for (const [tok, ev] of eventOfToken) if (newIndex.has(chains[ev])) eventAtToken.set(tok, newIndex.get(chains[ev])!);
  // A mention with nothing said about it ("bombings or assassinations") is talk of a kind of event, not a report of one.
  return { events: kept.map((i) => events[i]), reported: kept.map((i) => hasArguments(events[i]) || events[i].nameMention !== undefined), eventAtToken };
}

const placeText = (view: ArticleView, e: ExtractedEvent) => e.places.map((p) => view.mentions[p.mention].text.toLowerCase());
const argTexts = (view: ArticleView, e: ExtractedEvent) => [...e.places, ...e.targets, ...e.actors].map((p) => view.mentions[p.mention].text.toLowerCase());

const hasArguments = (e: ExtractedEvent) => e.places.length + e.actors.length + e.targets.length + e.times.length + e.killed.length + e.injured.length > 0;

const overlaps = (a: TimeArgument[], b: TimeArgument[]) => !a.length || !b.length || a.some((x) => b.some((y) => x.earliest <= y.latest && y.earliest <= x.latest));

/**
 * Joins later mentions to the event they refer to, in place; returns each event's chain head.
 * A mention joins an earlier event of a compatible type when it is definite ("the attacks",
 * "last week's attacks") or shares a place or target, and no place or time conflicts.
 */
function corefer(view: ArticleView, events: ExtractedEvent[]): number[] {
  const head = events.map((_, i) => i);
  const compatible = (a: EventType, b: EventType) => a === b || (VIOLENT.has(a) && VIOLENT.has(b));
  for (let i = 0; i < events.length; i++) {
    const e = events[i];
    const m = e.mentions[0];
    const firstTok = view.doc.tokens.findIndex((t) => t.start === m.start);
    const before = view.word(firstTok - 1);
    const definite = DEFINITE.has(before) || e.nameMention !== undefined || /^(last|this|that)$/.test(view.word(firstTok - 3));
    const places = placeText(view, e);
    const args = argTexts(view, e);
    let best = -1;
    let bestScore = 0;
    for (let j = i - 1; j >= 0; j--) {
      if (head[j] !== j) continue;
      const o = events[j];
      if (!compatible(o.eventType, e.eventType)) continue;
      const oPlaces = placeText(view, o);
      const oArgs = argTexts(view, o);
      const namedAgree = (e.nameMention !== undefined && o.nameMention !== undefined && view.mentions[e.nameMention].text.toLowerCase() === view.mentions[o.nameMention].text.toLowerCase());
      // A name's modifier ("Charlie Hebdo" in "the Charlie Hebdo massacre") matches the other's place or target.
      const nameMatches = (x: ExtractedEvent, y: string[]) => x.nameMention !== undefined && y.some((a) => view.mentions[x.nameMention!].text.toLowerCase().startsWith(`${a} `));
      const shared = args.some((a) => oArgs.includes(a)) || nameMatches(e, oArgs) || nameMatches(o, args);
      const conflict = (places.length && oPlaces.length && !places.some((p) => oPlaces.includes(p))) || !overlaps(e.times, o.times) || (e.nameMention !== undefined && o.nameMention !== undefined && !namedAgree);
      // A definite mention with a place of its own joins only an event with no place yet, and only by name ("the El Paso shooting").
      const definiteFits = definite && (!places.length || (e.nameMention !== undefined && !oPlaces.length));
      if (conflict || !(shared || definiteFits || namedAgree)) continue;
      // The most salient fitting antecedent: one that shares a participant, has a name, is mentioned often.
      const distance = m.sentenceIndex - Math.max(...o.mentions.map((x) => x.sentenceIndex));
      const score = (shared || namedAgree ? 8 : 0) + (o.nameMention !== undefined ? 2 : 0) + Math.min(o.mentions.length, 2) + (hasArguments(o) ? 1 : 0) + 4 / (1 + distance);
      if (score > bestScore) {
        best = j;
        bestScore = score;
      }
    }
    if (best >= 0) {
      const o = events[best];
      head[i] = best;
      o.mentions.push(...e.mentions);
      o.nameMention ??= e.nameMention;
      for (const key of ['places', 'actors', 'targets', 'times', 'killed', 'injured'] as const) (o[key] as Evidence[]).push(...(e[key] as Evidence[]));
    }
  }
  // Chains point at their heads.
  return head.map((h) => {
    while (head[h] !== h) h = head[h];
    return h;
  });
}

