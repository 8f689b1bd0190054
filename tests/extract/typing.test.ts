import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { typeMentions, type PlaceLookup } from '../../src/extract/index.js';
import { analyze, loadModel } from '../../src/nlp/pipeline.js';
import { splitSentences } from '../../src/nlp/sentences.js';
import { tokenize } from '../../src/nlp/tokenize.js';
import type { Doc, EntityTag, Mention } from '../../src/types.js';

const noPlaces: PlaceLookup = { isCountry: () => false, isCity: () => false, isDemonym: () => false };

/** A Doc with hand-placed mentions, so each rule is tested apart from the tagger. */
function docWith(text: string, names: [string, EntityTag][]): Doc {
  const tokens = tokenize(text);
  const sentences = splitSentences(text, tokens);
  const mentions: Mention[] = names.map(([name, tag]) => {
    const start = text.indexOf(name);
    const end = start + name.length;
    const tokenStart = tokens.findIndex((t) => t.start === start);
    const tokenEnd = tokens.findIndex((t) => t.end === end) + 1;
    return { tag, text: name, start, end, tokenStart, tokenEnd, sentenceIndex: 0, score: 0.9 };
  });
  const n = tokens.length;
  return { text, tokens, sentences, pos: Array(n).fill('NN'), chunks: Array(n).fill('O'), ner: Array(n).fill('O'), lemmas: tokens.map((t) => t.text.toLowerCase()), heads: Array(n).fill(-1), deprels: Array(n).fill('dep'), mentions };
}

const classOf = (doc: Doc, places = noPlaces) => Object.fromEntries(typeMentions(doc, places).map((m) => [m.text, m.class]));

