/**
 * ArticleView (extract/sentence-view.ts) on hand-built Docs: tokens, part-of-speech tags and
 * typed mentions all placed by hand, so no model is involved.
 */
import { describe, expect, test } from 'vitest';
import { ArticleView } from '../../src/extract/sentence-view.js';
import type { Doc, EntityClass, EntityTag, TypedMention } from '../../src/types.js';

/**
 * A one-sentence Doc from "word/POS" pairs separated by spaces, and mentions given as
 * [first token, end token (exclusive), class, tag?].
 */
function view(tagged: string, spans: [number, number, EntityClass, EntityTag?][]): ArticleView {
  const pairs = tagged.split(' ').map((p) => {
    const i = p.lastIndexOf('/');
    return [p.slice(0, i), p.slice(i + 1)];
  });
  const tokens: Doc['tokens'] = [];
  let text = '';
  for (const [w] of pairs) {
    if (text) text += ' ';
    tokens.push({ text: w, start: text.length, end: text.length + w.length });
    text += w;
  }
  const doc: Doc = {
    text,
    tokens,
    sentences: [{ start: 0, end: text.length, tokenStart: 0, tokenEnd: tokens.length }],
    pos: pairs.map(([, p]) => p),
    chunks: tokens.map(() => 'O'),
    ner: tokens.map(() => 'O'),
    lemmas: tokens.map((t) => t.text.toLowerCase()),
    heads: tokens.map(() => -1),
    deprels: tokens.map(() => 'dep'),
    mentions: [],
  };
  const mentions = spans.map(([a, b, cls, tag]): TypedMention => ({
    text: text.slice(tokens[a].start, tokens[b - 1].end),
    start: tokens[a].start,
    end: tokens[b - 1].end,
    tokenStart: a,
    tokenEnd: b,
    sentenceIndex: 0,
    score: 1,
    class: cls,
    typingRules: ['test'],
    ...(tag ? { tag } : {}),
  }));
  return new ArticleView(doc, mentions);
}

//                     0           1         2           3              4           5        6            7
const SENTENCE = 'Senior/JJ Velmora/NNP intelligence/NN officials/NNS have/VBP reportedly/RB warned/VBN the/DT ' +
  //  8          9            10    11         12            13      14        15     16  17        18  19
  'Daily/NNP Lantern/NNP and/CC satirical/JJ newspaper/NN Red/NNP Gazette/NNP about/IN the/DT Darnoc/NNP Red/NNP Guard/NNP ./.';
// 0: Velmora (Country), 1: Daily Lantern, 2: Red Gazette, 3: Darnoc Red Guard, 4: Darnoc (inside 3)
const s = view(SENTENCE, [
  [1, 2, 'Country'],
  [8, 10, 'NewsMediaOrganization'],
  [13, 15, 'NewsMediaOrganization'],
  [17, 20, 'ArmedGroup'],
  [17, 18, 'City'],
]);

describe('at, word, pos', () => {
  test('each token is covered by its longest mention, or -1', () => {
    expect([...s.at]).toEqual([-1, 0, -1, -1, -1, -1, -1, -1, 1, 1, -1, -1, -1, 2, 2, -1, -1, 3, 3, 3, -1]);
  });

  test('words are lowercased; out of range is empty', () => {
    expect([s.word(0), s.word(8), s.word(-1), s.word(99)]).toEqual(['senior', 'daily', '', '']);
    expect([s.pos(6), s.pos(99)]).toEqual(['VBN', '']);
  });

  test('an "Other" mention covers no token, unless it is a capitalised demonym tagged MISC', () => {
    const v = view('Polish/JJ and/CC Nord-backed/JJ rebels/NNS', [
      [0, 1, 'Other', 'MISC'],
      [2, 3, 'Other', 'MISC'],
    ]);
    expect([...v.at]).toEqual([0, -1, -1, -1]);
    const untagged = view('Polish/JJ rebels/NNS', [[0, 1, 'Other']]);
    expect([...untagged.at]).toEqual([-1, -1]);
  });
});

describe('startingAt, endingBefore', () => {
  test.each([
    [1, 0],
    [8, 1],
    [9, -1], // inside a mention
    [17, 3], // the longer mention, not the city inside it
    [18, -1],
    [0, -1],
  ])('startingAt(%i) → %i', (t, m) => {
    expect(s.startingAt(t)).toBe(m);
  });

  test.each([
    [2, 0],
    [10, 1],
    [9, -1],
    [20, 3],
    [18, -1], // the city ends here, but the token is covered by the longer mention
    [0, -1],
  ])('endingBefore(%i) → %i', (t, m) => {
    expect(s.endingBefore(t)).toBe(m);
  });
});

