/**
 * Events (extract/events.ts): triggers and their types, place, actors, targets, casualty counts,
 * hypothetical talk, later mentions joined, "a day before X". Made-up sentences with made-up
 * names: the nlp stage gives tokens, sentences and part-of-speech tags, the typed mentions are
 * placed by hand so that each rule is tested apart from the tagger and the typing.
 */
import { describe, expect, test } from 'vitest';
import { extractEvents, type ArticleEvents } from '../../src/extract/events.js';
import { ArticleView } from '../../src/extract/sentence-view.js';
import { analyze } from '../../src/nlp/index.js';
import { processArticle } from '../../src/pipeline/article.js';
import type { EntityClass, ExtractedEvent, TypedMention } from '../../src/types.js';

const PUBLISHED = '2021-03-15'; // a Monday: "Friday" is 2021-03-12, "Monday" 2021-03-08 ("on Monday" in the past)

/** Typed mentions at the given names, each searched after the previous one. */
function typedAt(text: string, doc: ReturnType<typeof analyze>, names: [string, EntityClass][]): TypedMention[] {
  let from = 0;
  return names.map(([name, cls]) => {
    const start = text.indexOf(name, from);
    if (start < 0) throw new Error(`no "${name}" in the text`);
    const end = start + name.length;
    from = end;
    const tokenStart = doc.tokens.findIndex((t) => t.start === start);
    const tokenEnd = doc.tokens.findIndex((t) => t.end === end) + 1;
    if (tokenStart < 0 || tokenEnd <= tokenStart) throw new Error(`"${name}" is not a token span`);
    const sentenceIndex = doc.sentences.findIndex((s) => s.start <= start && start < s.end);
    return { text: name, start, end, tokenStart, tokenEnd, sentenceIndex, score: 1, class: cls, typingRules: ['test'] };
  });
}

interface Read {
  result: ArticleEvents;
  typed: TypedMention[];
  events: ExtractedEvent[];
}

function read(text: string, names: [string, EntityClass][] = [], published: string | null = PUBLISHED): Read {
  const doc = analyze(text);
  const typed = typedAt(text, doc, names);
  const result = extractEvents(new ArticleView(doc, typed), published ?? undefined);
  return { result, typed, events: result.events };
}

/** An event's arguments as "name (rule)" strings. */
const names = (r: Read, args: { mention: number; rule: string }[]) => args.map((a) => `${r.typed[a.mention].text} (${a.rule})`);
const counts = (list: { value: number; atLeast: boolean }[]) => list.map((c) => ({ value: c.value, atLeast: c.atLeast }));

describe('triggers and event types', () => {
  test.each<[string, [string, EntityClass][], string[]]>([
    ['Gunmen attacked a market in Velmora on Friday.', [['Velmora', 'City']], ['attack']],
    ['A bomb blast in Velmora killed 129 people on Friday.', [['Velmora', 'City']], ['bombing']],
    ['Gunmen opened fire on a crowd in Velmora.', [['Velmora', 'City']], ['shooting']],
    ['The Red Hand stabbed Tomas Brel in Velmora on Friday.', [['Red Hand', 'ArmedGroup'], ['Tomas Brel', 'Person'], ['Velmora', 'City']], ['stabbing']],
    ['Police arrested Tomas Brel in Velmora on Monday.', [['Tomas Brel', 'Person'], ['Velmora', 'City']], ['arrest']],
    ['Police issued a warrant for Tomas Brel on Monday.', [['Tomas Brel', 'Person']], ['warrant']],
    ['An air strike on Velmora on Monday killed four.', [['Velmora', 'City']], ['military-strike']],
    ['An explosion in Velmora on Monday injured six.', [['Velmora', 'City']], ['explosion']],
    ['Protests in Velmora on Monday turned violent.', [['Velmora', 'City']], ['protest']],
    ['Floods in Velmora on Monday destroyed homes.', [['Velmora', 'City']], ['disaster']],
    // "killing five people" counts the attack's victims; it is not a second event.
    ['Gunmen attacked a market in Velmora on Friday, killing five people.', [['Velmora', 'City']], ['attack']],
    // A strike without a military word before it is a labour strike, no event.
    ['Workers went on strike in Velmora on Monday.', [['Velmora', 'City']], []],
  ])('%s → %j', (text, typed, types) => {
    expect(read(text, typed).events.map((e) => e.eventType)).toEqual(types);
  });

  test('a named event is typed by its trigger word, mentioned by its whole name, and holds its name mention', () => {
    const r = read('The Velmora Massacre shocked the nation on Friday.', [['Velmora Massacre', 'Event']]);
    expect(r.events).toHaveLength(1);
    expect(r.events[0]).toMatchObject({ eventType: 'attack', nameMention: 0, mentions: [{ text: 'Velmora Massacre', sentenceIndex: 0 }] });
    expect(r.result.reported).toEqual([true]);
  });

  test('eventAtToken maps each trigger token to its event', () => {
    const text = 'Gunmen attacked a market in Velmora on Friday. The attacks were condemned.';
    const r = read(text, [['Velmora', 'City']]);
    const doc = analyze(text);
    const at = [...r.result.eventAtToken].map(([tok, ev]) => [doc.tokens[tok].text, ev]);
    expect(at).toEqual([
      ['attacked', 0],
      ['attacks', 0],
    ]);
  });
});

