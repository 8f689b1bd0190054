/**
 * Time expressions in news text, resolved to ranges of whole days against the article's
 * publication date. chrono-node finds and parses the expressions; this module adds what news
 * needs on top of it:
 *
 * - News reports the past: chrono picks the *closest* year for "in January" / "March 3" and the
 *   closest weekday for "Tuesday" (often in the future). Here a year-less date or month, and a
 *   bare weekday, mean the latest one at or before the reference; a weekday equal to the
 *   reference's means the previous week's unless "today" stands next to it.
 * - Expressions are widened to what they pin down: "last week" is the previous ISO week,
 *   "the end of July" is July, "the weekend" is Saturday–Sunday, "the past two weeks" runs up
 *   to the reference.
 * - Words that only look like dates are dropped: lower-case "march"/"may", a month name with no
 *   preposition before it ("March organisers", "May said"), "The Sun", "the Sunday Times",
 *   "9/11" and "7/7" (slash dates without a year are names of events in news, not dates), times
 *   of day alone ("at 3 pm", "at midnight"), and "now".
 * - Anaphoric expressions ("two days later", "the next day", "a week earlier") are relative to
 *   another event, not to the publication date, so they are left to the caller (see shiftSpan).
 * - chrono ignores a bare year; "in 2011", "since 2014", "from 2011 to 2014" are found here.
 *
 * Days are handled as integers (days since 1970-01-01, UTC) so no result depends on the
 * process's time zone.
 */
import { createRequire } from 'node:module';
import type * as Chrono from 'chrono-node';

/** A time expression found in text, normalised to a range of whole days (inclusive ISO dates). */
export interface TimeSpan {
  /** Offsets of the expression in the text passed in. */
  start: number;
  end: number;
  text: string;
  /** First and last day the expression can mean, as YYYY-MM-DD (equal for a single day). */
  earliest: string;
  latest: string;
  /** 'day' | 'week' | 'month' | 'year' | 'range' — what the expression pins down. */
  precision: 'day' | 'week' | 'month' | 'year' | 'range';
  /** True when the expression was relative ("last week", "on Friday", "in January") and resolved against the reference date. */
  relative: boolean;
}

type Precision = TimeSpan['precision'];
interface Resolved {
  first: number;
  last: number;
  precision: Precision;
}

const DAY_MS = 86_400_000;
const dayOf = (y: number, m: number, d: number): number => Date.UTC(y, m - 1, d) / DAY_MS;
const iso = (day: number): string => new Date(day * DAY_MS).toISOString().slice(0, 10);
const weekdayOf = (day: number): number => (((day + 4) % 7) + 7) % 7; // 1970-01-01 was a Thursday
const ymd = (day: number): [number, number, number] => {
  const d = new Date(day * DAY_MS);
  return [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()];
};
const lastOfMonth = (y: number, m: number): number => dayOf(y, m + 1, 1) - 1;
/** Monday of the ISO week holding `day`. */
const mondayOf = (day: number): number => day - ((weekdayOf(day) + 6) % 7);

/** A reference is the publication *date* as written; a timestamp's time and zone are ignored. */
function referenceDay(reference: string | undefined): number | undefined {
  const m = reference && /^(\d{4})-(\d{2})-(\d{2})/.exec(reference);
  if (!m) return undefined;
  const day = dayOf(+m[1], +m[2], +m[3]);
  return iso(day) === m[0] ? day : undefined; // rejects 2015-02-30 and the like
}

/** Latest y <= refYear with y-m-d a real date on or before ref (Feb 29 steps back to a leap year). */
function latestYear(m: number, d: number, ref: number): number {
  for (let y = ymd(ref)[0]; ; y--) {
    const day = dayOf(y, m, d);
    if (ymd(day)[1] === m && day <= ref) return y;
  }
}