describe('typing rules', () => {
  test.each([
    ['The satirical newspaper Le Canard was sued.', 'Le Canard', 'PER', 'NewsMediaOrganization'],
    ['Fighters of the militant group Al Shabaab attacked.', 'Al Shabaab', 'PER', 'ArmedGroup'],
    ['The Red Hand terrorist organization claimed it.', 'Red Hand', 'LOC', 'ArmedGroup'],
    ['Police searched the Red Hand headquarters.', 'Red Hand', 'MISC', 'Organization'],
    ['It was ordered by terrorist Omar Farouk yesterday.', 'Omar Farouk', 'ORG', 'Person'],
    ['Shares of Acme Widgets Inc. fell.', 'Acme Widgets Inc.', 'ORG', 'Company'],
    ['A report in the Daily Clarion said so.', 'Daily Clarion', 'ORG', 'NewsMediaOrganization'],
    ['Officers of the Lisbon Police arrived.', 'Lisbon Police', 'ORG', 'GovernmentOrganization'],
    ['The Herald of Leeds reported it.', 'Herald of Leeds', 'ORG', 'NewsMediaOrganization'],
    ['A photo by Marta Getz Images was used.', 'Marta Getz Images', 'PER', 'NewsMediaOrganization'],
    ['They were Nord-backed rebels.', 'Nord-backed', 'MISC', 'Other'],
  ] as [string, string, EntityTag, string][])('%s → %s is %s', (text, name, tag, cls) => {
    expect(classOf(docWith(text, [[name, tag]]))[name]).toBe(cls);
  });

  test('the gazetteer makes places countries or cities', () => {
    const places: PlaceLookup = { isCountry: (n) => n === 'Freedonia', isCity: (n) => n === 'Fredville', isDemonym: () => false };
    expect(classOf(docWith('From Freedonia to Fredville and Nowhere.', [['Freedonia', 'LOC'], ['Fredville', 'LOC'], ['Nowhere', 'LOC']]), places)).toEqual({
      Freedonia: 'Country',
      Fredville: 'City',
      Nowhere: 'Place',
    });
  });

  test('mentions of one name agree on the best-evidenced type', () => {
    const doc = docWith('Red Hand struck. Later Red Hand militants fled.', [['Red Hand', 'MISC']]);
    const second = doc.text.lastIndexOf('Red Hand');
    doc.mentions.push({ ...doc.mentions[0], start: second, end: second + 8, tokenStart: 5, tokenEnd: 7 });
    expect(typeMentions(doc, noPlaces).map((m) => m.class)).toEqual(['ArmedGroup', 'ArmedGroup']);
  });

  test('a capitalised name ending in an organisation head noun is found even when the tagger missed it', () => {
    const found = typeMentions(docWith('It was reported by Channel 9 News on Monday.', []), noPlaces);
    expect(found.map((m) => [m.text, m.class])).toEqual([['Channel 9 News', 'NewsMediaOrganization']]);
  });

  test('a demonym and a government head noun make an agency; other words in between stop it', () => {
    const places: PlaceLookup = { ...noPlaces, isDemonym: (w) => w === 'Freedonian' };
    const found = typeMentions(docWith('Freedonian police and Taliban according to police.', [['Freedonian', 'MISC'], ['Taliban', 'MISC']]), places);
    expect(found.filter((m) => m.class === 'GovernmentOrganization').map((m) => [m.text, m.country])).toEqual([['Freedonian police', 'Freedonian']]);
  });

  test('an initial without a period joins the person name after it; "A" does not', () => {
    expect(Object.keys(classOf(docWith('— W Patrick Wilson (@x) said', [['Patrick Wilson', 'PER']])))).toEqual(['W Patrick Wilson']);
    expect(Object.keys(classOf(docWith('A Patrick Wilson fan said', [['Patrick Wilson', 'PER']])))).toEqual(['Patrick Wilson']);
  });

  test('Hurricane X, Operation X and Battle of X are events', () => {
    expect(classOf(docWith('Hurricane Zelda hit the coast.', [['Hurricane Zelda', 'PER']]))['Hurricane Zelda']).toBe('Event');
    expect(classOf(docWith('Teams came to the Robot Olympics.', [['Robot Olympics', 'MISC']]))['Robot Olympics']).toBe('Event');
  });

  test.each([
    ['He was known to be linked to Al Qarn in Yemen after terrorism charges.', 'Al Qarn', 'ArmedGroup'],
    ['The bombers pledged allegiance to Dawla Sura, the militant network.', 'Dawla Sura', 'ArmedGroup'],
    ['He was linked to Al Qarn, the mayor said.', 'Al Qarn', 'Person'],
    ['He was linked to Omar bin Sura in a terrorism case.', 'Omar bin Sura', 'Person'],
  ])('affiliation in a sentence about militancy: %s → %s is %s', (text, name, fine) => {
    expect(classOf(docWith(text, [[name, 'PER']]))[name]).toBe(fine);
  });

  test('a name split at a lowercase particle is one person, tagged on either side or both', () => {
    expect(classOf(docWith('Omar bin Sura founded it.', [['Omar', 'LOC'], ['Sura', 'PER']]))).toEqual({ 'Omar bin Sura': 'Person' });
    expect(classOf(docWith('Police named Hamid bin Sura today.', [['Sura', 'PER']]))).toEqual({ 'Hamid bin Sura': 'Person' });
    expect(classOf(docWith('Vincent van Gogh painted.', [['Vincent', 'PER']]))).toEqual({ 'Vincent van Gogh': 'Person' });
    expect(classOf(docWith('From Lisbon to Porto by train.', [['Lisbon', 'LOC'], ['Porto', 'LOC']]))).toEqual({ Lisbon: 'Place', Porto: 'Place' });
  });

  test('a title before a name is dropped and makes it a person', () => {
    expect(classOf(docWith('Ambassador Bolton spoke.', [['Ambassador Bolton', 'ORG']]))).toEqual({ Bolton: 'Person' });
    const places: PlaceLookup = { ...noPlaces, isCity: (n) => n === 'Lisbon' };
    expect(classOf(docWith('Mayor of Lisbon Ana Sousa tweeted.', [['Mayor of Lisbon Ana Sousa', 'PER']]), places)).toEqual({ 'Ana Sousa': 'Person' });
  });

  test('place head words and opening words make places of names the tagger gave other types', () => {
    expect(classOf(docWith('Shots were fired at Cielo Verde Mall on Friday.', [['Cielo Verde Mall', 'PER']]))['Cielo Verde Mall']).toBe('Facility');
    expect(classOf(docWith('He fled to Ciudad Nueva by car.', [['Ciudad Nueva', 'PER']]))['Ciudad Nueva']).toBe('Place');
  });

  test('a lone word of a person named in the article is that person, except after a preposition of place', () => {
    const doc = docWith('Hamid Sura died. The death of Sura was confirmed. He lived in Hamid.', [['Hamid Sura', 'PER']]);
    for (const [name, tag] of [['Sura', 'LOC'], ['Hamid', 'LOC']] as [string, EntityTag][]) {
      const start = doc.text.lastIndexOf(name);
      const tokenStart = doc.tokens.findIndex((t) => t.start === start);
      doc.mentions.push({ tag, text: name, start, end: start + name.length, tokenStart, tokenEnd: tokenStart + 1, sentenceIndex: 0, score: 0.9 });
    }
    expect(typeMentions(doc, noPlaces).map((m) => [m.text, m.class])).toEqual([['Hamid Sura', 'Person'], ['Sura', 'Person'], ['Hamid', 'Place']]);
  });

  test('the gazetteer makes regions of states and provinces', () => {
    const places: PlaceLookup = { ...noPlaces, isRegion: (n) => n === 'Nordland' };
    expect(classOf(docWith('Storms hit Nordland overnight.', [['Nordland', 'LOC']]), places).Nordland).toBe('Region');
  });

  test('"the" + name + event noun is a named event', () => {
    const found = typeMentions(docWith('After the Lisbon attacks, the city mourned.', [['Lisbon', 'LOC']]), noPlaces);
    expect(found.map((m) => [m.text, m.class])).toContainEqual(['Lisbon attacks', 'Event']);
  });
});

