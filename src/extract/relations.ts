/**
 * Relations between the entities of an article, each read from a general construction:
 * subject–verb–object in active and passive voice ("Iraq warned France", "X was arrested by
 * police"), roles by apposition or premodifier ("Bernard Bajolet, the president of France's spy
 * agency"; "US President Donald Trump"), location ("Raqqa, Syria"; "based in"), links ("linked
 * to Al Qaeda"), suspicion ("a suspect in the attacks, identified as X"; "warrant for suspect
 * X"), and the sources an article cites ("according to the Washington Post", "told the
 * Associated Press", "the Times of Israel is reporting").
 */
import { ORGANIZATION_CLASSES, PLACE_CLASSES, type EntityClass, type ExtractedRelation, type RelationFamily, type SourceCitation } from '../types.js';
import type { ArticleEvents } from './events.js';
import { BE_FORMS, RELATION_VERBS, ROLE_NOUNS, VIOLENT } from './lexicon.js';
import type { ArticleView } from './sentence-view.js';

const PLACES = PLACE_CLASSES;
const ORGANISATIONS = ORGANIZATION_CLASSES;
/** What a role or a location is "of": any organisation or place, or a name of no known class. */
const BODIES: ReadonlySet<EntityClass> = new Set([...ORGANIZATION_CLASSES, ...PLACE_CLASSES, 'Other']);
const REPORT_VERBS = /^(reporting|reported|reports|report|said|says|say|quoted|cited)$/;

