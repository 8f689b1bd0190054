import { afterEach, describe, expect, test, vi } from 'vitest';
import { findTimes, shiftSpan, type TimeSpan } from '../../src/extract/dates.js';

const PARIS = '2015-11-16'; // a Monday, three days after the Paris attacks
const LATER = '2019-09-17'; // a Tuesday

/** The single span found in `text`, as [text, earliest, latest, precision]. */
function only(text: string, reference: string | undefined = PARIS): [string, string, string, TimeSpan['precision']] {
  const spans = findTimes(text, reference);
  expect(spans, `${text}: ${JSON.stringify(spans)}`).toHaveLength(1);
  const [s] = spans;
  return [s.text, s.earliest, s.latest, s.precision];
}

describe('absolute and year-less dates', () => {
  test.each([
    ['The attacks on November 13, 2015 killed 129.', 'November 13, 2015', '2015-11-13', false],
    ['The attacks on 13 November 2015 killed 129.', '13 November 2015', '2015-11-13', false],
    ['Filed 2015-11-13 in Paris.', '2015-11-13', '2015-11-13', false],
    ['The attacks on Nov. 13 killed 129.', 'Nov. 13', '2015-11-13', true],
    // No year: the latest such day at or before the reference, not chrono's closest (2015-12-28 → 2014).
    ['He was seen on Dec. 28 in Molenbeek.', 'Dec. 28', '2014-12-28', true],
    ['It happened on Feb. 29.', 'Feb. 29', '2012-02-29', true],
    ['On Sunday 15 November, he fled.', 'Sunday 15 November', '2015-11-15', true],
  ])('%s', (sentence, text, day, relative) => {
    const [s] = findTimes(sentence, PARIS);
    expect(s).toMatchObject({ text, earliest: day, latest: day, precision: 'day', relative });
  });

  test.each([
    ['He was born on July 31.', 'July 31', '2019-07-31'],
    ['Police struck on Friday, September 20.', 'Friday, September 20', '2019-09-20'], // the weekday names this year's
  ])('%s (reference %s)', (sentence, text, day) => {
    expect(only(sentence, LATER)).toEqual([text, day, day, 'day']);
  });
});

describe('weekdays and casual days (reference Monday 2015-11-16)', () => {
  test.each([
    ['Gunmen struck on Friday.', 'Friday', '2015-11-13'],
    ['Gunmen struck Friday night.', 'Friday night', '2015-11-13'],
    ['Police said Friday that...', 'Friday', '2015-11-13'],
    // The reference's own weekday is last week's, unless "today" is beside it.
    ['He left on Monday.', 'Monday', '2015-11-09'],
    ['A raid on Tuesday.', 'Tuesday', '2015-11-10'],
    ['He spoke yesterday.', 'yesterday', '2015-11-15'],
    ['He spoke today.', 'today', '2015-11-16'],
    ['He spoke this morning.', 'this morning', '2015-11-16'],
    ['Raids took place last night.', 'last night', '2015-11-15'],
    ['He left two days ago.', 'two days ago', '2015-11-14'],
    ['He left three weeks ago.', 'three weeks ago', '2015-10-26'],
    ['He left the day before yesterday.', 'the day before yesterday', '2015-11-14'],
  ])('%s', (sentence, text, day) => {
    expect(only(sentence)).toEqual([text, day, day, 'day']);
  });

  test('a weekday next to "today" is the reference day', () => {
    const spans = findTimes('Parliament meets today, Monday, in Versailles.', PARIS);
    expect(spans.map((s) => [s.text, s.earliest])).toEqual([['today', PARIS], ['Monday', PARIS]]);
  });

  test('"Saturday" from a Tuesday is three days before', () => {
    expect(only('The drones struck on Saturday.', LATER)).toEqual(['Saturday', '2019-09-14', '2019-09-14', 'day']);
  });

  test('every weekday resolves to one of the seven days before the reference', () => {
    const days = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'].map((d) => only(`on ${d}`)[1]);
    expect(days.sort()).toEqual(['2015-11-09', '2015-11-10', '2015-11-11', '2015-11-12', '2015-11-13', '2015-11-14', '2015-11-15']);
  });
});

