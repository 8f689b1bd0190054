/** evaluateFacts: a made-up facts file and its article, end to end; missing articles and broken files. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { evaluateFacts } from '../../src/pipeline/evaluate.js';
import { prf } from '../../src/pipeline/index.js';
import { NewskgError } from '../../src/errors.js';

const TEXT = 'Norway warned Sweden of storms on Monday. Gunmen attacked a school in Bergen on Friday, killing three people. Tomas Vrell leads the Halvard Front.\n';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'newskg-eval-'));
  mkdirSync(join(dir, 'articles'));
  writeFileSync(join(dir, 'articles', 'storm.txt'), TEXT);
  mkdirSync(join(dir, 'facts'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const factsFile = (name: string, content: unknown) => {
  const path = join(dir, 'facts', name);
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
  return path;
};

describe('evaluateFacts', () => {
  test('scores relations, events and slots of the article the facts file names (found from a parent folder)', async () => {
    const file = factsFile('storm.json', {
      article: 'articles/storm.txt',
      relations: [
        { subject: 'Norway', relation: 'warn', object: 'Sweden', evidence: 'Norway warned Sweden' },
        { subject: 'Tomas Vrell', relation: 'lead', object: 'Halvard Front', evidence: 'Tomas Vrell leads the Halvard Front' },
        { subject: 'Sweden', relation: 'oppose', object: 'Norway', evidence: 'Norway warned Sweden' },
        { subject: 'Norway', relation: 'other', object: 'Sweden', evidence: 'Norway warned Sweden', note: 'not scored' },
      ],
      events: [{ type: 'attack', trigger: 'attacked', place: 'Bergen', date: '2021-03', killed: 3, actors: [], targets: [], evidence: 'Gunmen attacked a school in Bergen on Friday' }],
    });
    const report = await evaluateFacts(file);
    expect(report.file).toBe(file);
    expect(report.relations).toEqual({ gold: 3, predicted: 2, correct: 2 });
    expect(report.missed).toEqual(['Sweden oppose Norway']);
    expect(report.spurious).toEqual([]);
    expect(report.byFamily.warn).toEqual({ gold: 1, predicted: 1, correct: 1 });
    expect(report.byFamily.oppose).toMatchObject({ gold: 1, correct: 0 });
    expect(report.events).toMatchObject({ gold: 1, correct: 1 });
    expect(report.slots.place).toEqual({ gold: 1, correct: 1 });
    expect(report.slots.killed).toEqual({ gold: 1, correct: 1 });
    expect(prf(report.relations)).toEqual({ precision: 1, recall: 2 / 3, f1: 0.8 });
  });

  test.each([
    ['names a missing article', 'missing.json', { article: 'nowhere.txt' }, /^newskg\/eval: .*missing\.json: article nowhere\.txt not found$/],
    ['is not JSON', 'broken.json', '{ "article": ', /^newskg\/eval: .*broken\.json: not a facts file \(.+\)$/],
    ['has no article path', 'pathless.json', { relations: [] }, /^newskg\/eval: .*pathless\.json: no "article" path$/],
  ])('a facts file that %s is a one-line NewskgError naming it', async (_what, name, content, message) => {
    const err = await evaluateFacts(factsFile(name, content)).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(NewskgError);
    expect((err as Error).message).toMatch(message);
    expect((err as Error).message).not.toContain('\n');
  });

  test('an article that cannot be read is an InputError naming it', async () => {
    writeFileSync(join(dir, 'articles', 'binary.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0xff, 0xfe]));
    const err = await evaluateFacts(factsFile('binary.json', { article: 'articles/binary.txt' })).catch((e: unknown) => e);
    expect((err as Error).name).toBe('InputError');
    expect((err as Error).message).toMatch(/^newskg\/ingest: .*binary\.txt: .*binary/);
  });
});
