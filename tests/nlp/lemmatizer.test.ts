import { describe, expect, test } from 'vitest';
import { ModelError } from '../../src/errors.js';
import { parseConllu } from '../../src/nlp/conllu.js';
import { evaluateLemmas, Lemmatizer, trainLemmatizer } from '../../src/nlp/lemmatizer.js';

/** Made-up words only: [form, lemma, xpos] per word, one array per sentence. */
type Word = [string, string, string];

function conllu(sentences: Word[][]): string {
  return sentences
    .map(
      (words, s) =>
        `# sent_id = s${s + 1}\n` +
        words.map(([form, lemma, xpos], i) => [i + 1, form, lemma, 'X', xpos, '_', i, i === 0 ? 'root' : 'dep', '_', '_'].join('\t')).join('\n') +
        '\n',
    )
    .join('\n');
}

const SENTENCES: Word[][] = [
  [['The', 'the', 'DT'], ['zorbs', 'zorb', 'NNS'], ['snorked', 'snork', 'VBD'], ['the', 'the', 'DT'], ['quimbs', 'quimb', 'NNS'], ['.', '.', '.']],
  [['Quenton', 'Quenton', 'NNP'], ['plinked', 'plink', 'VBD'], ['42', '42', 'CD'], ['flanets', 'flanet', 'NNS'], [',', ',', ',']],
  [['Vashkir', 'Vashkir', 'NNP'], ['flarp', 'zing', 'VBD'], ['the', 'the', 'DT'], ['frumpies', 'frumpy', 'NNS'], ['.', '.', '.']],
  [['Marlow', 'Marlow', 'NNP'], ['wuzzed', 'wuzz', 'VBD'], ['glonkies', 'glonky', 'NNS'], ['and', 'and', 'CC'], ['flarp', 'zing', 'VBD']],
  [['snorking', 'snork', 'VBG'], ['plinking', 'plink', 'VBG'], ['grubbits', 'grubbit', 'NNS'], ['snorks', 'snork', 'VBZ'], ['plinks', 'plink', 'VBZ']],
  [['Tarrow', 'Tarrow', 'NNP'], ['drimbled', 'drimble', 'VBD'], ['wuzzing', 'wuzz', 'VBG'], ['17', '17', 'CD'], ['prats', 'prat', 'NNS'], ["n't", 'not', 'RB']],
  [['Flarp', 'zing', 'VBD'], ['gronkies', 'gronky', 'NNS'], ['trimble', 'trimble', 'VB'], ['Dorrin', 'Dorrin', 'NNP'], ['snarp', '_', 'NN']],
];

const sentences = parseConllu(conllu(SENTENCES), 'made-up');
const lemmatizer = trainLemmatizer(sentences);

