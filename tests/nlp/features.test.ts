import { describe, expect, test } from 'vitest';
import {
  EXTENDED_POS_SIGNATURE,
  FEATURE_SIGNATURE,
  FEATURE_VERSION,
  FeatureBuffer,
  NEIGHBOUR_OFFSETS,
  SentenceContext,
  WORD_ATTRIBUTES,
  appendDocFeatures,
  casingOf,
  chunkFeatures,
  chunkTagFeatures,
  chunkWordFeatures,
  isUrlToken,
  nerChunkFeatures,
  nerContextFeatures,
  nerFeatures,
  nerLexicalFeatures,
  nerPosFeatures,
  nerTagFeatures,
  nerWordFeatures,
  posContextFeatures,
  posFeatures,
  posWordFeatures,
  wordAttributes,
  wordVariant,
  type ClustersLike,
  type GazetteerLike,
} from '../../src/nlp/features.js';
import { hashString } from '../../src/nlp/hash.js';

// The casing bits casingOf reports (see the flag constants in features.ts).
const INITCAP = 1;
const ALLCAPS = 2;
const LOWER = 128;
const CAPSLINE = 512;

const ctxOf = (words: string[], gazetteer?: GazetteerLike, clusters?: ClustersLike) => {
  const ctx = new SentenceContext(gazetteer, clusters);
  ctx.set(words);
  return ctx;
};
const ids = (fill: (out: FeatureBuffer) => void): number[] => {
  const out = new FeatureBuffer();
  fill(out);
  return Array.from(out.ids.subarray(0, out.n));
};

describe('the feature signature', () => {
  test('names the version and every template once', () => {
    expect(FEATURE_SIGNATURE.startsWith(`newskg-features/v${FEATURE_VERSION}:bias,w,l,`)).toBe(true);
    const names = FEATURE_SIGNATURE.split(':')[1].split(',');
    expect(names).toHaveLength(48);
    expect(new Set(names).size).toBe(names.length);
    expect(names.slice(-2)).toEqual(['doc', 'doc.shape']);
  });
});

describe('token casing and flags', () => {
  test.each([
    ['Paris', INITCAP],
    ['paris', LOWER],
    ['NATO', INITCAP | ALLCAPS],
    ['I', INITCAP],
    ['iPhone', 0],
    ['Zürich', INITCAP],
    ['ελλάδα', LOWER],
    ['Ελλάδα', INITCAP],
    ['2015', 0],
    ['—', 0],
  ])('casingOf(%j) in a mixed-case sentence is %i', (word, casing) => {
    const ctx = ctxOf(['the', word, 'said', 'it']);
    expect(casingOf(ctx, 1)).toBe(casing);
  });

  test('a line in capitals flags every token; one lowercase word undoes it', () => {
    const caps = ctxOf(['FLOODS', 'HIT', 'LISBON', '.']);
    expect([0, 1, 2, 3].map((i) => casingOf(caps, i) & CAPSLINE)).toEqual([CAPSLINE, CAPSLINE, CAPSLINE, CAPSLINE]);
    const mixed = ctxOf(['FLOODS', 'hit', 'LISBON']);
    expect([0, 1, 2].map((i) => casingOf(mixed, i) & CAPSLINE)).toEqual([0, 0, 0]);
    // A single capitalised word is not a line in capitals.
    expect(casingOf(ctxOf(['NATO', '.']), 0) & CAPSLINE).toBe(0);
  });

  test.each([
    ['https://t.co/x', true],
    ['http://example.org', true],
    ['www.example.org', true],
    ['example.com/path', true],
    ['http', false],
    ['Paris', false],
    ['example.org', false],
  ])('isUrlToken(%j) is %s', (word, url) => {
    expect(isUrlToken(ctxOf([word]), 0)).toBe(url);
  });

  test('wordVariant: sentence-initial (also after an opening quote) and capitals-line variants', () => {
    const ctx = ctxOf(['“', 'Hello', 'there', 'Paris']);
    expect([0, 1, 2, 3].map((i) => wordVariant(ctx, i))).toEqual([1, 1, 0, 0]);
    const caps = ctxOf(['BIG', 'NEWS', 'TODAY']);
    expect([0, 1, 2].map((i) => wordVariant(caps, i))).toEqual([3, 2, 2]);
  });
});