export function extractRelations(view: ArticleView, events: ArticleEvents): { relations: ExtractedRelation[]; sources: SourceCitation[] } {
  const { doc, mentions } = view;
  const relations: ExtractedRelation[] = [];
  const sources: SourceCitation[] = [];
  const seen = new Set<string>();
  const add = (r: ExtractedRelation) => {
    if (r.subjectMention !== undefined && r.subjectMention === r.objectMention) return;
    const key = `${r.family} ${r.subjectMention} ${r.subjectEvent} ${r.objectMention} ${r.objectEvent} ${r.sentenceIndex}`;
    if (seen.has(key)) return;
    seen.add(key);
    relations.push(r);
  };
  const cite = (m: number, si: number, a: number, b: number, rule: string) => {
    if (!sources.some((c) => c.mention === m && c.sentenceIndex === si)) sources.push({ mention: m, sentenceIndex: si, start: doc.tokens[a].start, end: doc.tokens[b].end, confidence: 0.8, rule });
  };
  const span = (a: number, b: number) => ({ start: doc.tokens[Math.min(a, b)].start, end: doc.tokens[Math.max(a, b)].end });
  const first = (m: number) => mentions[m].tokenStart;
  const last = (m: number) => mentions[m].tokenEnd - 1;
  const classOf = (m: number) => mentions[m].class;
  const eventAt = (from: number, to: number): number | undefined => {
    for (let t = from; t < to; t++) if (events.eventAtToken.has(t)) return events.eventAtToken.get(t);
    return undefined;
  };

  doc.sentences.forEach((s, si) => {
    for (let t = s.tokenStart; t < s.tokenEnd; t++) {
      const w = view.word(t);
      const pos = view.pos(t);
      /** The mention that ends right before this token, if any. */
      const before = view.endingBefore(t);

      // SUBJECT VERB OBJECT, and OBJECT be VERB-ed by SUBJECT.
      const family = pos.startsWith('VB') ? RELATION_VERBS.get(w) : undefined;
      if (family) {
        const passive = pos === 'VBN' && [1, 2].some((d) => BE_FORMS.has(view.word(t - d)));
        if (passive) {
          const patient = view.subjectBefore(t, s.tokenStart);
          const agent = view.word(t + 1) === 'by' ? view.objectAt(t + 2, s.tokenEnd, 1) : -1;
          if (patient >= 0 && agent >= 0) add({ family, subjectMention: agent, objectMention: patient, sentenceIndex: si, ...span(first(patient), last(agent)), confidence: 0.7, rule: `passive "${w}" + "by"` });
        } else {
          const subject = view.subjectBefore(t, s.tokenStart);
          let k = t + 1;
          if (view.pos(k) === 'RP') k++;
          const object = view.objectAt(k, s.tokenEnd, family === 'attack' || family === 'kill' ? 2 : 0);
          if (subject >= 0 && object >= 0) add({ family, subjectMention: subject, objectMention: object, sentenceIndex: si, ...span(first(subject), last(object)), confidence: 0.7, rule: `subject + "${w}" + object` });
          if (subject >= 0 && object < 0) {
            // "ISIS was training attackers in Raqqa": training is located by where it happens.
            const ev = eventAt(k, Math.min(s.tokenEnd, k + 4));
            if (ev !== undefined && (family === 'order' || family === 'attack')) add({ family, subjectMention: subject, objectEvent: ev, sentenceIndex: si, ...span(first(subject), k), confidence: 0.6, rule: `subject + "${w}" + event` });
            if (family === 'train') {
              for (let j = k; j < Math.min(s.tokenEnd, k + 6); j++) {
                const place = view.word(j) === 'in' ? view.objectAt(j + 1, s.tokenEnd) : -1;
                if (place >= 0 && PLACES.has(classOf(place))) {
                  add({ family, subjectMention: subject, objectMention: place, sentenceIndex: si, ...span(first(subject), last(place)), confidence: 0.6, rule: `subject + "${w}" + … + "in" + place` });
                  break;
                }
              }
            }
          }
          if (family === 'say' && object >= 0 && (classOf(object) === 'NewsMediaOrganization' || classOf(object) === 'Organization')) cite(object, si, t, last(object), `"${w}" + news outlet`);
        }
      }

      // "orders issued by X": a nominal order with its issuer.
      if (/^orders?$/.test(w) && view.word(t + 1) === 'issued' && view.word(t + 2) === 'by') {
        const issuer = view.objectAt(t + 3, s.tokenEnd, 1);
        const ev = eventAt(t + 3, s.tokenEnd);
        if (issuer >= 0 && ev !== undefined) add({ family: 'order', subjectMention: issuer, objectEvent: ev, sentenceIndex: si, ...span(t, last(issuer)), confidence: 0.5, rule: '"orders issued by" + agent … event' });
      }

      // Attribution: "according to X", "X is reporting", "told X".
      if (w === 'according' && view.word(t + 1) === 'to') {
        const m = view.objectAt(t + 2, s.tokenEnd);
        if (m >= 0 && classOf(m) !== 'Event' && !PLACES.has(classOf(m))) cite(m, si, t, last(m), '"according to" + source');
      }
      if (REPORT_VERBS.test(w) && pos.startsWith('VB')) {
        const m = view.subjectBefore(t, s.tokenStart);
        // "TVN24 reported": an outlet, or an organisation of no known kind, that reports.
        if (m >= 0 && (classOf(m) === 'NewsMediaOrganization' || (classOf(m) === 'Organization' && /^report/.test(w)))) cite(m, si, first(m), t, `news outlet + "${w}"`);
      }

      // Roles: "X, the president of Y", "X, Y's president".
      if (w === ',' && before >= 0 && classOf(before) === 'Person') {
        const person = before;
        let k = t + 1;
        if (/^(the|a|an)$/.test(view.word(k))) k++;
        const owner = view.startingAt(k);
        if (owner >= 0 && BODIES.has(classOf(owner)) && /^[’']s$/.test(view.word(mentions[owner].tokenEnd))) k = mentions[owner].tokenEnd + 1;
        while (k < s.tokenEnd && isPremodifier(view.pos(k))) k++;
        // "Tusk, a founding Civic Platform member": an organisation named before the role.
        let body = owner;
        if (body < 0) {
          // Before the body's name, lowercase nouns may modify too ("a founding member", tagged NN by some taggers).
          let j = k;
          while (j < s.tokenEnd && view.startingAt(j) < 0 && (isPremodifier(view.pos(j)) || (view.pos(j) === 'NN' && /^\p{Ll}/u.test(doc.tokens[j].text)))) j++;
          const m = view.startingAt(j);
          if (m >= 0 && BODIES.has(classOf(m)) && roleAt(view, mentions[m].tokenEnd)) {
            body = m;
            k = mentions[m].tokenEnd;
          }
        }
        const role = roleAt(view, k);
        if (role) {
          const of = body >= 0 && BODIES.has(classOf(body)) ? body : view.word(role.end) === 'of' ? view.ofObject(role.end + 1, s.tokenEnd) : -1;
          if (of >= 0 && BODIES.has(classOf(of))) add({ family: role.family, subjectMention: person, objectMention: of, role: role.noun, sentenceIndex: si, ...span(first(person), Math.max(last(of), role.end - 1)), confidence: 0.75, rule: `apposition: person, ${body >= 0 ? 'body + ' : 'the '}${role.noun}${body >= 0 ? '' : ' of'}` });
        }
      }
      // "PERSON of the ORGANISATION": a person speaking for a body ("Arnel dela Vega of the army's Western Mindanao Command").
      if (w === 'of' && before >= 0 && classOf(before) === 'Person') {
        const body = view.ofObject(t + 1, s.tokenEnd);
        if (body >= 0 && ORGANISATIONS.has(classOf(body))) add({ family: 'member', subjectMention: before, objectMention: body, sentenceIndex: si, ...span(first(before), last(body)), confidence: 0.5, rule: 'person + "of" + organisation' });
      }
      // "US President Donald Trump", "Iraqi Prime Minister Adil Abdul-Mahdi", "France's president Emmanuel Macron".
      const owner = view.startingAt(t);
      if (owner >= 0 && BODIES.has(classOf(owner))) {
        let k = mentions[owner].tokenEnd;
        if (/^[’']s$/.test(view.word(k))) k++;
        else if (view.word(k) === '(' && view.word(k + 2) === ')') k += 3; // "Organisation of Islamic Cooperation (OIC) head"
        const role = roleAt(view, k);
        let at = role ? role.end : -1;
        // "the El Paso mayor, Dee Margo"; "FBI agent and terrorism specialist Ali Soufan".
        if (role && view.word(at) === ',') at++;
        else if (role && view.word(at) === 'and' && view.pos(at + 1).startsWith('NN') && view.startingAt(at + 1) < 0) at += view.pos(at + 2).startsWith('NN') && view.startingAt(at + 2) < 0 ? 3 : 2;
        const person = role ? view.startingAt(at) : -1;
        if (role && person >= 0 && classOf(person) === 'Person') add({ family: role.family, subjectMention: person, objectMention: owner, role: role.noun, sentenceIndex: si, ...span(t, last(person)), confidence: 0.75, rule: `premodifier: owner + ${role.noun} + person` });
      }

      // Location: "Raqqa, Syria"; "X based in Y".
      const place = view.startingAt(t);
      if (place >= 0 && (classOf(place) === 'City' || classOf(place) === 'Place' || classOf(place) === 'Region') && view.word(mentions[place].tokenEnd) === ',') {
        const container = view.startingAt(mentions[place].tokenEnd + 1);
        // "Jolo, Sulu, Philippines" climbs from a city to its country; "Connecticut, Florida, Georgia, Kansas" is a list: a neighbour of the place's own class, or the list's last item after "and".
        const previous = view.word(t - 1) === ',' ? view.endingBefore(t - 1) : -1;
        const afterContainer = container >= 0 ? mentions[container].tokenEnd : -1;
        const next = container >= 0 && view.word(afterContainer) === ',' ? view.startingAt(afterContainer + 1) : -1;
        const conjunction = afterContainer + (view.word(afterContainer) === ',' ? 1 : 0);
        const final = container >= 0 && /^(and|or)$/.test(view.word(conjunction)) ? view.startingAt(conjunction + 1) : -1;
        // "Lyon, France and Madrid, Spain" pairs each city with its country: the last item is a list's only when no ", country" follows it.
        const lastOfList = final >= 0 && classOf(final) === classOf(place) && view.word(mentions[final].tokenEnd) !== ',';
        const inList = (previous >= 0 && classOf(previous) === classOf(place)) || (next >= 0 && classOf(next) === classOf(place)) || lastOfList;
        if (container >= 0 && !inList && (classOf(container) === 'Country' || (classOf(container) === 'Region' && classOf(place) !== 'Region'))) add({ family: 'located', subjectMention: place, objectMention: container, sentenceIndex: si, ...span(t, last(container)), confidence: 0.8, rule: 'place, containing place' });
      }
      if ((w === 'based' || w === 'headquartered') && view.word(t + 1) === 'in') {
        const subject = before >= 0 ? before : view.endingBefore(t - 1);
        const where = view.objectAt(t + 2, s.tokenEnd);
        if (subject >= 0 && where >= 0 && PLACES.has(classOf(where))) add({ family: 'located', subjectMention: subject, objectMention: where, sentenceIndex: si, ...span(first(subject), last(where)), confidence: 0.8, rule: `"${w} in" + place` });
      }

      // Links: "X was linked to Y", "ties to Y"; with no named subject, the event the clause is about.
      if ((/^(linked|tied|connected)$/.test(w) && view.word(t + 1) === 'to') || (/^(ties|links)$/.test(w) && view.word(t + 1) === 'to')) {
        const target = view.objectAt(t + 2, s.tokenEnd, 2);
        if (target >= 0 && classOf(target) !== 'Event') {
          const aux = (() => {
            let j = t - 1;
            while (j > s.tokenStart && (BE_FORMS.has(view.word(j)) || /^(known|believed|said|reported|to|also|allegedly)$/.test(view.word(j)))) j--;
            return j + 1;
          })();
          const subject = view.subjectBefore(aux, s.tokenStart);
          const ev = eventAt(s.tokenStart, t);
          if (subject >= 0 && classOf(subject) !== 'Event') add({ family: 'link', subjectMention: subject, objectMention: target, sentenceIndex: si, ...span(first(subject), last(target)), confidence: 0.6, rule: `subject + "${w} to"` });
          else if (ev !== undefined && VIOLENT.has(events.events[ev].eventType)) add({ family: 'link', subjectEvent: ev, objectMention: target, sentenceIndex: si, ...span(t, last(target)), confidence: 0.5, rule: `people of an event + "${w} to"` });
        }
      }

      // Suspicion: "suspect X", "a suspect in EVENT, identified as X", "X, a suspect in EVENT".
      if (/^suspects?$/.test(w) && pos.startsWith('NN')) {
        let person = view.objectAt(t + 1, s.tokenEnd);
        if (person < 0) {
          for (let j = t + 1; j < s.tokenEnd - 1; j++) if (view.word(j) === 'identified' && view.word(j + 1) === 'as') person = view.objectAt(j + 2, s.tokenEnd);
        }
        if (person < 0 && view.word(t - 1 - (view.pos(t - 1).startsWith('JJ') ? 1 : 0)) === 'a') {
          const k = t - 1 - (view.pos(t - 1).startsWith('JJ') ? 1 : 0) - 1;
          if (view.word(k) === ',' && view.endingBefore(k) >= 0) person = view.endingBefore(k);
        }
        if (person >= 0 && classOf(person) === 'Person') {
          const inEvent = view.word(t + 1) === 'in' ? eventAt(t + 2, Math.min(s.tokenEnd, t + 7)) : undefined;
          // Without "in EVENT", the article's main violent event: the one it mentions most.
          const ev = inEvent ?? mainViolentEvent(events);
          if (ev !== undefined) add({ family: 'suspect', subjectMention: person, objectEvent: ev, sentenceIndex: si, ...span(t, last(person)), confidence: inEvent !== undefined ? 0.7 : 0.45, rule: inEvent !== undefined ? '"suspect in" + event … person' : '"suspect" + person, the article\'s main event' });
        }
      }
    }
  });
  return { relations, sources };
}

/** Adjectives and participles before a role noun: "a senior member", "a founding member", "a retired general". */
const isPremodifier = (pos: string) => pos.startsWith('JJ') || pos === 'VBG' || pos === 'VBN';

/** A role noun at token k ("president", "Prime Minister", "spy chief"), and the token after it. */
function roleAt(view: ArticleView, k: number): { family: RelationFamily; noun: string; end: number } | undefined {
  const two = `${view.word(k)}-${view.word(k + 1)}`;
  if (ROLE_NOUNS.has(two)) return { family: ROLE_NOUNS.get(two)!, noun: `${view.word(k)} ${view.word(k + 1)}`, end: k + 2 };
  if (ROLE_NOUNS.has(view.word(k))) return { family: ROLE_NOUNS.get(view.word(k))!, noun: view.word(k), end: k + 1 };
  // A modifier before the role ("foreign minister", "spy chief", "acting prime minister").
  if (/^(foreign|defence|defense|interior|finance|health|justice|deputy|vice|former|acting|current|interim|spy|intelligence|police|army|military|supreme|senior|top)$/.test(view.word(k))) {
    const inner = roleAt(view, k + 1);
    if (inner && !inner.noun.includes(' ')) return { ...inner, noun: `${view.word(k)} ${inner.noun}` };
    if (inner) return inner;
  }
  return undefined;
}

function mainViolentEvent(events: ArticleEvents): number | undefined {
  let best: number | undefined;
  events.events.forEach((e, i) => {
    if (VIOLENT.has(e.eventType) && (best === undefined || e.mentions.length > events.events[best].mentions.length)) best = i;
  });
  return best;
}