describe('Lemmatizer', () => {
  test('the exception lexicon gives what training saw, whatever the case of the form', () => {
    expect(lemmatizer.lemma('flarp', 'VBD')).toBe('zing');
    expect(lemmatizer.lemma('Flarp', 'VBD')).toBe('zing');
    expect(lemmatizer.lemma("n't", 'RB')).toBe('not');
    // The lexicon is keyed on the tag too: another tag falls to the suffix model.
    expect(lemmatizer.lemma('flarp', 'VB')).toBe('flarp');
  });

  test('unseen words back off to the longest suffix seen with their tag', () => {
    expect(lemmatizer.lemma('blorfed', 'VBD')).toBe('blorf');
    expect(lemmatizer.lemma('Blorfed', 'VBD')).toBe('blorf');
    expect(lemmatizer.lemma('blorfing', 'VBG')).toBe('blorf');
    expect(lemmatizer.lemma('blorfs', 'VBZ')).toBe('blorf');
    expect(lemmatizer.lemma('zibbets', 'NNS')).toBe('zibbet');
    expect(lemmatizer.lemma('zazzies', 'NNS')).toBe('zazzy');
    // "-bled" was seen once only (drimbled → drimble): not enough support, so "-ed" → strip 2.
    expect(lemmatizer.lemma('frabbled', 'VBD')).toBe('frabbl');
  });

  test('ordinary words are lowercased, proper nouns keep their form', () => {
    expect(lemmatizer.lemma('The', 'DT')).toBe('the');
    expect(lemmatizer.lemma('Quenton', 'NNP')).toBe('Quenton');
    expect(lemmatizer.lemma('Bajolet', 'NNP')).toBe('Bajolet');
    expect(lemmatizer.lemma('FRANCE', 'NNP')).toBe('FRANCE');
  });

  test('numbers, punctuation and unknown tags are left as they are', () => {
    expect(lemmatizer.lemma('1,234', 'CD')).toBe('1,234');
    expect(lemmatizer.lemma('.', '.')).toBe('.');
    expect(lemmatizer.lemma(',', ',')).toBe(',');
    expect(lemmatizer.lemma('Wibbles', 'ZZZ')).toBe('Wibbles');
    expect(lemmatizer.lemma('', 'NN')).toBe('');
  });

  test('built-in irregulars fill what training did not see, for tags it did', () => {
    expect(lemmatizer.lemma('geese', 'NNS')).toBe('goose');
    expect(lemmatizer.lemma('went', 'VBD')).toBe('go');
    expect(trainLemmatizer(sentences, { irregulars: false }).lemma('geese', 'NNS')).toBe('geese');
  });

  test('lemmatize() runs over a sentence; evaluateLemmas() scores exact matches, a gold "_" matching anything', () => {
    expect(lemmatizer.lemmatize(['Quenton', 'blorfed', 'the', 'zibbets'], ['NNP', 'VBD', 'DT', 'NNS'])).toEqual(['Quenton', 'blorf', 'the', 'zibbet']);
    const tokens = SENTENCES.reduce((n, s) => n + s.length, 0);
    expect(evaluateLemmas(lemmatizer, sentences)).toEqual({ accuracy: 1, tokens });
    const wrong = parseConllu(conllu([[['zorbs', 'zorbs', 'NNS'], ['wuzzed', 'wuzz', 'VBD']]]));
    expect(evaluateLemmas(lemmatizer, wrong)).toEqual({ accuracy: 0.5, tokens: 2 });
  });

  test('round-trips through toBytes/fromBytes, and training is deterministic', () => {
    const bytes = lemmatizer.toBytes();
    expect(new TextDecoder().decode(bytes.subarray(0, 4))).toBe('1MEL'); // "LEM1" little-endian
    const copy = Lemmatizer.fromBytes(bytes);
    const probe: [string, string][] = [['flarp', 'VBD'], ['blorfed', 'VBD'], ['zazzies', 'NNS'], ['Bajolet', 'NNP'], ['The', 'DT'], ['geese', 'NNS'], ['42', 'CD']];
    for (const [w, t] of probe) expect(copy.lemma(w, t)).toBe(lemmatizer.lemma(w, t));
    expect(copy.toBytes()).toEqual(bytes);
    expect(trainLemmatizer(parseConllu(conllu(SENTENCES))).toBytes()).toEqual(bytes);
    // At an odd offset inside a bigger buffer, as a section of a model file is.
    const padded = new Uint8Array(bytes.length + 3);
    padded.set(bytes, 3);
    expect(Lemmatizer.fromBytes(padded.subarray(3)).lemma('zibbets', 'NNS')).toBe('zibbet');
  });

  test('a corrupt section is a ModelError naming the lemmas section', () => {
    const bytes = lemmatizer.toBytes();
    const expectCorrupt = (b: Uint8Array, why: RegExp) => {
      let err: unknown;
      try {
        Lemmatizer.fromBytes(b, 'model.bin');
      } catch (e) {
        err = e;
      }
      expect(err).toBeInstanceOf(ModelError);
      expect((err as Error).message).toMatch(/model\.bin: corrupt lemmas section/);
      expect((err as Error).message).toMatch(why);
    };
    const badMagic = bytes.slice();
    badMagic[0] ^= 0xff;
    expectCorrupt(badMagic, /bad magic/);
    expectCorrupt(bytes.subarray(0, 8), /too short/);
    expectCorrupt(bytes.subarray(0, bytes.length - 2), /size mismatch|truncated/);
    const badHeader = bytes.slice();
    badHeader[12] = 0x21; // the JSON's "{"
    expectCorrupt(badHeader, /bad header/);
    const badScript = bytes.slice();
    badScript[badScript.length - 1] = 0xff; // the last entry's script id, beyond the script list
    badScript[badScript.length - 2] = 0xff;
    expectCorrupt(badScript, /out of range/);
  });
});