describe('wordAttributes and SentenceContext', () => {
  test('attributes are per word form, and cached attributes give the same context', () => {
    const words = ['Maria', 'flew', 'to', 'Lisbon', 'on', '3.5', 'jets', '.'];
    expect(Array.from(wordAttributes('Maria', undefined))).toEqual(Array.from(wordAttributes('Maria', undefined)));
    expect(wordAttributes('Maria', undefined)).toHaveLength(WORD_ATTRIBUTES);
    const fresh = ctxOf(words);
    const cached = new SentenceContext();
    cached.set(words, words.map((w) => wordAttributes(w, undefined)));
    for (const key of ['w', 'l', 'shape', 'short', 'flags', 'pre', 'suf', 'clN'] as const) {
      expect(Array.from(cached[key].subarray(0, 32)), key).toEqual(Array.from(fresh[key].subarray(0, 32)));
    }
  });

  test('word and lowercase hashes', () => {
    const ctx = ctxOf(['Paris']);
    expect(ctx.w[0]).toBe(hashString('Paris'));
    expect(ctx.l[0]).toBe(hashString('paris'));
  });

  test('shapes: character classes with runs capped at two (long) or one (short)', () => {
    const ctx = ctxOf(['Paris', 'London', 'Pa', 'paris', 'AB12', 'CD345']);
    const [paris, london, pa, lower, ab12, cd345] = [0, 1, 2, 3, 4, 5];
    expect(ctx.shape[paris]).toBe(ctx.shape[london]);
    expect(ctx.shape[paris]).not.toBe(ctx.shape[pa]);
    expect(ctx.short[paris]).toBe(ctx.short[pa]);
    expect(ctx.short[paris]).not.toBe(ctx.short[lower]);
    expect(ctx.shape[ab12]).toBe(ctx.shape[cd345]);
  });

  test('affixes of the lowercase form; missing ones are 0', () => {
    const ctx = ctxOf(['Ab', 'abxy']);
    expect(Array.from(ctx.pre.subarray(0, 4))).toEqual([hashString('a'), hashString('ab'), 0, 0]);
    expect(Array.from(ctx.suf.subarray(0, 4))).toEqual([hashString('b'), hashString('ba'), 0, 0]);
    // Prefixes of "abxy" begin like those of "ab"; suffixes are hashed from the end.
    expect(Array.from(ctx.pre.subarray(4, 6))).toEqual([hashString('a'), hashString('ab')]);
    expect(ctx.suf[4 + 3]).toBe(hashString('yxba'));
  });

  test('long sentences grow the buffers', () => {
    const words = Array.from({ length: 300 }, (_, i) => `w${i}`);
    const ctx = ctxOf(words);
    expect(ctx.n).toBe(300);
    expect(ctx.w.length).toBeGreaterThanOrEqual(300);
    expect(ctx.l[299]).toBe(hashString('w299'));
  });

  test('cluster ids come from the clusters resource', () => {
    const clusters: ClustersLike = {
      prefixIds: (word, lower, out, offset) => {
        if (lower !== 'paris') return 0;
        out[offset] = 11;
        out[offset + 1] = 22;
        return 2;
      },
    };
    const ctx = ctxOf(['Paris', 'is'], undefined, clusters);
    expect(Array.from(ctx.clN.subarray(0, 2))).toEqual([2, 0]);
    expect(Array.from(ctx.cl.subarray(0, 2))).toEqual([11, 22]);
  });

  test('gazetteer bits per token; a Title Case line of dictionary words is flagged like capitals', () => {
    const dictionary = new Set(['the', 'end', 'of', 'season', 'should'].map(hashString));
    const places = new Set(['paris'].map(hashString));
    // Category 0: places (bit 1); category 1: ordinary words (bit 4).
    const gazetteer: GazetteerLike = {
      wordCategory: 1,
      matchHashes: (hashes, n) => Uint32Array.from({ length: n }, (_, i) => (places.has(hashes[i]) ? 1 : 0) | (dictionary.has(hashes[i]) ? 4 : 0)),
    };
    const title = ctxOf(['Paris', 'Attacks', 'Should', 'End', 'Season', 'Of', 'Frivolity'], gazetteer);
    expect(Array.from(title.gaz.subarray(0, 7))).toEqual([1, 0, 4, 4, 4, 4, 0]);
    expect(casingOf(title, 0) & CAPSLINE).toBe(CAPSLINE);
    const sentence = ctxOf(['Paris', 'attacks', 'should', 'end', 'the', 'season', 'of', 'frivolity'], gazetteer);
    expect(casingOf(sentence, 0)).toBe(INITCAP);
    // Fewer than three dictionary words: no flag.
    expect(casingOf(ctxOf(['Paris', 'Should', 'End'], gazetteer), 0) & CAPSLINE).toBe(0);
  });
});