describe('weeks, months, years and ranges', () => {
  test.each([
    [PARIS, 'Arrests were made last week.', 'last week', '2015-11-09', '2015-11-15', 'week'],
    [PARIS, 'Raids continue this week.', 'this week', '2015-11-16', '2015-11-22', 'week'],
    [PARIS, 'He returned last month.', 'last month', '2015-10-01', '2015-10-31', 'month'],
    [PARIS, 'He returned last year.', 'last year', '2014-01-01', '2014-12-31', 'year'],
    [PARIS, 'He returned in January.', 'January', '2015-01-01', '2015-01-31', 'month'],
    [PARIS, 'He has been missing since January.', 'January', '2015-01-01', '2015-01-31', 'month'],
    [PARIS, 'He returned in December.', 'December', '2014-12-01', '2014-12-31', 'month'], // not chrono's Dec 2015
    [PARIS, 'In May, officials met.', 'May', '2015-05-01', '2015-05-31', 'month'],
    [PARIS, 'He was seen in mid-November.', 'November', '2015-11-01', '2015-11-30', 'month'],
    [PARIS, 'He went to Syria in 2011.', '2011', '2011-01-01', '2011-12-31', 'year'],
    [PARIS, 'Sales fell in mid-2014.', '2014', '2014-01-01', '2014-12-31', 'year'],
    [PARIS, 'He lived there from 2011 to 2014.', '2011 to 2014', '2011-01-01', '2014-12-31', 'range'],
    [PARIS, 'The cell formed in January 2019.', 'January 2019', '2019-01-01', '2019-01-31', 'month'],
    [PARIS, 'He travelled from Monday to Wednesday.', 'Monday to Wednesday', '2015-11-09', '2015-11-11', 'range'],
    [PARIS, 'He travelled Nov. 13-14.', 'Nov. 13-14', '2015-11-13', '2015-11-14', 'range'],
    // The end of a range is read forward from its start, across the new year.
    [PARIS, 'He travelled December 28 to January 3.', 'December 28 to January 3', '2014-12-28', '2015-01-03', 'range'],
    [PARIS, 'Raids took place over the weekend.', 'weekend', '2015-11-14', '2015-11-15', 'range'],
    [PARIS, 'Five raids in the past two weeks.', 'past two weeks', '2015-11-02', '2015-11-16', 'range'],
    [LATER, 'It was signed in March of this year.', 'March of this year', '2019-03-01', '2019-03-31', 'month'],
    [LATER, 'It was signed in March last year.', 'March last year', '2018-03-01', '2018-03-31', 'month'],
    // chrono says July 31; the text only says July.
    [LATER, 'It was signed at the end of July.', 'end of July', '2019-07-01', '2019-07-31', 'month'],
  ])('%s: %s', (reference, sentence, text, earliest, latest, precision) => {
    expect(only(sentence, reference)).toEqual([text, earliest, latest, precision]);
  });

  test('relative is false only when the text names the year', () => {
    const rel = Object.fromEntries(findTimes('On Friday, in 2011 and on Nov. 13, 2015 and last week.', PARIS).map((s) => [s.text, s.relative]));
    expect(rel).toEqual({ Friday: true, '2011': false, 'Nov. 13, 2015': false, 'last week': true });
  });
});

describe('words that are not dates', () => {
  test.each([
    'The attacks killed 129 people.',
    'The FBI ran 160 counter-terrorism stings.',
    // "9/11", "7/7", "24/7": a slash date without a year names an event in news; not returned.
    'The 9/11 attacks changed everything.',
    'The 7/7 bombings hit London.',
    'Officials may act soon.',
    'Protesters march through Paris.',
    'March organisers said so.',
    'Theresa May said so.',
    // A time of day alone dates nothing: no span.
    'The first shots were fired at 3 pm.',
    'The curfew starts at midnight.',
    // Newspaper names are skipped: "The Sun" (chrono reads Sunday) and "the Sunday Times".
    'The Sun reported it.',
    'He told the Sunday Times it was over.',
    'He sat down.',
    'The 2015 election is over.',
    // Relative to another event, not to the publication date: left to the caller (shiftSpan).
    'He was arrested two days later.',
    'He was arrested the next day.',
    'He is now in custody.',
  ])('%s', (sentence) => {
    expect(findTimes(sentence, PARIS)).toEqual([]);
  });

  test('a real date next to a false one', () => {
    expect(findTimes('May said on Friday that protesters may march in May.', PARIS).map((s) => [s.text, s.earliest])).toEqual([
      ['Friday', '2015-11-13'],
      ['May', '2015-05-01'],
    ]);
  });
});

describe('without a reference', () => {
  test('only absolute dates with a year are returned', () => {
    const text = 'On Friday, November 13, 2015, last week, in January, in January 2019, two days ago, since 2011, on Nov. 13.';
    expect(findTimes(text, undefined).map((s) => [s.text, s.earliest, s.latest])).toEqual([
      ['Friday, November 13, 2015', '2015-11-13', '2015-11-13'],
      ['January 2019', '2019-01-01', '2019-01-31'],
      ['2011', '2011-01-01', '2011-12-31'],
    ]);
  });

  test('an unparseable reference counts as none', () => {
    expect(findTimes('On Friday, November 13, 2015.', 'not a date').map((s) => s.text)).toEqual(['Friday, November 13, 2015']);
  });

  test('a timestamp reference uses the date as written', () => {
    expect(only('He spoke yesterday.', '2015-11-16T23:30:00-05:00')[1]).toBe('2015-11-15');
  });
});

