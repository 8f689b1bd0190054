import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { ModelError } from '../../src/errors.js';
import { analyze, loadModel, loadParser } from '../../src/nlp/pipeline.js';

const seed = readFileSync(new URL('../../seeds/000_93913eae600d5a9a.txt', import.meta.url), 'utf8');

describe('analyze', () => {
  test('empty and whitespace-only text give an empty result', () => {
    for (const text of ['', '   \n\n\t ']) {
      const doc = analyze(text);
      expect(doc.tokens).toEqual([]);
      expect(doc.sentences).toEqual([]);
      expect(doc.mentions).toEqual([]);
    }
  });

  test('tags are aligned with tokens and mentions with the text', () => {
    const doc = analyze(seed);
    expect(doc.pos).toHaveLength(doc.tokens.length);
    expect(doc.chunks).toHaveLength(doc.tokens.length);
    expect(doc.ner).toHaveLength(doc.tokens.length);
    for (const m of doc.mentions) {
      expect(m.text).toBe(seed.slice(m.start, m.end));
      expect(doc.tokens[m.tokenStart].start).toBe(m.start);
      expect(doc.tokens[m.tokenEnd - 1].end).toBe(m.end);
      expect(m.score).toBeGreaterThan(0);
      expect(m.score).toBeLessThanOrEqual(1);
      const s = doc.sentences[m.sentenceIndex];
      expect(m.tokenStart).toBeGreaterThanOrEqual(s.tokenStart);
      expect(m.tokenEnd).toBeLessThanOrEqual(s.tokenEnd);
    }
    expect(doc.pos.every((t) => /^[A-Z$,.:()'`#-]+$/.test(t))).toBe(true);
  });

  test('the model is loaded once per process', () => {
    expect(loadModel()).toBe(loadModel());
  });

  test('a missing or foreign model file is a clear error', () => {
    expect(() => analyze('Hello.', { modelPath: '/nonexistent/model' })).toThrow(ModelError);
    expect(() => analyze('Hello.', { modelPath: new URL('../../package.json', import.meta.url).pathname })).toThrow(/not a newskg model/);
  });

  test('random Unicode never throws and keeps every invariant', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (text) => {
        const doc = analyze(text);
        expect(doc.ner).toHaveLength(doc.tokens.length);
        for (const m of doc.mentions) expect(m.text).toBe(text.slice(m.start, m.end));
      }),
      { numRuns: 200 },
    );
  });

  test('binary-looking and odd input never crashes', () => {
    const odd = '\u0000\u0001\uFFFD\uD800 abc \u200B\u202E Ελλάδα 🔥🔥 — ' + 'x'.repeat(5000);
    const doc = analyze(odd);
    expect(doc.tokens.length).toBeGreaterThan(0);
  });
});

describe('the seed article', () => {
  const doc = analyze(seed);
  const found = new Set(doc.mentions.map((m) => `${m.tag}:${m.text}`));
  const texts = new Set(doc.mentions.map((m) => m.text));

  test.each([
    'LOC:Iraq',
    'LOC:France',
    'LOC:Paris',
    'LOC:United States',
    'LOC:Iran',
    'LOC:Russian Federation',
    'LOC:Raqqa',
    'LOC:Syria',
    'LOC:Yemen',
    'LOC:U.S.',
    'ORG:Times of Israel',
    'ORG:Associated Press',
    'ORG:Washington Post',
    'PER:Bernard Bajolet',
    'PER:Abdeslam Salah',
    'PER:Christopher Furlong',
    'PER:Hagrid',
  ])('finds %s', (expected) => {
    expect(found).toContain(expected);
  });

  test('possessives are split off: Iraq’s and France’s give Iraq and France', () => {
    expect(texts).not.toContain('France’s');
    expect(texts).not.toContain('Iraq’s');
    const possessive = seed.indexOf('France’s spy agency');
    expect(doc.mentions.some((m) => m.start === possessive && m.text === 'France' && m.tag === 'LOC')).toBe(true);
  });

  test('a Title Case headline is not read as a string of names', () => {
    const line = doc.sentences[1];
    expect(seed.slice(line.start, line.end)).toMatch(/^Paris Attacks Should End Season Of Frivolity/);
    const inLine = doc.mentions.filter((m) => m.sentenceIndex === 1).map((m) => `${m.tag}:${m.text}`);
    expect(inLine).toEqual(['LOC:Paris']);
  });

  test('no date, number, pronoun or handle is tagged as a name', () => {
    for (const m of doc.mentions) {
      expect(m.text).not.toMatch(/^(January|November|2015|\d+|It|They|We)$|^[@#]|^https?:|twitter\.com/);
    }
  });
});

describe('analyze: lemmas and dependency trees', () => {
  /** Whether each sentence's heads (token indices into the Doc, -1 for its root) form one tree inside it. */
  const wellFormed = (doc: ReturnType<typeof analyze>) =>
    doc.sentences.every((s) => {
      let roots = 0;
      for (let t = s.tokenStart; t < s.tokenEnd; t++) {
        const h = doc.heads[t];
        if (h === -1) roots++;
        else if (h < s.tokenStart || h >= s.tokenEnd || h === t) return false;
        // Walking up reaches the root within the sentence's length: no cycle.
        let k = t;
        for (let steps = 0; doc.heads[k] !== -1; steps++) {
          if (steps > s.tokenEnd - s.tokenStart) return false;
          k = doc.heads[k];
        }
        if ((h === -1) !== (doc.deprels[t] === 'root')) return false;
      }
      return roots === 1;
    });

  test('every token has a lemma, a head and a relation; each sentence is one tree', () => {
    const doc = analyze('Iraq warned France of planned attacks. The ministers were warned.\nPOLICE ARREST MAN\n1 2 3 4 5');
    expect(doc.lemmas).toHaveLength(doc.tokens.length);
    expect(doc.heads).toHaveLength(doc.tokens.length);
    expect(doc.deprels).toHaveLength(doc.tokens.length);
    expect(wellFormed(doc)).toBe(true);
    expect(doc.lemmas.slice(0, 2)).toEqual(['Iraq', 'warn']);
    expect(doc.lemmas[doc.tokens.findIndex((t) => t.text === 'were')]).toBe('be');
  });

  test('the Doc carries the tags the parser read', () => {
    const doc = analyze('Red Hand attacks on Friday killed three. Police arrested Tomas Brel.');
    const words = doc.sentences.map((s) => doc.tokens.slice(s.tokenStart, s.tokenEnd).map((t) => t.text));
    expect(loadParser().tagPos(words).flat()).toEqual(doc.pos);
  });

  test('random text always gets one tree per sentence and a lemma per token (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 300 }), (text) => {
        const doc = analyze(text);
        return wellFormed(doc) && doc.lemmas.length === doc.tokens.length && doc.lemmas.every((l) => typeof l === 'string');
      }),
      { numRuns: 150 },
    );
  });

  test('random sequences of words always get one tree (property)', () => {
    const word = fc.constantFrom('the', 'Ada', 'warned', ',', 'and', 'of', '2019', '.', 'POLICE', '@x', '#y', 'n\'t', '(', ')', 'said', 'attacks');
    fc.assert(
      fc.property(fc.array(word, { minLength: 1, maxLength: 120 }), (words) => wellFormed(analyze(words.join(' ')))),
      { numRuns: 150 },
    );
  });
});