/** Earliest y >= fromYear with y-m-d a real date on or after `from` (for the end of a range). */
function earliestYear(m: number, d: number, from: number): number {
  for (let y = ymd(from)[0]; ; y++) {
    const day = dayOf(y, m, d);
    if (ymd(day)[1] === m && day >= from) return y;
  }
}

// Phrases chrono parses but this module reads differently (see the header comment).
const EXPLICIT_YEAR = /\b[12]\d{3}\b|\b\d{1,2}\/\d{1,2}\/\d{2}\b|'\d{2}\b/;
const ANAPHORIC = /\b(?:later|earlier|after|afterwards?|before|following|previous)\b|\bnext (?:day|morning|night|evening)\b/i;
const KNOWN_DAY_WORD = /\b(?:yesterday|tomorrow)\b/i; // "the day before yesterday" is not anaphoric
const WEEK = /\b(last|previous|this|next) week\b/i;
const WEEKEND = /\bweekend\b/i;
const LAST_NIGHT = /\blast night\b/i;
const PAST_PERIOD = /\b(?:past|last|previous)\s+(?:\S+\s+)?(?:hours|days|weeks|months|years)\b|\bpast\s+(?:day|week|month|year)\b/i;
const FUTURE_WORD = /\b(?:next|this|coming)\b/i;
const DAY_CASUAL = /^casualReference\/(?:today|yesterday|tomorrow|tonight|morning|afternoon|evening)$/;
const MONTH_WORD =
  /\b(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b/i;
/** A weekday as news writes one; chrono also takes "Sun" (the newspaper), "sat" (the verb), "Wed". */
const FULL_WEEKDAY = /\b(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b|\b(?:Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun)\./;
/** Words that make a bare month name a date: "in May", "since January", "mid-November". */
const MONTH_CUE =
  /\b(?:in|since|by|until|till|through|throughout|during|from|of|before|after|early|late|mid|last|this|next|end|beginning|start|middle|between)[\s-]+$/i;
const TODAY_BEFORE = /\btoday\W*(?:on\s+)?$/i;
const TODAY_AFTER = /^\W*today\b/i;
const YEAR_CUE =
  /\b(?:(?:in|since|during|by|until|till|before|after|from|through|throughout|of|between|early|late|mid)\s+|mid-)((?:1[89]|20)\d\d)(?:\s*(?:-|–|to|and|until|through)\s*((?:1[89]|20)\d\d))?\b(?!\s*%|[.,]\d)/gi;

// chrono-node is loaded at the first date, not at import: a process that only queries a build never needs it.
const require = createRequire(import.meta.url);
let chronoModule: typeof Chrono | undefined;
/** chrono-node, loaded on first use (its shared English parser is reused for every call). */
export const chrono = (): typeof Chrono => (chronoModule ??= require('chrono-node') as typeof Chrono);
/** Reference for parsing without one; only expressions with an explicit year are kept then. */
const NO_REFERENCE = dayOf(2000, 1, 1);

/**
 * Every time expression in text[from, to), resolved against `reference` (the article's publication date,
 * YYYY-MM-DD or ISO timestamp). News reports the past: a bare weekday or month means the latest one at or
 * before the reference date.
 */
export function findTimes(text: string, reference: string | undefined, from = 0, to = text.length): TimeSpan[] {
  const refDay = referenceDay(reference);
  const ref = refDay ?? NO_REFERENCE;
  const slice = text.slice(from, to);
  // Noon UTC with timezone 0: chrono's implied components then are the reference date whatever TZ is.
  const results = chrono().casual.parse(slice, { instant: new Date(ref * DAY_MS + DAY_MS / 2), timezone: 0 }, { forwardDate: false });
  const spans: TimeSpan[] = [];

  for (let i = 0; i < results.length; i++) {
    const r = results[i];
    let start = from + r.index;
    let end = start + r.text.length;
    // chrono splits "March of this year" / "March last year" in two; the year belongs to the month.
    let yearOverride: number | undefined;
    const next = results[i + 1];
    if (next && /^(?:this|last|next) year$/i.test(next.text) && !r.start.isCertain('year') && !r.start.isCertain('day') &&
        /^\s*(?:of\s+)?$/i.test(slice.slice(r.index + r.text.length, next.index))) {
      yearOverride = next.start.get('year') ?? undefined;
      end = from + next.index + next.text.length;
      i++;
    }
    // Trim chrono's leading "on"/"at" and trailing comma, so spans are the expression itself.
    const lead = /^(?:on|at)\s+/i.exec(text.slice(start, end));
    if (lead) start += lead[0].length;
    end = start + text.slice(start, end).replace(/(?:\s+of|[\s,;:])+$/i, '').length; // chrono's "March of"
    const spanText = text.slice(start, end);

    // Only a few words either side matter, and slicing the whole prefix would make each call O(article).
    const resolved = resolve(r, spanText, ref, yearOverride, text.slice(Math.max(0, start - 30), start), text.slice(end, end + 30));
    if (!resolved) continue;
    const relative = !EXPLICIT_YEAR.test(spanText);
    if (refDay === undefined && relative) continue;
    spans.push({ start, end, text: spanText, earliest: iso(resolved.first), latest: iso(resolved.last), precision: resolved.precision, relative });
  }

  // Bare years, which chrono does not parse; only after a preposition, so "2015 election" or "2011 people" are not dates.
  // The cue word may lie just before `from`: look a little behind it.
  const behind = Math.max(0, from - 24);
  for (const m of text.slice(behind, to).matchAll(YEAR_CUE)) {
    const start = behind + m.index + m[0].indexOf(m[1]);
    const end = behind + m.index + m[0].length;
    if (start < from || spans.some((s) => s.start < end && start < s.end)) continue;
    const y1 = +m[1];
    const y2 = m[2] ? +m[2] : y1;
    if (y2 < y1) continue;
    spans.push({
      start, end, text: text.slice(start, end),
      earliest: iso(dayOf(y1, 1, 1)), latest: iso(dayOf(y2, 12, 31)),
      precision: y1 === y2 ? 'year' : 'range', relative: false,
    });
  }
  return spans.sort((a, b) => a.start - b.start);
}

/** Days one chrono result means, or undefined when it is not a date news would mean. */
function resolve(r: Chrono.ParsedResult, text: string, ref: number, yearOverride: number | undefined, before: string, after: string): Resolved | undefined {
  const tags = r.tags();
  if (tags.has('casualReference/now')) return undefined; // "now" is everywhere in news and dates nothing
  if (ANAPHORIC.test(text) && !KNOWN_DAY_WORD.test(text)) return undefined;
  if (tags.has('parser/SlashDateFormatParser') && !r.start.isCertain('year')) return undefined; // 9/11, 7/7, 24/7

  if (WEEK.test(text)) {
    const which = WEEK.exec(text)![1].toLowerCase();
    const monday = mondayOf(ref) + (which === 'this' ? 0 : which === 'next' ? 7 : -7);
    return { first: monday, last: monday + 6, precision: 'week' };
  }
  if (WEEKEND.test(text)) {
    let saturday = ref - ((weekdayOf(ref) + 1) % 7); // latest Saturday strictly before the reference
    if (saturday === ref) saturday -= 7;
    if (/\bnext\b/i.test(text)) saturday += 7;
    return { first: saturday, last: saturday + 1, precision: 'range' };
  }
  if (LAST_NIGHT.test(text)) return { first: ref - 1, last: ref - 1, precision: 'day' }; // chrono gives 00:00 of the reference day
  if (PAST_PERIOD.test(text)) {
    const [y, m, d] = ['year', 'month', 'day'].map((c) => r.start.get(c as Chrono.Component) ?? 0);
    return { first: Math.min(dayOf(y, m, d), ref), last: ref, precision: 'range' };
  }

  const first = resolveComponents(r.start, text, ref, yearOverride, before, after);
  if (!first || !r.end) return first;
  // The end of a range is read forward from its start: "December 28 to January 3", "Monday to Wednesday".
  const last = resolveComponents(r.end, text, first.first, yearOverride, before, after, true);
  if (!last || last.last < first.first) return first;
  return { first: first.first, last: last.last, precision: 'range' };
}

function resolveComponents(
  c: Chrono.ParsedComponents, text: string, ref: number, yearOverride: number | undefined,
  before: string, after: string, forward = false,
): Resolved | undefined {
  const month = c.get('month')!;
  const day = c.get('day')!;
  const yearKnown = yearOverride !== undefined || c.isCertain('year');
  const pickYear = (d: number) => yearOverride ?? (c.isCertain('year') ? c.get('year')! : forward ? earliestYear(month, d, ref) : latestYear(month, d, ref));
  // chrono's "end of July" says July 31, which is more than the text says.
  const endOfPeriod = c.tags().has('refiner/ENEndOfPeriodRefiner') || c.tags().has('parser/ENEndOfCurrentMonthParser');

  if (c.isCertain('day') && !endOfPeriod) {
    // "Friday, November 20" in a Monday, November 16 article is this year's, though after the reference.
    const refYear = ymd(ref)[0];
    const sameWeekday = !yearKnown && c.isCertain('weekday') && weekdayOf(dayOf(refYear, month, day)) === c.get('weekday');
    const d = dayOf(sameWeekday && !forward ? refYear : pickYear(day), month, day);
    return { first: d, last: d, precision: 'day' };
  }
  if (c.isCertain('month')) {
    // A month with no year, date or cue word is more often a verb or a name ("March organisers", "May said").
    if (!yearKnown) {
      const word = MONTH_WORD.exec(text); // the cue may be inside chrono's match: "end of July"
      if (!word || !/^[A-Z]/.test(word[0]) || !MONTH_CUE.test(before + text.slice(0, word.index))) return undefined;
    }
    const y = pickYear(1);
    return { first: dayOf(y, month, 1), last: lastOfMonth(y, month), precision: 'month' };
  }
  if (c.isCertain('year')) {
    const y = c.get('year')!;
    return { first: dayOf(y, 1, 1), last: dayOf(y, 12, 31), precision: 'year' };
  }
  if (c.isCertain('weekday')) {
    if (!FULL_WEEKDAY.test(text)) return undefined; // "The Sun", "he sat"
    if (/\bthe\s+$/i.test(before) && /^\s+[A-Z]/.test(after)) return undefined; // "the Sunday Times"
    const wd = c.get('weekday')!;
    if (forward) return { first: ref + ((wd - weekdayOf(ref) + 7) % 7), last: ref + ((wd - weekdayOf(ref) + 7) % 7), precision: 'day' };
    if (FUTURE_WORD.test(text)) {
      // "next Friday", "this Friday": chrono's reading is the intended one.
      const d = dayOf(c.get('year')!, month, day);
      return { first: d, last: d, precision: 'day' };
    }
    const today = wd === weekdayOf(ref) && (TODAY_BEFORE.test(before) || TODAY_AFTER.test(after));
    const d = today ? ref : ref - (((weekdayOf(ref) - wd + 6) % 7) + 1);
    return { first: d, last: d, precision: 'day' };
  }
  if ([...c.tags()].some((t) => DAY_CASUAL.test(t))) {
    const d = dayOf(c.get('year')!, month, day); // "this morning", "tonight": chrono's implied date is the reference's
    return { first: d, last: d, precision: 'day' };
  }
  return undefined; // a time of day alone: "at 3 pm", "at midnight"
}

/** Shift a span by whole days (for "a day before X", "two days after X"). */
export function shiftSpan(span: Pick<TimeSpan, 'earliest' | 'latest'>, days: number): { earliest: string; latest: string } {
  const shift = (s: string) => iso(dayOf(+s.slice(0, 4), +s.slice(5, 7), +s.slice(8, 10)) + days);
  return { earliest: shift(span.earliest), latest: shift(span.latest) };
}
