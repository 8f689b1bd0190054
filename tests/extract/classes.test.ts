import { describe, expect, test } from 'vitest';
import { appositionClass, legislationClass, placeKind, productClass, teamOrPartyContext, workClass } from '../../src/extract/classes.js';
import { analyze } from '../../src/nlp/index.js';
import type { Doc, EntityTag, Mention } from '../../src/types.js';

/** The parse of `text` and the mention of `name` in it, placed by hand with the given tag. */
function parsed(text: string, name: string, tag: EntityTag): [Doc, Mention] {
  const doc = analyze(text);
  const start = text.indexOf(name);
  const end = start + name.length;
  const tokenStart = doc.tokens.findIndex((t) => t.start === start);
  const tokenEnd = doc.tokens.findIndex((t) => t.end === end) + 1;
  const sentenceIndex = doc.sentences.findIndex((s) => s.tokenStart <= tokenStart && tokenStart < s.tokenEnd);
  return [doc, { tag, text: name, start, end, tokenStart, tokenEnd, sentenceIndex, score: 0.9 }];
}

describe('creative works', () => {
  test.each<[string, string, EntityTag, string | undefined]>([
    ['The film Velmora Rising opened on Friday.', 'Velmora Rising', 'MISC', 'Movie'],
    ['He wrote the novel "Tessel Nights" in 1990.', 'Tessel Nights', 'PER', 'Book'],
    ['Fans queued for the game Star Reaver on Friday.', 'Star Reaver', 'ORG', 'VideoGame'],
    ['Tessel Nights, a 2004 American film, won.', 'Tessel Nights', 'LOC', 'Movie'],
    ['She starred in the talk show Ana Sousa\'s Friends.', 'Ana Sousa', 'PER', undefined],
    ['It was the game Velmora lost in May.', 'Velmora', 'LOC', undefined],
    ['Academy Award-winning film Dust won.', 'Academy Award-winning', 'MISC', undefined],
  ])('%s: %s (%s) → %s', (text, name, tag, cls) => {
    const [doc, m] = parsed(text, name, tag);
    expect(workClass(doc, m)?.[0]).toBe(cls);
  });
});

describe('products', () => {
  test.each<[string, string, EntityTag, string | undefined]>([
    ['The Falcon 7 rocket launched on Friday.', 'Falcon 7', 'ORG', 'Product'],
    ['They boarded the Crew Lark spacecraft.', 'Crew Lark', 'MISC', 'Product'],
    ['Regulators approved the vaccine Velamab.', 'Velamab', 'PER', 'Product'],
    ['Drennow phones sold well.', 'Drennow', 'ORG', undefined],
    ['Four Ebola drugs were tested.', 'Ebola', 'MISC', undefined],
    ['The crash of Fields\' car killed one.', 'Fields', 'PER', undefined],
  ])('%s: %s (%s) → %s', (text, name, tag, cls) => {
    const [doc, m] = parsed(text, name, tag);
    expect(productClass(doc, m)?.[0]).toBe(cls);
  });
});

describe('laws, places, teams and parties', () => {
  test.each<[string, string, EntityTag, string | undefined]>([
    ['The Clean Rivers Act passed.', 'Clean Rivers Act', 'MISC', 'Legislation'],
    ['They signed the Tessel Treaty.', 'Tessel Treaty', 'ORG', 'Legislation'],
    ['Tomas Bill spoke.', 'Tomas Bill', 'PER', undefined],
    ['The Act passed.', 'Act', 'MISC', undefined],
  ])('%s: %s (%s) → %s', (text, name, tag, cls) => {
    const [doc, m] = parsed(text, name, tag);
    expect(legislationClass(doc, m, m.tokenEnd - 1)?.[0]).toBe(cls);
  });

  test.each<[string, string, string | undefined]>([
    ['Sea', 'Java', 'Landform'],
    ['Victoria', 'Lake', 'Landform'],
    ['Airport', 'Heathrow', 'Facility'],
    ['Street', 'Baker', undefined],
  ])('a place with head %s and first word %s is a %s', (head, first, cls) => {
    expect(placeKind(head, first)).toBe(cls);
  });

  test.each<[string, string, EntityTag, string | undefined]>([
    ['Drennow striker Tomas Brel scored.', 'Drennow', 'ORG', 'SportsTeam'],
    ['Ten Drennow fans were hurt.', 'Drennow', 'ORG', 'SportsTeam'],
    ['He joined the club Drennow Rovers.', 'Drennow Rovers', 'ORG', 'SportsTeam'],
    ['Forty Tessel MPs voted.', 'Tessel', 'ORG', 'PoliticalParty'],
    ['Ana Sousa fans cheered.', 'Ana Sousa', 'PER', undefined],
    ['Drennow managers met.', 'Drennow', 'ORG', undefined],
  ])('%s: %s (%s) → %s', (text, name, tag, cls) => {
    const [doc, m] = parsed(text, name, tag);
    expect(teamOrPartyContext(doc, m)?.[0]).toBe(cls);
  });
});

describe('appositions', () => {
  test.each<[string, string, EntityTag, string | undefined]>([
    ['Drennow, the Velmoran space agency, said so.', 'Drennow', 'PER', 'Organization'],
    ['Tessa, a port city in Velmora, flooded.', 'Tessa', 'PER', 'City'],
    ['They sued Drennow, a cybersecurity firm, on Monday.', 'Drennow', 'ORG', 'Company'],
    ['Tomas Brel, the club\'s captain, scored.', 'Tomas Brel', 'PER', undefined],
    ['Tomas Brel, a company spokesman, said so.', 'Tomas Brel', 'PER', undefined],
  ])('%s: %s (%s) → %s', (text, name, tag, cls) => {
    const [doc, m] = parsed(text, name, tag);
    expect(appositionClass(doc, m)?.[0]).toBe(cls);
  });
});