describe('the seed article', () => {
  const text = readFileSync(new URL('../../seeds/000_93913eae600d5a9a.txt', import.meta.url), 'utf8');
  const gazetteer = loadModel().gazetteer!;
  const places: PlaceLookup = { isCountry: (n) => gazetteer.has(n, 'country'), isCity: (n) => gazetteer.has(n, 'city'), isDemonym: (w) => gazetteer.has(w, 'demonym') };
  const typed = typeMentions(analyze(text), places);
  const typesOf = (name: string) => new Set(typed.filter((m) => m.text === name).map((m) => m.class));

  test.each([
    ['ISIS', 'ArmedGroup'],
    ['Islamic State', 'ArmedGroup'],
    ['Abu Bakr al-Baghdadi', 'Person'],
    ['Bernard Bajolet', 'Person'],
    ['Abdeslam Salah', 'Person'],
    ['Charlie Hebdo', 'NewsMediaOrganization'],
    ['Times of Israel', 'NewsMediaOrganization'],
    ['Associated Press', 'NewsMediaOrganization'],
    ['Washington Post', 'NewsMediaOrganization'],
    ['Channel 4 News', 'NewsMediaOrganization'],
    ['Getty Images', 'NewsMediaOrganization'],
    ['France', 'Country'],
    ['Iraq', 'Country'],
    ['Syria', 'Country'],
    ['Paris', 'City'],
    ['Paris attacks', 'Event'],
    ['Charlie Hebdo massacre', 'Event'],
  ])('%s is %s everywhere', (name, fine) => {
    expect([...typesOf(name)]).toEqual([fine]);
  });
});

describe('ordinary words are not names', () => {
  const words: PlaceLookup = { ...noPlaces, isWord: (w) => ['hell', 'oh', 'parliament', 'trump', 'north', 'federal', 'democratic'].includes(w), isPersonName: (w) => w === 'Trump' };
  const withPos = (doc: Doc, word: string, pos: string) => {
    doc.pos[doc.tokens.findIndex((t) => t.text === word)] = pos;
    return doc;
  };

  test.each<[string, string, EntityTag, string?]>([
    // an interjection or an adverb the tagger took for a name
    ['Oh, we brainstormed about it.', 'Oh', 'PER', 'UH'],
    ['Hey, that is fine.', 'Hey', 'PER', 'UH'],
    // an ordinary word the article also writes in lowercase
    ['Hell was his word for it. He called the trip hell.', 'Hell', 'PER'],
    ['The Parliament met. The parliament of Velmora voted.', 'Parliament', 'ORG'],
    // an adjective the tagger took for a body; an initial alone
    ['It is a Federal and a State issue.', 'Federal', 'ORG', 'JJ'],
    ['P. leucopus was found.', 'P.', 'PER'],
  ])('%s: "%s" is dropped', (text, name, tag, pos) => {
    const doc = docWith(text, [[name, tag]]);
    expect(classOf(pos ? withPos(doc, name, pos) : doc, words)).toEqual({});
  });

  test.each<[string, string, EntityTag, string?]>([
    // a known name, an acronym, a word that is no English word, the first of two coordinated name heads
    ['Trump spoke. He played his trump card.', 'Trump', 'PER'],
    ['The US said so. They told us.', 'US', 'LOC', 'PRP'],
    ['Daly said so.', 'Daly', 'PER', 'RB'],
    ['North and South Velmora met. They went north.', 'North', 'LOC'],
    // no lowercase use: a capitalised word stays a name
    ['The Parliament met on Monday.', 'Parliament', 'ORG'],
    // the tagger's own kind of adjective
    ['The Democratic primary began.', 'Democratic', 'MISC', 'JJ'],
  ])('%s: "%s" stays', (text, name, tag, pos) => {
    const doc = docWith(text, [[name, tag]]);
    expect(Object.keys(classOf(pos ? withPos(doc, name, pos) : doc, words))).toEqual([name]);
  });
});