describe('place', () => {
  test.each<[string, [string, EntityClass][], string[]]>([
    ['Gunmen attacked a market in Velmora on Friday.', [['Velmora', 'City']], ['Velmora (event + "in" + place)']],
    ['A bomb exploded near Velmora on Friday.', [['Velmora', 'Region']], ['Velmora (event + "near" + place)']],
    ['The Velmora attacks on Friday killed 129 people.', [['Velmora', 'City']], ['Velmora (name before the event noun)']],
    ['The shooting at Darnoc on Friday killed two.', [['Darnoc', 'Place']], ['Darnoc (event + "at" + place)']],
    // Only the first place after the trigger is the event's.
    ['Gunmen attacked a market in Velmora in Darnoc on Friday.', [['Velmora', 'City'], ['Darnoc', 'Country']], ['Velmora (event + "in" + place)']],
    // A person after "in" is no place.
    ['The attack in Tomas Brel was odd.', [['Tomas Brel', 'Person']], []],
  ])('%s → %j', (text, typed, places) => {
    const r = read(text, typed);
    expect(r.events.flatMap((e) => names(r, e.places))).toEqual(places);
  });

  test('a named event takes the place inside its name', () => {
    const text = 'The Velmora Massacre shocked the nation on Friday.';
    const doc = analyze(text);
    const typed: TypedMention[] = [...typedAt(text, doc, [['Velmora Massacre', 'Event']]), ...typedAt(text, doc, [['Velmora', 'City']])];
    const events = extractEvents(new ArticleView(doc, typed), PUBLISHED).events;
    expect(events[0].places.map((p) => [typed[p.mention].text, p.rule])).toEqual([['Velmora', 'name of the event']]);
  });
});

describe('actors', () => {
  test.each<[string, [string, EntityClass][], string[]]>([
    ['An attack by the Red Hand killed four soldiers in Velmora on Friday.', [['Red Hand', 'ArmedGroup'], ['Velmora', 'City']], ['Red Hand (event + "by" + agent)']],
    ['The Red Hand attacked a police station in Velmora on Friday.', [['Red Hand', 'ArmedGroup'], ['Velmora', 'City']], ['Red Hand (subject of the event verb)']],
    ['Red Hand fighters attacked a bus in Velmora on Friday.', [['Red Hand', 'ArmedGroup'], ['Velmora', 'City']], ['Red Hand (subject of the event verb)']],
    ['Red Hand attacks on Friday killed three.', [['Red Hand', 'ArmedGroup']], ['Red Hand (name before the event noun)']],
    ['The Red Hand launched an attack on Darnoc on Monday.', [['Red Hand', 'ArmedGroup'], ['Darnoc', 'City']], ['Red Hand (subject of "launched" + event)']],
    ['Gunmen attacked a market in Velmora on Friday.', [['Velmora', 'City']], []],
  ])('%s → %j', (text, typed, actors) => {
    const r = read(text, typed);
    expect(r.events).toHaveLength(1);
    expect(names(r, r.events[0].actors)).toEqual(actors);
  });
});

describe('targets', () => {
  test.each<[string, [string, EntityClass][], string[]]>([
    ['An attack on the Daily Lantern killed twelve people.', [['Daily Lantern', 'NewsMediaOrganization']], ['Daily Lantern (event + "on" + target)']],
    ['The Red Hand stabbed Tomas Brel in Velmora on Friday.', [['Red Hand', 'ArmedGroup'], ['Tomas Brel', 'Person'], ['Velmora', 'City']], ['Tomas Brel (object of the event verb)']],
    ['Police issued a warrant for Tomas Brel on Monday.', [['Tomas Brel', 'Person']], ['Tomas Brel (event + "for" + target)']],
    ['Red Hand fighters attacked the offices of the Daily Lantern in Velmora on Friday.', [['Red Hand', 'ArmedGroup'], ['Daily Lantern', 'NewsMediaOrganization'], ['Velmora', 'City']], ['Daily Lantern (event + "of" + target)']],
    // A country is where an attack is, not what it is on.
    ['Attacks on Velmora on Friday killed three.', [['Velmora', 'Country']], []],
  ])('%s → %j', (text, typed, targets) => {
    const r = read(text, typed);
    expect(r.events).toHaveLength(1);
    expect(names(r, r.events[0].targets)).toEqual(targets);
  });

  test('"for" names a target only for warrants, arrests and manhunts', () => {
    const r = read('Protests for Tomas Brel in Velmora on Monday were calm.', [['Tomas Brel', 'Person'], ['Velmora', 'City']]);
    expect(r.events.map((e) => e.eventType)).toEqual(['protest']);
    expect(r.events[0].targets).toEqual([]);
  });
});

