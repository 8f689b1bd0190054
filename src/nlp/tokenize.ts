/**
 * Penn-Treebank-like tokenizer with exact offsets: `text.slice(t.start, t.end) === t.text`.
 *
 * Tokens must look like the CoNLL-2003 tokens the taggers were trained on, so clitics are split
 * (France’s → France ’s, don't → do n't) and punctuation stands alone, while abbreviations
 * (U.S., Dr., Jan.), numbers and dates, hyphenated names, URLs, e-mail addresses, @handles and
 * #hashtags stay whole. The scanner works on char codes with a class table; no regex per char.
 */
import type { Token } from '../types.js';

const OTHER = 0;
const LETTER = 1;
const DIGIT = 2;
const SPACE = 3;
const UPPER = 4; // a letter that is upper case

/** Character classes for the Basic Multilingual Plane, computed once. */
const CLASS = (() => {
  const table = new Uint8Array(65536);
  const letter = /\p{L}|\p{M}/u;
  const digit = /\p{N}/u;
  const space = /\s/u;
  for (let c = 0; c < 65536; c++) {
    if (c >= 0xd800 && c <= 0xdfff) continue; // surrogates: handled by code point
    const ch = String.fromCharCode(c);
    if (c < 128) {
      if (c >= 65 && c <= 90) table[c] = UPPER;
      else if (c >= 97 && c <= 122) table[c] = LETTER;
      else if (c >= 48 && c <= 57) table[c] = DIGIT;
      else if (c === 32 || (c >= 9 && c <= 13)) table[c] = SPACE;
      continue;
    }
    if (space.test(ch) || c === 0x200b || c === 0xfeff) table[c] = SPACE;
    else if (letter.test(ch)) table[c] = ch !== ch.toLowerCase() ? UPPER : LETTER;
    else if (digit.test(ch)) table[c] = DIGIT;
  }
  return table;
})();

function isAlnum(k: number): boolean {
  return k === LETTER || k === UPPER || k === DIGIT;
}

/** Class of the code point at i (astral letters and digits count as such). */
function classAt(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c < 0xd800 || c > 0xdbff) return CLASS[c];
  const cp = text.codePointAt(i)!;
  if (cp <= 0xffff) return OTHER;
  const ch = String.fromCodePoint(cp);
  return /\p{L}/u.test(ch) ? LETTER : /\p{N}/u.test(ch) ? DIGIT : OTHER;
}

/** Width in UTF-16 units of the code point at i. */
function widthAt(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
    const d = text.charCodeAt(i + 1);
    if (d >= 0xdc00 && d <= 0xdfff) return 2;
  }
  return 1;
}

const APOSTROPHES = new Set([0x27, 0x2019]); // ' and ’

/**
 * Abbreviations that keep their period. Language data, not names: titles, months, corporate
 * suffixes and common Latin abbreviations.
 */
export const ABBREVIATIONS = new Set(
  (
    'mr mrs ms dr prof st mt ft jr sr rev gen col lt sgt capt cmdr adm gov sen rep pres supt insp ' +
    'jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat sun ' +
    'inc corp ltd co bros plc llc dept univ assn est approx vs etc no nos vol fig ave blvd rd hwy ' +
    'a.m p.m e.g i.e u.s u.k u.n'
  ).split(' '),
);

/** Titles and initials: never end a sentence even before a capitalised word. */
export const TITLE_ABBREVIATIONS = new Set('mr mrs ms dr prof st mt rev gen col lt sgt capt cmdr adm gov sen rep pres supt insp jr sr no'.split(' '));

/** URL-ish starts. */
const URL_START = /(?:https?:\/\/|ftp:\/\/|www\.|pic\.twitter\.com\/)[^\s]*/iy;
const DOMAIN_PATH = /[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.(?:com|org|net|gov|edu|co|io|ly|me|uk|fr|de|info)\/[^\s]*/y;
const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/y;
const TRAILING_PUNCT = /[.,;:!?)\]}"'”’»]+$/;

function matchSticky(re: RegExp, text: string, i: number): number {
  re.lastIndex = i;
  return re.test(text) ? re.lastIndex : -1;
}

/**
 * End of a word/number run starting at i: letters and digits, joined by a hyphen, period,
 * apostrophe or ampersand between alphanumerics, and by , : / between digits.
 */