describe('lists read as one name', () => {
  test.each<[string, string, EntityTag, string[]]>([
    ['Rooney, Scholes and Neville scored.', 'Rooney, Scholes and Neville', 'PER', ['Rooney', 'Scholes', 'Neville']],
    ['The Carroll–Patel ticket won.', 'Carroll–Patel', 'PER', ['Carroll', 'Patel']],
    ['Flights to London, Singapore and Kuala Lumpur resumed.', 'London, Singapore and Kuala Lumpur', 'LOC', ['London', 'Singapore', 'Kuala Lumpur']],
    // a place and its state or country is one mention for the rules that read it
    ['He lives in Irving, Texas now.', 'Irving, Texas', 'LOC', ['Irving, Texas']],
  ])('%s', (text, name, tag, parts) => {
    expect(Object.keys(classOf(docWith(text, [[name, tag]])))).toEqual(parts);
  });
});

/** The parser's tags and tree for the text, with hand-placed mentions: the class rules read both. */
function parsedWith(text: string, names: [string, EntityTag][]): Doc {
  const placed = docWith(text, names);
  return { ...analyze(text), mentions: placed.mentions };
}

describe('classes beyond the four', () => {
  test.each<[string, string, EntityTag, string]>([
    ['The film "Dust of Vela" opened on Friday.', 'Dust of Vela', 'MISC', 'Movie'],
    ['Her album Northern Tessel sold well.', 'Northern Tessel', 'LOC', 'MusicAlbum'],
    ['Vela Quest, a game by Drennow, sold a million copies.', 'Vela Quest', 'PER', 'VideoGame'],
    ['Critics praised the Tessel Saga books.', 'Tessel Saga', 'MISC', 'Book'],
    ['The Clean Rivers Act passed on Monday.', 'Clean Rivers Act', 'MISC', 'Legislation'],
    ['Both sides signed the Tessel Agreement in May.', 'Tessel Agreement', 'ORG', 'Legislation'],
    ['The Falcon 7 rocket launched on Friday.', 'Falcon 7', 'MISC', 'Product'],
    ['Regulators approved the drug Velamab on Monday.', 'Velamab', 'PER', 'Product'],
    ['The Velmora Labour Party won.', 'Velmora Labour Party', 'ORG', 'PoliticalParty'],
    ['Forty Tessel MPs voted against it.', 'Tessel', 'ORG', 'PoliticalParty'],
    ['Drennow striker Tomas Brel scored twice.', 'Drennow', 'ORG', 'SportsTeam'],
    ['He moved to the club Drennow Rovers in June.', 'Drennow Rovers', 'PER', 'SportsTeam'],
    ['She studied at the University of Velmora.', 'University of Velmora', 'ORG', 'EducationalOrganization'],
    ['The Velmora High Court ruled on Monday.', 'Velmora High Court', 'ORG', 'Court'],
    ['They sailed across Lake Tessel at dawn.', 'Lake Tessel', 'PER', 'Landform'],
    ['Flights left Velmora Airport late.', 'Velmora Airport', 'ORG', 'Facility'],
    ['Lord Carloway ruled against them.', 'Lord Carloway', 'LOC', 'Person'],
    ['The flight landed in Tessa, Velmora on Friday.', 'Tessa', 'PER', 'City'],
  ])('%s: %s (%s) is a %s', (text, name, tag, cls) => {
    const places: PlaceLookup = { ...noPlaces, isRegion: (n) => n === 'Velmora', isWord: (w) => ['mayor', 'market', 'queen'].includes(w) };
    const doc = parsedWith(text, [[name, tag]]);
    if (text.includes('Tessa, Velmora')) doc.mentions.push(docWith(text, [['Velmora', 'LOC']]).mentions[0]);
    expect(classOf(doc, places)[name]).toBe(cls);
  });

  test.each<[string, string, EntityTag, string]>([
    // A maker of the products (a game maker is a company), a clause's subject, a noun the work noun modifies: no work or product.
    ['Drennow aircraft were grounded on Monday.', 'Drennow', 'ORG', 'Organization'],
    ['Drennow, a game maker, cut jobs.', 'Drennow', 'ORG', 'Company'],
    ['It was the game Velmora lost in May.', 'Velmora', 'LOC', 'Place'],
    ['The Tessel series ended in a draw.', 'Tessel', 'MISC', 'Other'],
    ['Tomas Bill spoke on Monday.', 'Tomas Bill', 'PER', 'Person'],
    ['The Lord Mayor spoke on Monday.', 'Lord Mayor', 'LOC', 'Place'],
    ['They met near Queen Tessa Market.', 'Queen Tessa Market', 'ORG', 'Organization'],
  ])('%s: %s (%s) stays %s', (text, name, tag, cls) => {
    const places: PlaceLookup = { ...noPlaces, isWord: (w) => ['mayor', 'market', 'queen'].includes(w) };
    expect(classOf(parsedWith(text, [[name, tag]]), places)[name]).toBe(cls);
  });

  test('a body by its members: "X officials", "a member of X", unless X is a known place', () => {
    const doc = parsedWith('Drennow officials said so. She is a member of the Tessel League.', [['Drennow', 'LOC'], ['Tessel League', 'LOC']]);
    expect(classOf(doc)).toEqual({ Drennow: 'Organization', 'Tessel League': 'Organization' });
    const country: PlaceLookup = { ...noPlaces, isCountry: (n) => n === 'Drennow' };
    expect(classOf(parsedWith('Drennow officials said so.', [['Drennow', 'LOC']]), country)).toEqual({ Drennow: 'Country' });
  });

  test('a team named after its place is the team in that mention only', () => {
    const places: PlaceLookup = { ...noPlaces, isCity: (n) => n === 'Velmora' };
    const doc = parsedWith('Velmora striker Tomas Brel scored. Fans in Velmora cheered.', [['Velmora', 'LOC'], ['Tomas Brel', 'PER']]);
    doc.mentions.push({ ...doc.mentions[0], start: doc.text.lastIndexOf('Velmora'), end: doc.text.lastIndexOf('Velmora') + 7, tokenStart: doc.tokens.findIndex((t) => t.start === doc.text.lastIndexOf('Velmora')), tokenEnd: doc.tokens.findIndex((t) => t.start === doc.text.lastIndexOf('Velmora')) + 1, sentenceIndex: 1 });
    const classes = typeMentions(doc, places).filter((m) => m.text === 'Velmora').map((m) => m.class);
    expect(classes).toEqual(['SportsTeam', 'City']);
  });
});