describe('casualty counts', () => {
  type Count = { value: number; atLeast: boolean };
  test.each<[string, Count[], Count[]]>([
    ['A bomb blast in Velmora killed 129 people on Friday.', [{ value: 129, atLeast: false }], []],
    ['At least 20 were injured in the bombing in Velmora on Friday.', [], [{ value: 20, atLeast: true }]],
    ['More than 40 people were wounded in the blast in Velmora.', [], [{ value: 40, atLeast: true }]],
    ['Five people were killed in the shooting in Velmora on Friday.', [{ value: 5, atLeast: false }], []],
    ['The blast in Velmora killed at least 20 people and injured more than 30.', [{ value: 20, atLeast: true }], [{ value: 30, atLeast: true }]],
    ['The attack in Velmora killed 1,200 people.', [{ value: 1200, atLeast: false }], []],
    ['Gunmen attacked a market in Velmora on Friday, killing five people.', [{ value: 5, atLeast: false }], []],
    // A duration after the verb is no count.
    ['The attack in Velmora killed 3 years of work.', [], []],
  ])('%s', (text, killed, injured) => {
    const r = read(text, [['Velmora', 'City']]);
    expect(r.events).toHaveLength(1);
    expect(counts(r.events[0].killed)).toEqual(killed);
    expect(counts(r.events[0].injured)).toEqual(injured);
  });

  test('a count goes to the event before it in its sentence, not to one in another sentence', () => {
    const r = read('A shooting in Velmora on Friday killed two. A shooting in Darnoc on Saturday killed three.', [['Velmora', 'City'], ['Darnoc', 'City']]);
    expect(r.events.map((e) => [names(r, e.places), counts(e.killed)])).toEqual([
      [['Velmora (event + "in" + place)'], [{ value: 2, atLeast: false }]],
      [['Darnoc (event + "in" + place)'], [{ value: 3, atLeast: false }]],
    ]);
  });

  // BUG (src/extract/events.ts, casualties): "left three dead" is read twice, once as "left" +
  // count and once as count + "dead", so the event gets two identical death counts.
  test.fails('"left three dead" is one count of three', () => {
    const r = read('The blast in Velmora left three dead.', [['Velmora', 'City']]);
    expect(counts(r.events[0].killed)).toEqual([{ value: 3, atLeast: false }]);
  });

  // GAP (src/extract/events.ts, casualties): "dozen" is a number word of the lexicon, but the
  // article in "a dozen" stops the count from being read.
  test.fails('"killed a dozen people" is a count of twelve', () => {
    const r = read('The bombing in Velmora killed a dozen people.', [['Velmora', 'City']]);
    expect(counts(r.events[0].killed)).toEqual([{ value: 12, atLeast: false }]);
  });
});

describe('hypothetical talk is not an event', () => {
  test.each<[string, [string, EntityClass][]]>([
    ['The Red Hand planned attacks on Velmora.', [['Red Hand', 'ArmedGroup'], ['Velmora', 'City']]],
    ['The Red Hand plans to attack Velmora.', [['Red Hand', 'ArmedGroup'], ['Velmora', 'City']]],
    ['The Red Hand threatened to bomb Velmora.', [['Red Hand', 'ArmedGroup'], ['Velmora', 'City']]],
    ['The possible bombing of the bridge worried officials.', []],
    ['Police foiled an attack on the Daily Lantern.', [['Daily Lantern', 'NewsMediaOrganization']]],
    ['Velmora said the risk of attack was high.', [['Velmora', 'Country']]],
  ])('%s', (text, typed) => {
    expect(read(text, typed).events).toEqual([]);
  });

  test('a mention with nothing said of it is kept but not reported', () => {
    const r = read('Officials discussed bombings or assassinations.');
    expect(r.events.map((e) => e.eventType)).toEqual(['bombing', 'killing']);
    expect(r.result.reported).toEqual([false, false]);
  });

  // GAP (src/extract/events.ts, HYPOTHETICAL): "plot" and "plotting" are listed, "plotted" is
  // not, so "plotted a bombing" is reported as a bombing that happened.
  test.fails('"plotted a bombing" is not a bombing', () => {
    expect(read('The Red Hand plotted a bombing in Velmora.', [['Red Hand', 'ArmedGroup'], ['Velmora', 'City']]).events).toEqual([]);
  });
});