describe('offsets', () => {
  const text = 'Paris was attacked on Friday. Arrests followed on Saturday and in 2011 too. Raids on Nov. 15, 2015 and last week.';

  test('text.slice(start, end) is the span text', () => {
    const spans = findTimes(text, PARIS);
    expect(spans.map((s) => s.text)).toEqual(['Friday', 'Saturday', '2011', 'Nov. 15, 2015', 'last week']);
    for (const s of spans) expect(text.slice(s.start, s.end)).toBe(s.text);
  });

  test('from/to keep only spans inside the range, with offsets into the full text', () => {
    const all = findTimes(text, PARIS);
    for (let from = 0; from <= text.length; from += 3) {
      for (let to = from; to <= text.length; to += 7) {
        const spans = findTimes(text, PARIS, from, to);
        for (const s of spans) {
          expect(s.start).toBeGreaterThanOrEqual(from);
          expect(s.end).toBeLessThanOrEqual(to);
          expect(text.slice(s.start, s.end)).toBe(s.text);
        }
        // Every full-text span lying inside the range is found again, identically.
        const inside = all.filter((s) => s.start >= from && s.end <= to);
        for (const s of inside) expect(spans).toContainEqual(s);
      }
    }
  });

  test('second sentence only', () => {
    const from = text.indexOf('Arrests');
    const to = text.indexOf('Raids');
    expect(findTimes(text, PARIS, from, to).map((s) => [s.text, s.start])).toEqual([
      ['Saturday', text.indexOf('Saturday')],
      ['2011', text.indexOf('2011')],
    ]);
  });
});

describe('purity', () => {
  afterEach(() => vi.useRealTimers());

  test('results do not depend on the process time zone', () => {
    const iso = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d)).toISOString().slice(0, 10);
    // Not "On Friday, yesterday": chrono reads that as one expression.
    const text = 'On Friday police said that yesterday, last week, three weeks ago, in January and on Dec. 28 ...';
    // Expected days built from Date.UTC only; the other references (US and EU DST change days) are
    // compared with their results under UTC.
    const expected = [iso(2015, 11, 13), iso(2015, 11, 15), iso(2015, 11, 9), iso(2015, 10, 26), iso(2015, 1, 1), iso(2014, 12, 28)];
    const references = [PARIS, '2015-03-08', '2015-03-29', '2015-11-01'];
    const saved = process.env.TZ;
    try {
      process.env.TZ = 'UTC'; // Node re-reads TZ when it is assigned
      const baseline = references.map((r) => findTimes(text, r));
      expect(baseline[0].map((s) => s.earliest)).toEqual(expected);
      for (const tz of ['America/Los_Angeles', 'Pacific/Kiritimati', 'Pacific/Pago_Pago', 'Asia/Kolkata', 'Europe/Paris']) {
        process.env.TZ = tz;
        expect(new Date(Date.UTC(2015, 10, 16)).getTimezoneOffset() !== 0 || tz === 'UTC', `TZ ${tz} took effect`).toBe(true);
        references.forEach((r, i) => expect(findTimes(text, r), `${tz} ${r}`).toEqual(baseline[i]));
      }
    } finally {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    }
  });

  test('results do not depend on the clock', () => {
    const text = 'On Friday, yesterday, in January and last week.';
    const before = findTimes(text, PARIS);
    vi.useFakeTimers();
    vi.setSystemTime(new Date(Date.UTC(2031, 5, 1)));
    expect(findTimes(text, PARIS)).toEqual(before);
    expect(findTimes(text, PARIS)).toEqual(before); // and no state carried between calls
  });

  test('fast enough to run on every sentence', () => {
    const sentences = [
      'French President Francois Hollande said the attacks, which killed 129 people, were an act of war.',
      'On Friday night, gunmen struck six sites across Paris, police said on Saturday.',
      'Abdelhamid Abaaoud, who travelled to Syria in 2013, was killed in a raid last week.',
    ];
    const t0 = performance.now();
    for (let i = 0; i < 1000; i++) for (const s of sentences) findTimes(s, PARIS);
    expect(performance.now() - t0).toBeLessThan(3000); // ~30 µs a sentence on a laptop; generous for CI
  });
});

describe('shiftSpan', () => {
  test.each([
    [{ earliest: '2015-11-13', latest: '2015-11-13' }, -1, { earliest: '2015-11-12', latest: '2015-11-12' }],
    [{ earliest: '2015-11-13', latest: '2015-11-13' }, 2, { earliest: '2015-11-15', latest: '2015-11-15' }],
    [{ earliest: '2014-12-31', latest: '2014-12-31' }, 1, { earliest: '2015-01-01', latest: '2015-01-01' }],
    [{ earliest: '2016-02-28', latest: '2016-03-01' }, 1, { earliest: '2016-02-29', latest: '2016-03-02' }],
    [{ earliest: '2015-11-09', latest: '2015-11-15' }, 7, { earliest: '2015-11-16', latest: '2015-11-22' }],
  ])('%o shifted by %i', (span, days, expected) => {
    expect(shiftSpan(span, days)).toEqual(expected);
  });

  test('shifts a found span', () => {
    const [friday] = findTimes('A day before the attacks on Friday', PARIS);
    expect(shiftSpan(friday, -1)).toEqual({ earliest: '2015-11-12', latest: '2015-11-12' });
  });
});