function runEnd(text: string, i: number): number {
  const n = text.length;
  let j = i;
  while (j < n) {
    const k = classAt(text, j);
    if (isAlnum(k)) {
      j += widthAt(text, j);
      continue;
    }
    const c = text.charCodeAt(j);
    if (j + 1 < n && j > i) {
      const prev = classAt(text, j - 1);
      const next = classAt(text, j + 1);
      if (isAlnum(prev) && isAlnum(next)) {
        if (c === 45 /* - */ || c === 46 /* . */ || APOSTROPHES.has(c) || c === 0x2010 || c === 0x2011) {
          j++;
          continue;
        }
        if (c === 38 /* & */ && prev === UPPER && next === UPPER) {
          j++;
          continue;
        }
      }
      if (prev === DIGIT && next === DIGIT && (c === 44 /* , */ || c === 58 /* : */ || c === 47 /* / */)) {
        j++;
        continue;
      }
    }
    break;
  }
  return j;
}

/** Lowercase ASCII letters of a slice, for abbreviation lookup. */
function lowerSlice(text: string, start: number, end: number): string {
  return text.slice(start, end).toLowerCase();
}

const CLITICS = ['s', 're', 've', 'll', 'd', 'm'];

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  const n = text.length;
  const push = (start: number, end: number) => {
    if (end > start) tokens.push({ text: text.slice(start, end), start, end });
  };
  let i = 0;
  while (i < n) {
    const k = classAt(text, i);
    if (k === SPACE) {
      i++;
      continue;
    }
    const c = text.charCodeAt(i);
    // URLs, domains with a path, and e-mail addresses: one token, minus trailing punctuation.
    if (c === 104 || c === 72 || c === 119 || c === 87 || c === 102 || c === 112 || isAlnum(k)) {
      let end = matchSticky(URL_START, text, i);
      if (end < 0 && isAlnum(k)) end = matchSticky(DOMAIN_PATH, text, i);
      if (end > i) {
        const m = TRAILING_PUNCT.exec(text.slice(i, end));
        if (m) end -= m[0].length;
        if (end > i) {
          push(i, end);
          i = end;
          continue;
        }
      }
      if (isAlnum(k)) {
        const emailEnd = matchSticky(EMAIL, text, i);
        if (emailEnd > i) {
          push(i, emailEnd);
          i = emailEnd;
          continue;
        }
      }
    }
    // @handles and #hashtags.
    if ((c === 64 || c === 35) && i + 1 < n) {
      let j = i + 1;
      while (j < n) {
        const kk = classAt(text, j);
        if (isAlnum(kk) || text.charCodeAt(j) === 95 /* _ */) j += widthAt(text, j);
        else break;
      }
      if (j > i + 1) {
        push(i, j);
        i = j;
        continue;
      }
    }
    if (isAlnum(k)) {
      let end = runEnd(text, i);
      // A trailing period belongs to an abbreviation: dotted forms (U.S.), initials (W.), listed words.
      if (end < n && text.charCodeAt(end) === 46) {
        const word = lowerSlice(text, i, end);
        const dotted = word.includes('.') && /^[a-z](?:\.[a-z])+$/.test(word);
        const initial = end - i === 1 && classAt(text, i) === UPPER;
        if (dotted || initial || ABBREVIATIONS.has(word)) end++;
      }
      // Clitics: n't, and 's 're 've 'll 'd 'm at the end of a word are their own tokens.
      let split = end;
      const tokenText = text.slice(i, end);
      const lw = tokenText.toLowerCase();
      if (lw.length > 3 && (lw.endsWith("n't") || lw.endsWith('n’t'))) {
        split = end - 3;
      } else {
        for (let a = end - 1; a > i; a--) {
          if (APOSTROPHES.has(text.charCodeAt(a))) {
            if (CLITICS.includes(lw.slice(a - i + 1)) && a > i) split = a;
            break;
          }
        }
      }
      if (split < end && split > i) {
        push(i, split);
        push(split, end);
      } else {
        push(i, end);
      }
      i = end;
      continue;
    }
    // Punctuation and symbols: ellipses and double dashes stay together; anything else is one code point.
    if (c === 46 && text.startsWith('...', i)) {
      let j = i + 3;
      while (j < n && text.charCodeAt(j) === 46) j++;
      push(i, j);
      i = j;
      continue;
    }
    if (c === 45 && i + 1 < n && text.charCodeAt(i + 1) === 45) {
      let j = i + 2;
      while (j < n && text.charCodeAt(j) === 45) j++;
      push(i, j);
      i = j;
      continue;
    }
    const w = widthAt(text, i);
    push(i, i + w);
    i += w;
  }
  return tokens;
}