describe('FeatureBuffer', () => {
  test('grows past its initial size and clears', () => {
    const buf = new FeatureBuffer();
    for (let i = 1; i <= 1000; i++) buf.push(i);
    expect(buf.n).toBe(1000);
    expect(buf.ids[999]).toBe(1000);
    expect(buf.cleared()).toBe(buf);
    expect(buf.n).toBe(0);
    buf.push(5);
    buf.reset();
    expect(buf.n).toBe(0);
  });
});

describe('feature templates', () => {
  const ctx = ctxOf(['Maria', 'flew', 'to', 'Lisbon', '.']);
  const pos = Int32Array.of(1, 2, 3, 1, 0);
  const chunk = Int32Array.of(1, 2, 3, 1, 0);

  test('the split POS, chunk and NER features add up to the whole', () => {
    expect(ids((o) => posFeatures(ctx, 3, 2, 1, o))).toEqual([...ids((o) => posWordFeatures(ctx, 3, o)), ...ids((o) => posContextFeatures(ctx, 3, 2, 1, o))]);
    expect(ids((o) => chunkFeatures(ctx, 3, pos, 2, o))).toEqual([...ids((o) => chunkTagFeatures(3, 1, 0, 2, o)), ...ids((o) => chunkWordFeatures(ctx, 3, pos, o))]);
    expect(ids((o) => nerFeatures(ctx, 3, pos, chunk, o))).toEqual([...ids((o) => nerWordFeatures(ctx, 3, o)), ...ids((o) => nerContextFeatures(ctx, 3, pos, chunk, o))]);
    expect(ids((o) => nerContextFeatures(ctx, 3, pos, chunk, o))).toEqual([...ids((o) => nerTagFeatures(3, 1, 0, 3, 1, 0, o)), ...ids((o) => nerLexicalFeatures(ctx, 3, o))]);
    expect(ids((o) => nerTagFeatures(3, 1, 0, 3, 1, 0, o))).toEqual([...ids((o) => nerPosFeatures(3, 1, 0, o)), ...ids((o) => nerChunkFeatures(3, 1, 0, o))]);
  });

  test('the *WordFeatures reset the buffer; the others append', () => {
    const out = new FeatureBuffer();
    out.push(42);
    posWordFeatures(ctx, 0, out);
    expect(out.ids[0]).not.toBe(42);
    const n = out.n;
    posContextFeatures(ctx, 0, -1, -2, out);
    expect(out.n).toBeGreaterThan(n);
    nerWordFeatures(ctx, 0, out);
    expect(out.n).toBeLessThan(n + 20);
  });

  test('word-only features depend on the word and its variant, not on the sentence', () => {
    const other = ctxOf(['Yesterday', 'Lisbon', 'voted']);
    expect(ids((o) => posWordFeatures(other, 1, o))).toEqual(ids((o) => posWordFeatures(ctx, 3, o)));
    expect(ids((o) => nerWordFeatures(other, 1, o))).toEqual(ids((o) => nerWordFeatures(ctx, 3, o)));
    // Sentence-initially the flags differ.
    const first = ctxOf(['Lisbon', 'voted']);
    expect(ids((o) => nerWordFeatures(first, 0, o))).not.toEqual(ids((o) => nerWordFeatures(ctx, 3, o)));
  });

  test('context features see the neighbours and the previous tags', () => {
    const other = ctxOf(['Maria', 'flew', 'to', 'Lisbon', 'today']);
    expect(ids((o) => posContextFeatures(other, 3, 2, 1, o))).not.toEqual(ids((o) => posContextFeatures(ctx, 3, 2, 1, o)));
    expect(ids((o) => posContextFeatures(ctx, 3, 2, 1, o))).not.toEqual(ids((o) => posContextFeatures(ctx, 3, 1, 1, o)));
    expect(ids((o) => chunkTagFeatures(3, 1, 0, 2, o))).not.toEqual(ids((o) => chunkTagFeatures(3, 1, 0, 1, o)));
    // At the sentence edges the neighbour features use boundary markers (one feature each, no suffix).
    const single = ctxOf(['Hi']);
    expect(ids((o) => posContextFeatures(single, 0, -1, -1, o))).toHaveLength(NEIGHBOUR_OFFSETS.length + 3);
    expect(ids((o) => posContextFeatures(ctx, 2, 1, 2, o))).toHaveLength(NEIGHBOUR_OFFSETS.length + 2 + 3);
  });

  test('the parser POS model\'s extended context features come after the tagger\'s, which stay as they were', () => {
    const plain = ids((o) => posContextFeatures(ctx, 2, 1, 2, o));
    const extended = ids((o) => posContextFeatures(ctx, 2, 1, 2, o, true));
    expect(extended.slice(0, plain.length)).toEqual(plain);
    // Per neighbour its shape (no clusters here), then two bigrams and three tag features.
    expect(extended.length - plain.length).toBe(NEIGHBOUR_OFFSETS.length + 5);
    expect(EXTENDED_POS_SIGNATURE).toBe('pos+cl@,shape@,l-1.l,l.l+1,t-1.s3,t-1.l+1,t-2.t-1.l');
    // The next word's shape tells apart contexts the tagger's lowercase features do not.
    const shouting = ctxOf(['Maria', 'flew', 'to', 'LISBON', '.']);
    expect(ids((o) => posContextFeatures(shouting, 2, 1, 2, o))).toEqual(plain);
    expect(ids((o) => posContextFeatures(shouting, 2, 1, 2, o, true))).not.toEqual(extended);
  });

  test('document features: none without evidence, two with, conjoined with the casing', () => {
    expect(ids((o) => appendDocFeatures(0, INITCAP, o))).toEqual([]);
    const a = ids((o) => appendDocFeatures(9, INITCAP, o));
    expect(a).toHaveLength(2);
    const b = ids((o) => appendDocFeatures(9, LOWER, o));
    expect(b[0]).toBe(a[0]);
    expect(b[1]).not.toBe(a[1]);
  });

  test('gazetteer matches give one feature per bit, for the token and each neighbour', () => {
    const gazetteer: GazetteerLike = {
      wordCategory: 3,
      matchHashes: (hashes, n) => Uint32Array.from({ length: n }, (_, i) => (hashes[i] === hashString('lisbon') ? 0b101 : 0)),
    };
    const plain = ids((o) => nerLexicalFeatures(ctxOf(['to', 'Lisbon', '.']), 1, o));
    const withGaz = ids((o) => nerLexicalFeatures(ctxOf(['to', 'Lisbon', '.'], gazetteer), 1, o));
    expect(withGaz.length - plain.length).toBe(2);
    const before = ids((o) => nerLexicalFeatures(ctxOf(['to', 'Lisbon', '.'], gazetteer), 0, o));
    const beforePlain = ids((o) => nerLexicalFeatures(ctxOf(['to', 'Lisbon', '.']), 0, o));
    expect(before.length - beforePlain.length).toBe(2);
  });
});
