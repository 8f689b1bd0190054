/** formatDoc (newskg tag) and formatFactsReport (newskg eval --facts) on hand-made values. */
import { describe, expect, test } from 'vitest';
import { formatDoc, formatFactsReport } from '../../src/cli/format.js';
import type { FactsReport, Tally } from '../../src/pipeline/index.js';
import type { Article, Doc, EntityTag, Mention } from '../../src/types.js';

const TEXT = 'Ada Brenn met Kel Osk in Varn.\n\nThen  Ada Brenn left\nVarn.';
const mention = (tag: EntityTag, text: string, from: number, sentenceIndex: number): Mention => {
  const start = TEXT.indexOf(text, from);
  return { tag, text, start, end: start + text.length, tokenStart: 0, tokenEnd: 1, sentenceIndex, score: 0.9 };
};
const DOC: Doc = {
  text: TEXT,
  tokens: Array.from({ length: 13 }, (_, i) => ({ text: 'x', start: i, end: i + 1 })),
  sentences: [
    { start: 0, end: 30, tokenStart: 0, tokenEnd: 8 },
    { start: 32, end: 58, tokenStart: 8, tokenEnd: 13 },
  ],
  pos: [],
  chunks: [],
  ner: [],
  lemmas: [],
  heads: [],
  deprels: [],
  mentions: [mention('PER', 'Ada Brenn', 0, 0), mention('PER', 'Kel Osk', 0, 0), mention('LOC', 'Varn', 0, 0), mention('PER', 'Ada Brenn', 30, 1), mention('LOC', 'Varn', 30, 1)],
};
const ARTICLE: Article = { id: 'x1', text: TEXT, origin: 'news/varn.txt', title: 'In Varn', published: '2022-02-02' };

describe('formatDoc', () => {
  test('a header, one line per sentence with [mentions]/TAG and whitespace collapsed, then the entities by tag and count', () => {
    expect(formatDoc(ARTICLE, DOC)).toBe(
      [
        '# news/varn.txt: 2 sentences, 13 tokens, 5 entity mentions',
        '# title: In Varn',
        '# published: 2022-02-02',
        '[Ada Brenn]/PER met [Kel Osk]/PER in [Varn]/LOC.',
        'Then [Ada Brenn]/PER left [Varn]/LOC.',
        '',
        '## entities',
        'LOC\tVarn\t×2',
        'PER\tAda Brenn\t×2',
        'PER\tKel Osk',
        '',
        '',
      ].join('\n'),
    );
  });

  test('no title, an inferred date, no mentions', () => {
    const text = formatDoc({ id: 'x2', text: TEXT, origin: '<stdin>', published: '2022-02-01', publishedInferred: true }, { ...DOC, mentions: [] });
    expect(text.split('\n').slice(0, 4)).toEqual(['# <stdin>: 2 sentences, 13 tokens, 0 entity mentions', '# published: 2022-02-01 (inferred from the text)', 'Ada Brenn met Kel Osk in Varn.', 'Then Ada Brenn left Varn.']);
    expect(text.endsWith('\n## entities\n\n')).toBe(true);
  });
});

const tally = (gold: number, predicted: number, correct: number): Tally => ({ gold, predicted, correct });
const slots = { place: { gold: 2, correct: 1 }, date: { gold: 0, correct: 0 }, killed: { gold: 1, correct: 1 }, injured: { gold: 0, correct: 0 }, actors: { gold: 4, correct: 3 }, targets: { gold: 0, correct: 0 } };
const REPORT: FactsReport = {
  file: 'facts/varn.json',
  article: 'news/varn.txt',
  relations: tally(2, 1, 1),
  byFamily: { warn: tally(1, 1, 1), lead: tally(1, 0, 0) },
  events: tally(3, 4, 2),
  slots,
  sources: tally(0, 0, 0),
  posts: tally(1, 1, 1),
  missed: ['Kel Osk lead Varn Guard'],
  spurious: ['Varn warn Osk'],
};

describe('formatFactsReport', () => {
  const total = { relations: REPORT.relations, events: REPORT.events, slots, sources: REPORT.sources, posts: REPORT.posts, byFamily: REPORT.byFamily };
  const line = (name: string, p: string, r: string, f: string, counts: string) => `${name.padEnd(12)} precision ${p.padStart(6)}  recall ${r.padStart(6)}  F1 ${f.padStart(6)}  (${counts})`;

  test('a block per file, then the totals, the families in order and the slots', () => {
    expect(formatFactsReport([REPORT], total, false).split('\n')).toEqual([
      'news/varn.txt',
      `  ${line('relations', '100.0%', '50.0%', '66.7%', 'gold 2, found 1, correct 1')}`,
      `  ${line('events', '50.0%', '66.7%', '57.1%', 'gold 3, found 4, correct 2')}`,
      `  ${line('sources', '0.0%', '0.0%', '0.0%', 'gold 0, found 0, correct 0')}`,
      '',
      'all 1 files',
      `  ${line('relations', '100.0%', '50.0%', '66.7%', 'gold 2, found 1, correct 1')}`,
      `  ${line('events', '50.0%', '66.7%', '57.1%', 'gold 3, found 4, correct 2')}`,
      `  ${line('sources', '0.0%', '0.0%', '0.0%', 'gold 0, found 0, correct 0')}`,
      `  ${line('posts', '100.0%', '100.0%', '100.0%', 'gold 1, found 1, correct 1')}`,
      '  relations by family:',
      `    ${line('lead', '0.0%', '0.0%', '0.0%', 'gold 1, found 0, correct 0')}`,
      `    ${line('warn', '100.0%', '100.0%', '100.0%', 'gold 1, found 1, correct 1')}`,
      '  event slots of matched events (correct / gold):',
      '    place    1/2 (50.0%)',
      '    date     0/0',
      '    killed   1/1 (100.0%)',
      '    injured  0/0',
      '    actors   3/4 (75.0%)',
      '    targets  0/0',
      '',
    ]);
  });

  test('verbose lists what was missed and what was spurious under its file', () => {
    const lines = formatFactsReport([REPORT], total, true).split('\n');
    expect(lines.slice(4, 6)).toEqual(['    missed:   Kel Osk lead Varn Guard', '    spurious: Varn warn Osk']);
    expect(formatFactsReport([REPORT], total, false)).not.toContain('missed:');
  });

  test('no files: only the totals', () => {
    expect(formatFactsReport([], total, true).startsWith('\nall 0 files\n')).toBe(true);
  });
});
