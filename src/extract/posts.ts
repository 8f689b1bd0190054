/**
 * Embedded social-media posts. News sites paste tweets (and Instagram posts) as the post's
 * text followed by a signature, "— Name (@handle) November 16, 2015" (or, for Instagram,
 * "A post shared by Name (@handle) on Nov 13, 2015 at 4:10pm PST"), either on a line of its
 * own or at the end of the text's line. The "(@handle)" anchors the match: a dash alone is
 * everyday punctuation and "— Name, Date" without a handle reads just like a quote's
 * attribution ("– USCG dispatcher, CNN" in the Wikinews data), so that shape is not taken.
 *
 * Every search is bounded (a signature's tail and name are short) or a single forward scan,
 * so the time is linear in the text whatever its lines look like.
 */
import { chrono } from './dates.js';
import type { SocialPost } from '../types.js';

/** Twitter display names are at most 50 characters; a longer "name" is prose. */
const MAX_NAME = 50;
const MAX_HANDLE = 30;
/** Room after "(@handle)" for "on " and a date with its time and zone. */
const MAX_DATE = 60;
/** Looking back from the last "(@" this far covers the handle, the date and the line's end. */
const MAX_TAIL = MAX_HANDLE + 3 + MAX_DATE;

const isDash = (c: string | undefined) => c === '—' || c === '–' || c === '-';
const isSpace = (c: string | undefined) => c !== undefined && /\s/.test(c);
const isWord = (c: string | undefined) => c !== undefined && /\w/.test(c);
/** Instagram's own signature ("A photo posted by" in older embeds); it plays the dash's role. */
const INSTAGRAM = /A (?:post|photo|video) (?:shared|posted) by\s/g;
const INSTAGRAM_PREAMBLE = 'View this post on Instagram';

