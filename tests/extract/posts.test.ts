import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { findSocialPosts } from '../../src/extract/posts.js';
import type { SocialPost } from '../../src/types.js';

const seed = readFileSync(new URL('../../seeds/000_93913eae600d5a9a.txt', import.meta.url), 'utf8');

/** Every offset the API reports must point back at the text it reports (one expect, so 10,000 posts stay cheap). */
function expectConsistent(text: string, posts: SocialPost[]): void {
  const bad = posts.filter(
    (p, i) =>
      text.slice(p.start, p.end) !== p.text ||
      text.slice(p.authorStart, p.authorEnd) !== p.author ||
      text.slice(p.handleStart, p.handleStart + p.handle.length) !== p.handle ||
      !/^@\w{1,30}$/.test(p.handle) ||
      !(p.blockStart <= p.start && p.end <= p.authorStart && p.authorEnd < p.handleStart) ||
      p.blockEnd < p.handleStart + p.handle.length + 1 ||
      (p.date === undefined) !== (p.dateText === undefined) ||
      (p.dateText !== undefined && text.slice(p.blockEnd - p.dateText.length, p.blockEnd) !== p.dateText) ||
      (i > 0 && p.blockStart < posts[i - 1].blockEnd),
  );
  expect(bad).toEqual([]);
}

describe('the seed article', () => {
  const posts = findSocialPosts(seed);

  test('finds exactly its three tweets', () => {
    expect(posts).toHaveLength(3);
    expectConsistent(seed, posts);
  });

  test.each([
    {
      i: 0,
      author: 'W Patrick Wilson',
      handle: '@DUhockeyFan',
      date: '2015-11-16',
      dateText: 'November 16, 2015',
      text: 'Paris Attacks Should End Season Of Frivolity On Campaign Trail Via by @Jamie_Weinstein https://t.co/8Txc3YKCjd pic.twitter.com/p1iTw1rjU4',
      links: ['https://t.co/8Txc3YKCjd', 'pic.twitter.com/p1iTw1rjU4'],
      hashtags: [],
      mentionedHandles: ['@Jamie_Weinstein'],
    },
    {
      i: 1,
      author: 'Hagrid',
      handle: '@HarryBlackburn2',
      date: '2015-11-13',
      dateText: 'November 13, 2015',
      text: 'Just remember: When a city is forced to it’s knees, the world stands up. #JeSuisCharlie #NotAfraid pic.twitter.com/rco2XKBa3u',
      links: ['pic.twitter.com/rco2XKBa3u'],
      hashtags: ['#JeSuisCharlie', '#NotAfraid'],
      mentionedHandles: [],
    },
    {
      i: 2,
      author: 'Channel 4 News',
      handle: '@Channel4News',
      date: '2015-11-15',
      dateText: 'November 15, 2015',
      // The en dash inside is text, not a signature: no "(@handle)" follows it.
      text: 'French police issue warrant for terror suspect Abdeslam Salah – “individual is dangerous. Do not approach” pic.twitter.com/WF36pFGrbn',
      links: ['pic.twitter.com/WF36pFGrbn'],
      hashtags: [],
      mentionedHandles: [],
    },
  ])('post $i by $handle', ({ i, ...want }) => {
    const p = posts[i];
    expect(p).toMatchObject(want);
    // The block runs from the text to the end of the date, signature included.
    expect(seed.slice(p.blockStart, p.blockEnd)).toMatch(new RegExp(`^${want.text.slice(0, 10)}[^]*${want.dateText}$`));
  });
});