describe('subjectBefore', () => {
  test('past adverbs and auxiliaries, through an agent noun and one noun in between ("Senior Velmora intelligence officials have reportedly warned")', () => {
    expect(s.subjectBefore(6, 0)).toBe(0);
  });

  test.each<[string, [number, number, EntityClass][], number, number]>([
    // "Velmora warned"
    ['Velmora/NNP warned/VBD', [[0, 1, 'Country']], 1, 0],
    // "Velmora police warned": the agent noun acts for the mention before it
    ['Velmora/NNP police/NNS warned/VBD', [[0, 1, 'Country']], 2, 0],
    // "Velmora has not warned"
    ['Velmora/NNP has/VBZ not/RB warned/VBN', [[0, 1, 'Country']], 3, 0],
    // a noun that is no agent noun stops the walk
    ['Velmora/NNP rain/NN warned/VBD', [[0, 1, 'Country']], 2, -1],
    // nothing before the verb
    ['Warned/VBD Velmora/NNP', [[1, 2, 'Country']], 0, -1],
  ])('%s: subjectBefore(%#)', (tagged, spans, verb, subject) => {
    expect(view(tagged, spans).subjectBefore(verb, 0)).toBe(subject);
  });

  test('does not look before the sentence start it is given', () => {
    const v = view('Velmora/NNP ./. warned/VBD', [[0, 1, 'Country']]);
    expect(v.subjectBefore(2, 0)).toBe(-1); // "." is no auxiliary
    const w = view('Velmora/NNP has/VBZ warned/VBD', [[0, 1, 'Country']]);
    expect(w.subjectBefore(2, 1)).toBe(-1);
  });
});

describe('objectAt', () => {
  test.each([
    [7, 0, 1], // "the Daily Lantern": past the determiner
    [11, 0, -1], // "satirical newspaper Red Gazette" needs two words skipped
    [11, 1, -1],
    [11, 2, 2],
    [16, 0, 3], // "the Darnoc Red Guard": the longest mention
    [10, 3, -1], // "and" is no adjective or noun
  ])('objectAt(%i, skip %i) → %i', (t, skip, m) => {
    expect(s.objectAt(t, 21, skip)).toBe(m);
  });

  test('a capitalised word that is no mention stops the search', () => {
    const v = view('the/DT Big/JJ Velmora/NNP', [[2, 3, 'City']]);
    expect(v.objectAt(0, 3, 2)).toBe(-1);
    const w = view('the/DT big/JJ Velmora/NNP', [[2, 3, 'City']]);
    expect(w.objectAt(0, 3, 2)).toBe(0);
  });

  test('stops at the sentence end it is given', () => {
    expect(s.objectAt(7, 8, 0)).toBe(-1);
  });
});

describe('ofObject', () => {
  test.each<[string, [number, number, EntityClass, EntityTag?][], number]>([
    // "mayor of the Polish city of Darnoc": past a determiner, a demonym and "city of"
    ['of/IN the/DT Polish/JJ city/NN of/IN Darnoc/NNP', [[2, 3, 'Other', 'MISC'], [5, 6, 'City']], 1],
    // "commander of Velmora's Red Guard": the possessive points on to what is owned
    ["of/IN Velmora/NNP 's/POS Red/NNP Guard/NNP", [[1, 2, 'Country'], [3, 5, 'ArmedGroup']], 1],
    // "head of the Daily Lantern"
    ['of/IN the/DT Daily/NNP Lantern/NNP', [[2, 4, 'NewsMediaOrganization']], 0],
    // "of the old Daily Lantern": adjectives too
    ['of/IN the/DT old/JJ Daily/NNP Lantern/NNP', [[3, 5, 'NewsMediaOrganization']], 0],
    // a noun that is not "city of" stops it
    ['of/IN the/DT workers/NNS of/IN Darnoc/NNP', [[4, 5, 'City']], -1],
  ])('%s', (tagged, spans, m) => {
    expect(view(tagged, spans).ofObject(1, 99)).toBe(m);
  });
});

describe('isBoundary', () => {
  test.each([
    [';/:', true],
    [':/:', true],
    ['—/:', true],
    ['–/:', true],
    ['"/``', true],
    ['“/``', true],
    ['”/\'\'', true],
    ['(/-LRB-', true],
    [')/-RRB-', true],
    ['that/WDT', true],
    ['which/WDT', true],
    ['who/WP', true],
    ['that/DT', false],
    ['that/IN', false],
    [',/,', false],
    ['and/CC', false],
  ])('%s → %s', (tagged, boundary) => {
    expect(view(`Velmora/NNP ${tagged} rain/NN`, []).isBoundary(1)).toBe(boundary);
  });
});