/** Embedded social-media posts in an article: a signature "— Name (@handle) Date" (em dash, en dash or hyphen) either on its own line after the post's text, or at the end of the line that holds the text. */
export function findSocialPosts(text: string): SocialPost[] {
  const posts: SocialPost[] = [];
  const lines = lineSpans(text);
  // Lines before this offset belong to an earlier post.
  let taken = 0;
  for (let i = 0; i < lines.length; i++) {
    const [ls, le] = lines[i];
    const sig = signature(text, ls, le);
    if (!sig) continue;
    let [start, end] = trimSpan(text, ls, sig.markerStart);
    let blockStart = start;
    if (start === end) {
      // On its own line: the text is the nearest non-blank line above, unless an earlier post owns it;
      // with none, a media-only post pasted as a bare signature, empty text at the signature.
      start = end = blockStart = sig.markerStart;
      const free = (j: number) => j >= 0 && lines[j][0] >= taken;
      let j = prevNonBlank(text, lines, i - 1);
      if (free(j) && !isPreamble(text, lines[j])) {
        [start, end] = trimSpan(text, lines[j][0], lines[j][1]);
        blockStart = start;
        j = prevNonBlank(text, lines, j - 1);
      }
      // Instagram pastes carry a "View this post on Instagram" line above the caption: block, not text.
      if (free(j) && isPreamble(text, lines[j])) blockStart = trimSpan(text, lines[j][0], lines[j][1])[0];
    }
    const body = text.slice(start, end);
    const handleLower = sig.handle.toLowerCase();
    posts.push({
      start,
      end,
      text: body,
      author: text.slice(sig.authorStart, sig.authorEnd),
      authorStart: sig.authorStart,
      authorEnd: sig.authorEnd,
      handle: sig.handle,
      handleStart: sig.handleStart,
      ...(sig.date ? { date: sig.date, dateText: sig.dateText } : {}),
      blockStart,
      blockEnd: sig.end,
      links: links(body),
      hashtags: unique([...body.matchAll(/(?<![\p{L}\p{N}_&#])#[\p{L}\p{N}_]+/gu)].map((m) => m[0]).filter((h) => /\p{L}|_/u.test(h))),
      mentionedHandles: unique(
        [...body.matchAll(/(?<![\w@])@\w{1,30}(?!\w)/g)].map((m) => m[0]).filter((h) => h.toLowerCase() !== handleLower),
      ),
    });
    taken = le;
  }
  return posts;
}

/** A signature line's parts: where its dash or phrase starts and where it ends, and the post's author fields. */
type Signature = Pick<SocialPost, 'authorStart' | 'authorEnd' | 'handle' | 'handleStart' | 'date' | 'dateText'> & { markerStart: number; end: number };

/** The signature that ends the line [ls, le), if any. */
function signature(text: string, ls: number, le: number): Signature | undefined {
  const [, te] = trimSpan(text, ls, le);
  // Only the last "(@" can start a signature: what may follow the handle (a date) holds none.
  const lo = Math.max(ls, te - MAX_TAIL);
  const at = text.slice(lo, te).lastIndexOf('(@');
  if (at < 0) return undefined;
  const paren = lo + at;
  let p = paren + 2;
  while (p < te && p - paren - 2 <= MAX_HANDLE && isWord(text[p])) p++;
  const handleLen = p - paren - 2;
  if (handleLen < 1 || handleLen > MAX_HANDLE || text[p] !== ')') return undefined;
  const handleStart = paren + 1;
  const handle = text.slice(handleStart, p);

  // The name runs back from "(@" to the nearest marker: a dash with space on both sides, or Instagram's phrase.
  if (paren === ls || !isSpace(text[paren - 1])) return undefined;
  const wlo = Math.max(ls, paren - MAX_NAME - 40);
  let nameStart = -1;
  let markerStart = -1;
  for (let i = paren - 2; i >= wlo; i--) {
    if (isDash(text[i]) && (i === ls || isSpace(text[i - 1])) && isSpace(text[i + 1])) {
      markerStart = i;
      nameStart = i + 1;
      break;
    }
  }
  for (const m of text.slice(wlo, paren).matchAll(INSTAGRAM)) {
    const ms = wlo + m.index;
    if (ms > markerStart && (ms === ls || isSpace(text[ms - 1]))) {
      markerStart = ms;
      nameStart = ms + m[0].length;
    }
  }
  if (markerStart < 0) return undefined;
  const instagram = !isDash(text[markerStart]);
  const [authorStart, authorEnd] = trimSpan(text, nameStart, paren);
  if (authorStart === authorEnd || authorEnd - authorStart > MAX_NAME) return undefined;
  if (text.slice(authorStart, authorEnd).includes('(@')) return undefined;

  // After the handle: nothing, or (Instagram: "on ") a full date running to the line's end.
  let [ds, de] = trimSpan(text, p + 1, te);
  // Embeds write an em dash; a bare hyphen also starts list items ("- Jane Doe (@jane)"), so it needs the date.
  if (ds === de) return text[markerStart] === '-' ? undefined : { markerStart, authorStart, authorEnd, handle, handleStart, end: p + 1 };
  if (instagram && text.startsWith('on ', ds)) [ds, de] = trimSpan(text, ds + 3, de);
  if (de - ds > MAX_DATE) return undefined;
  const written = text.slice(ds, de);
  const parsed = chrono().parse(written, new Date(Date.UTC(2000, 0, 1)));
  const r = parsed[0];
  if (parsed.length !== 1 || r.index !== 0 || !/^\.?$/.test(written.slice(r.text.length))) return undefined;
  const s = r.start;
  // chrono calls relative dates ("yesterday") certain against its reference day: insist on a written year.
  if (!(s.isCertain('year') && s.isCertain('month') && s.isCertain('day')) || !/\d{4}/.test(r.text)) return undefined;
  const pad = (n: number | null, w: number) => String(n).padStart(w, '0');
  const date = `${pad(s.get('year'), 4)}-${pad(s.get('month'), 2)}-${pad(s.get('day'), 2)}`;
  return { markerStart, authorStart, authorEnd, handle, handleStart, date, dateText: r.text, end: ds + r.text.length };
}

/** Line spans without their terminators; \r\n, \n and a lone \r all end a line. */
function lineSpans(text: string): [number, number][] {
  const spans: [number, number][] = [];
  let ls = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c !== '\n' && c !== '\r') continue;
    spans.push([ls, i]);
    if (c === '\r' && text[i + 1] === '\n') i++;
    ls = i + 1;
  }
  spans.push([ls, text.length]);
  return spans;
}

function trimSpan(text: string, s: number, e: number): [number, number] {
  while (s < e && isSpace(text[s])) s++;
  while (e > s && isSpace(text[e - 1])) e--;
  return [s, e];
}

/** Blank runs are short in practice, and each is walked by at most the two signatures after it. */
function prevNonBlank(text: string, lines: [number, number][], j: number): number {
  while (j >= 0 && trimSpan(text, lines[j][0], lines[j][1])[0] === lines[j][1]) j--;
  return j;
}

function isPreamble(text: string, [s, e]: [number, number]): boolean {
  const [ts, te] = trimSpan(text, s, e);
  return text.slice(ts, te) === INSTAGRAM_PREAMBLE;
}

/** URLs as written, minus sentence punctuation and closing quotes stuck to their ends. */
function links(body: string): string[] {
  const found = [...body.matchAll(/(?:https?:\/\/|(?<![\w.\/])(?:pic\.twitter\.com|t\.co|(?:www\.)?(?:twitter|x|instagram)\.com)\/)\S+/g)];
  return unique(found.map((m) => stripTail(m[0])));
}

/** A loop, not /[…]+$/: that regex retries every start in a long run of dots and turns quadratic. */
function stripTail(url: string): string {
  let e = url.length;
  while (e > 0 && '.,;:!?)]”’"\'…'.includes(url[e - 1])) e--;
  return url.slice(0, e);
}

function unique(xs: string[]): string[] {
  return [...new Set(xs)];
}