describe('later mentions are joined to the event they refer to', () => {
  test('"the attacks" in the next sentence is the attack already reported', () => {
    const r = read('Gunmen attacked a market in Velmora on Friday. Police said the attacks were planned for months.', [['Velmora', 'City']]);
    expect(r.events).toHaveLength(1);
    expect(r.events[0].mentions.map((m) => [m.text, m.sentenceIndex])).toEqual([
      ['attacked', 0],
      ['attacks', 1],
    ]);
  });

  test('"the bombing" joins an earlier bombing; a death reported on its own stays apart', () => {
    const r = read('The Red Hand bombed a bus in Velmora on Friday. Three people died. Officials said the bombing was the worst in years.', [
      ['Red Hand', 'ArmedGroup'],
      ['Velmora', 'City'],
    ]);
    expect(r.events.map((e) => [e.eventType, e.mentions.map((m) => m.text)])).toEqual([
      ['bombing', ['bombed', 'bombing']],
      ['death', ['died']],
    ]);
  });

  test('"the massacre" joins the named event and the chain keeps its name', () => {
    const r = read('Police hunted the gunmen after the Velmora Massacre on Friday. The massacre shocked the nation.', [['Velmora Massacre', 'Event']]);
    expect(r.events).toHaveLength(1);
    expect(r.events[0].nameMention).toBe(0);
    expect(r.events[0].mentions.map((m) => m.text)).toEqual(['Velmora Massacre', 'massacre']);
  });

  test('two events of a kind in different places stay two', () => {
    const r = read('A shooting in Velmora on Friday killed two. A shooting in Darnoc on Saturday killed three.', [['Velmora', 'City'], ['Darnoc', 'City']]);
    expect(r.events).toHaveLength(2);
  });
});

describe('time', () => {
  test('the nearest time expression, normalised against the publication date', () => {
    const r = read('Gunmen attacked a market in Velmora on Friday.', [['Velmora', 'City']]);
    expect(r.events[0].times.map((t) => [t.earliest, t.latest, t.text])).toEqual([['2021-03-12', '2021-03-12', 'Friday']]);
  });

  test('"last week\'s attacks" take last week', () => {
    const r = read("Last week's attacks in Velmora killed 12.", [['Velmora', 'City']]);
    expect(r.events[0].times.map((t) => [t.earliest, t.latest])).toEqual([['2021-03-08', '2021-03-14']]);
  });

  test.each([
    ['a day before', '2021-03-11'],
    ['two days before', '2021-03-10'],
    ['a week before', '2021-03-05'],
    ['a day after', '2021-03-13'],
  ])('"%s the attacks" shifts the other event\'s time', (phrase, day) => {
    const r = read(`The Red Hand issued a warning ${phrase} the attacks in Velmora on Friday.`, [['Red Hand', 'ArmedGroup'], ['Velmora', 'City']]);
    expect(r.events.map((e) => e.eventType)).toEqual(['warning', 'attack']);
    const [warning, attack] = r.events;
    expect(attack.times.map((t) => t.earliest)).toEqual(['2021-03-12']);
    expect(warning.times.map((t) => [t.earliest, t.latest, t.text])).toEqual([[day, day, `${phrase} Friday`]]);
    expect(names(r, warning.actors)).toEqual(['Red Hand (subject of "issued" + event)']);
  });

  test('"a day before" an event with no time gives no time', () => {
    const r = read('The Red Hand issued a warning a day before the attacks in Velmora.', [['Red Hand', 'ArmedGroup'], ['Velmora', 'City']]);
    expect(r.events.map((e) => [e.eventType, e.times.length])).toEqual([
      ['warning', 0],
      ['attack', 0],
    ]);
  });

  test('without a publication date, a weekday cannot be placed', () => {
    const r = read('Gunmen attacked a market in Velmora on Friday.', [['Velmora', 'City']], null);
    expect(r.events[0].times).toEqual([]);
  });
});

describe('through the whole per-article pipeline', () => {
  // Moved from relations.test.ts: the attack's count and date, read with the real tagger and typing.
  test('"Gunmen attacked a market in Porto on Friday, killing five people": count and date of the attack', () => {
    const r = processArticle({ id: 'a0', text: 'Gunmen attacked a market in Porto on Friday, killing five people.', origin: 'test', published: PUBLISHED }, 'https://example.org/kg/');
    expect(r.events.map((e) => e.eventType)).toEqual(['attack']);
    expect(r.events[0].killed.map((c) => c.value)).toEqual([5]);
    expect(r.events[0].times[0]).toMatchObject({ earliest: '2021-03-12', latest: '2021-03-12' });
  });
});