describe('made-up posts', () => {
  test.each([
    {
      name: 'em dash signature on its own line',
      text: 'Intro paragraph.\nStorm hits the coast tonight #wx https://t.co/abc123\n— Met Office (@metoffice) January 3, 2019\nMore prose.',
      want: { text: 'Storm hits the coast tonight #wx https://t.co/abc123', author: 'Met Office', handle: '@metoffice', date: '2019-01-03', hashtags: ['#wx'] },
    },
    {
      name: 'en dash at the end of the text line',
      text: 'We are safe. Thank you all. pic.twitter.com/Zz9 – Jane Doe (@jane_doe) 16 November 2015',
      want: { text: 'We are safe. Thank you all. pic.twitter.com/Zz9', author: 'Jane Doe', handle: '@jane_doe', date: '2015-11-16', dateText: '16 November 2015' },
    },
    {
      name: 'hyphen signature, date with a time',
      text: 'Polls are now closed.\n- Election Desk (@ElectionDesk) March 5, 2019 9:01 PM',
      want: { text: 'Polls are now closed.', author: 'Election Desk', handle: '@ElectionDesk', date: '2019-03-05', dateText: 'March 5, 2019 9:01 PM' },
    },
    {
      name: 'signature ending at the handle (no date)',
      text: 'Lights out across the city.\n— City Hall (@CityHall)\n',
      want: { text: 'Lights out across the city.', author: 'City Hall', handle: '@CityHall' },
      noDate: true,
    },
    {
      name: 'CRLF line endings',
      text: 'Para one.\r\nRoads closed near the bridge\r\n— Traffic News (@traffic) July 4, 2020\r\nPara two.\r\n',
      want: { text: 'Roads closed near the bridge', author: 'Traffic News', handle: '@traffic', date: '2020-07-04' },
    },
    {
      name: 'blank line between text and signature',
      text: 'Breaking: the vote passed 52-48.\n\n— Hill Reporter (@hill_rep) May 1, 2018',
      want: { text: 'Breaking: the vote passed 52-48.', author: 'Hill Reporter', date: '2018-05-01' },
    },
    {
      name: 'name with a hyphen and a full stop, trailing full stop after the date',
      text: 'Proud of this team!\n— Jean-Luc M. Picard (@jlp) June 2, 2017.',
      want: { text: 'Proud of this team!', author: 'Jean-Luc M. Picard', handle: '@jlp', date: '2017-06-02', dateText: 'June 2, 2017' },
    },
    {
      name: 'a 30-character handle',
      text: 'Short post — A B (@abcdefghijklmnopqrstuvwxyz_123) April 9, 2016',
      want: { text: 'Short post', handle: '@abcdefghijklmnopqrstuvwxyz_123', date: '2016-04-09' },
    },
    {
      name: 'Instagram, with the "View this post on Instagram" line',
      text: 'Intro.\nView this post on Instagram\nBack home at last ❤️ #tour\nA post shared by Pop Star (@popstar) on Nov 13, 2015 at 4:10pm PST\nOutro.',
      want: { text: 'Back home at last ❤️ #tour', author: 'Pop Star', handle: '@popstar', date: '2015-11-13', dateText: 'Nov 13, 2015 at 4:10pm PST', hashtags: ['#tour'] },
      block: 'View this post on Instagram\nBack home at last ❤️ #tour\nA post shared by Pop Star (@popstar) on Nov 13, 2015 at 4:10pm PST',
    },
    {
      name: 'older Instagram wording',
      text: 'Sunset over the bay\nA photo posted by Sam Lee (@samlee) on Aug 1, 2014 at 7:02pm PDT',
      want: { text: 'Sunset over the bay', author: 'Sam Lee', handle: '@samlee', date: '2014-08-01' },
    },
  ])('$name', ({ text, want, block, noDate }) => {
    const posts = findSocialPosts(text);
    expect(posts).toHaveLength(1);
    expect(posts[0]).toMatchObject(want);
    if (block) expect(text.slice(posts[0].blockStart, posts[0].blockEnd)).toBe(block);
    if (noDate) expect([posts[0].date, posts[0].dateText, text.slice(posts[0].blockEnd - 1, posts[0].blockEnd)]).toEqual([undefined, undefined, ')']);
    expectConsistent(text, posts);
  });

  test('consecutive posts: a bare signature after a post does not steal its text', () => {
    const text = 'First post — A (@a) November 1, 2015\n— B (@b) November 2, 2015\nSecond post\n— C (@c) November 3, 2015';
    const posts = findSocialPosts(text);
    expect(posts.map((p) => [p.handle, p.text, p.date])).toEqual([
      ['@a', 'First post', '2015-11-01'],
      ['@b', '', '2015-11-02'],
      ['@c', 'Second post', '2015-11-03'],
    ]);
    expectConsistent(text, posts);
  });

  test('links, hashtags and mentions', () => {
    const text =
      'Thanks @Bob and @bob_2, see https://example.com/a?b=1. and pic.twitter.com/XyZ… #Vote2020 #123 #vote2020 a@b.com @Me\n— Me Myself (@me) October 1, 2020';
    const [p] = findSocialPosts(text);
    expect(p.links).toEqual(['https://example.com/a?b=1', 'pic.twitter.com/XyZ']);
    // "#123" is no hashtag (Twitter needs a letter); case variants are kept as written.
    expect(p.hashtags).toEqual(['#Vote2020', '#vote2020']);
    // The author's own handle is left out whatever its case; an e-mail address is no mention.
    expect(p.mentionedHandles).toEqual(['@Bob', '@bob_2']);
  });
});

