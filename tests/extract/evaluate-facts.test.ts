/** `newskg eval --facts`: the scorer on a made-up facts file, and the extractor on the seeds' facts files. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { evaluateFacts, factsFiles, prf, totalOf } from '../../src/pipeline/index.js';

const root = new URL('../../', import.meta.url).pathname;

describe('the facts scorer', () => {
  test('matches relations by family and any name of each side, events by anchor and type; ignores "other"', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'newskg-facts-'));
    writeFileSync(join(dir, 'a.txt'), 'Portugal warned Spain of floods on Tuesday. Gunmen attacked a market in Porto on Friday, killing five people.\n');
    writeFileSync(
      join(dir, 'a.json'),
      JSON.stringify({
        article: 'a.txt',
        relations: [
          { subject: 'Portugal', relation: 'warn', object: 'Spain', evidence: 'Portugal warned Spain' },
          { subject: 'Spain', relation: 'warn', object: 'Portugal', evidence: 'Portugal warned Spain' },
          { subject: 'Portugal', relation: 'other', object: 'Spain', evidence: 'Portugal warned Spain', note: 'not scored' },
        ],
        events: [{ type: 'shooting', trigger: 'attacked', place: 'Porto', date: '2021-03', killed: 5, actors: [], targets: [], evidence: 'Gunmen attacked a market in Porto on Friday' }],
      }),
    );
    const report = await evaluateFacts(join(dir, 'a.json'));
    expect(report.relations).toEqual({ gold: 2, predicted: 1, correct: 1 });
    expect(report.missed).toEqual(['Spain warn Portugal']);
    expect(report.events).toMatchObject({ gold: 1, correct: 1 });
    expect(report.slots.place).toEqual({ gold: 1, correct: 1 });
    expect(report.slots.killed).toEqual({ gold: 1, correct: 1 });
    expect(prf(report.relations)).toEqual({ precision: 1, recall: 0.5, f1: 2 / 3 });
  });

  test('a missing article or a broken file is a one-line error naming it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'newskg-facts-'));
    writeFileSync(join(dir, 'b.json'), JSON.stringify({ article: 'nowhere.txt' }));
    writeFileSync(join(dir, 'c.json'), '{ not json');
    await expect(evaluateFacts(join(dir, 'b.json'))).rejects.toThrow(/b\.json: article nowhere\.txt not found/);
    await expect(evaluateFacts(join(dir, 'c.json'))).rejects.toThrow(/c\.json: not a facts file/);
  });
});

describe('the extractor on the facts files of seven seeds (tests/fixtures/facts)', () => {
  test('relations, events, sources and posts score at least what they scored when this test was written', async () => {
    const reports = [];
    for (const file of factsFiles(join(root, 'tests', 'fixtures', 'facts'))) reports.push(await evaluateFacts(file));
    expect(reports).toHaveLength(7);
    const total = totalOf(reports);
    // Measured 76.9 / 49.2 (relations) and 47.6 / 80.0 (events, with the clause events); the floors leave room for noise-free refactoring only.
    expect(prf(total.relations).precision).toBeGreaterThanOrEqual(0.75);
    expect(prf(total.relations).recall).toBeGreaterThanOrEqual(0.45);
    expect(prf(total.events).precision).toBeGreaterThanOrEqual(0.45);
    expect(prf(total.events).recall).toBeGreaterThanOrEqual(0.75);
    expect(prf(total.posts).f1).toBe(1);
    expect(total.sources.correct).toBeGreaterThanOrEqual(5);
  });
});