describe('names cut short or run on', () => {
  const textsOf = (doc: Doc) => typeMentions(doc, noPlaces).map((m) => m.text);
  test.each<[string, [string, EntityTag][], string[]]>([
    ['Troops of the Velmoran Revolutionary Guard Corps fired.', [['Velmoran Revolutionary Guard', 'ORG']], ['Velmoran Revolutionary Guard Corps']],
    ['Lawmakers passed the Clean Rivers Act on Monday.', [['Clean Rivers', 'MISC']], ['Clean Rivers Act']],
    ['Tessel First Minister Ana Sousa spoke.', [['Tessel First', 'ORG'], ['Ana Sousa', 'PER']], ['Tessel', 'Ana Sousa']],
    ['Velmora District Judge Ana Sousa ruled.', [['Velmora', 'LOC'], ['Ana Sousa', 'PER']], ['Velmora', 'Ana Sousa']],
    ['Velmora Senate Minority Leader Ana Sousa spoke.', [['Velmora Senate', 'ORG'], ['Ana Sousa', 'PER']], ['Velmora Senate', 'Ana Sousa']],
    ['Staff of the Velmora Center for Civic Studies left.', [['Velmora', 'LOC']], ['Velmora']],
  ])('%s', (text, names, expected) => {
    expect(textsOf(parsedWith(text, names))).toEqual(expected);
  });
});