describe('no post', () => {
  test.each([
    ['a handle in the middle of prose', 'The claim was denied, said John Smith (@jsmith) on Monday, before the vote.'],
    ['prose ending "(@handle) on Monday"', 'The claim was first made — said John Smith (@jsmith) on Monday'],
    ['a handle followed by more prose', 'Sources — John Smith (@jsmith) — confirmed it later.'],
    ['parenthetical dashes', 'Officials — as the report said — knew of the plan.'],
    ['no dash before the name', 'John Smith (@jsmith) November 16, 2015'],
    ['no space before the dash', 'Text—John Smith (@jsmith) November 16, 2015'],
    ['a date without a year', 'Text — John Smith (@jsmith) November 16'],
    ['a relative date', 'Text — John Smith (@jsmith) yesterday'],
    ['a 31-character handle', 'Text — A (@abcdefghijklmnopqrstuvwxyz_1234) April 9, 2016'],
    ['an empty handle', 'Text — A (@) April 9, 2016'],
    ['a space inside the parentheses', 'Text — A (@ abc) April 9, 2016'],
    ['no name', 'Text — (@abc) April 9, 2016'],
    ['a name longer than Twitter allows', `Text — ${'Very Long Name '.repeat(5)}(@abc) April 9, 2016`],
    ['a quote attribution without handle', '"We did everything we could."\n– USCG dispatcher, CNN'],
    ['"— Name, Date" without handle', 'We will rebuild.\n— John Smith, November 16, 2015'],
    ['a list of accounts with hyphen bullets', 'Follow these reporters:\n- Jane Doe (@jane)\n- John Roe (@jroe)\n'],
    ['a second handle inside the name', 'Text — A (@a) B (@b) April 9, 2016'],
    ['an e-mail address', 'Contact us — Press Office (press@example.com) November 16, 2015'],
  ])('%s', (_name, text) => {
    expect(findSocialPosts(text)).toEqual([]);
  });
});

describe('robustness', () => {
  const big = 200_000;
  test.each([
    ['dashes and @ signs', '— @'.repeat(big / 3)],
    ['"(@" runs', '(@'.repeat(big / 2)],
    ['near-signatures', ' — A (@a '.repeat(big / 9)],
    ['near-signatures ending in a real one', ' — A (@a)'.repeat(big / 10) + ' — B (@b) May 1, 2018'],
    ['hyphens and spaces', '- '.repeat(big / 2) + '(@x) May 1, 2018'],
    ['a long link and hashtag run', 'https://' + '.'.repeat(big) + ' #' + 'a'.repeat(big) + ' — A (@a)'],
    ['many short lines', '— A (@a) May 1, 2018\n'.repeat(big / 20)],
    ['blank lines', '\n'.repeat(big) + '— A (@a)'],
  ])('%s: a 200 kB input finishes fast', (_name, text) => {
    const t0 = performance.now();
    const posts = findSocialPosts(text);
    expect(performance.now() - t0).toBeLessThan(1500);
    expectConsistent(text, posts);
  });

  test('offsets hold on arbitrary mixes of signature pieces', () => {
    const piece = fc.constantFrom(' ', '\n', '\r\n', '—', '–', '-', 'Ann', 'B.', '(@', 'x_1', ')', '#tag', 'pic.twitter.com/a', 'November 16, 2015', 'on ', 'A post shared by ', 'View this post on Instagram');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), (parts) => {
        const text = parts.join('');
        expectConsistent(text, findSocialPosts(text));
      }),
      { numRuns: 500 },
    );
  });
});
