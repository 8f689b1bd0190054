import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, test } from 'vitest';

// Runs the built CLI (npm test builds first).
const root = fileURLToPath(new URL('../..', import.meta.url));
const cli = join(root, 'dist', 'src', 'cli', 'main.js');
const run = promisify(execFile);

async function newskg(args: string[], input?: string): Promise<{ code: number; stdout: string; stderr: string }> {
  const child = run(process.execPath, [cli, ...args], { cwd: root, maxBuffer: 64 * 1024 * 1024 });
  if (input !== undefined) {
    child.child.stdin!.end(input);
  }
  try {
    const { stdout, stderr } = await child;
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe('newskg tag', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'newskg-cli-'));
    writeFileSync(join(dir, 'binary.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01, 0x02]));
    writeFileSync(join(dir, 'latin1.txt'), Buffer.from([0x43, 0x61, 0x66, 0xe9, 0x20, 0x6e, 0x6f, 0x69, 0x72]));
    writeFileSync(join(dir, 'empty.txt'), '');
    writeFileSync(join(dir, 'good.txt'), 'Maria Lopez flew from Madrid to Berlin on Tuesday.\n');
  });

  test('--conllu writes the seed article as CoNLL-U: Iraq is the nsubj of warned, France its obj', async () => {
    const r = await newskg(['tag', '--conllu', 'seeds/000_93913eae600d5a9a.txt']);
    expect(r.code).toBe(0);
    const block = r.stdout.split('\n\n').find((b) => /\n1\tIraq\t/.test(b) && /\n2\twarned\t/.test(b))!;
    expect(block).toContain('# text = Iraq warned France of planned attacks');
    const rows = block.split('\n').filter((l) => /^\d/.test(l)).map((l) => l.split('\t'));
    expect(rows.every((c) => c.length === 10)).toBe(true);
    expect(rows[0].slice(1, 8)).toEqual(['Iraq', 'Iraq', 'PROPN', 'NNP', '_', '2', 'nsubj']);
    expect(rows[1].slice(1, 8)).toEqual(['warned', 'warn', 'VERB', 'VBD', '_', '0', 'root']);
    expect(rows[2].slice(1, 8)).toEqual(['France', 'France', 'PROPN', 'NNP', '_', '2', 'obj']);
  });

  test('--json includes each word\'s lemma, tag, head and relation', async () => {
    const r = await newskg(['tag', '--json', '-'], 'Ada Brenn warned Kel Osk.\n');
    const words = JSON.parse(r.stdout).words as { text: string; lemma: string; head: number; deprel: string }[];
    expect(words.map((w) => w.text)).toEqual(['Ada', 'Brenn', 'warned', 'Kel', 'Osk', '.']);
    expect(words[2]).toMatchObject({ lemma: 'warn', head: -1, deprel: 'root' });
    expect(words.filter((w) => w.head === -1)).toHaveLength(1);
  });

  test('reads stdin with -', async () => {
    const r = await newskg(['tag', '-'], 'Angela Merkel met officials of the United Nations in Geneva.\n');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('[Angela Merkel]/PER');
    expect(r.stdout).toContain('[Geneva]/LOC');
  });

  test('bad files get one-line errors and the batch goes on', async () => {
    const r = await newskg(['tag', '--json', join(dir, 'binary.txt'), join(dir, 'latin1.txt'), join(dir, 'missing.txt'), join(dir, 'empty.txt'), join(dir, 'good.txt')]);
    expect(r.code).toBe(0);
    const errors = r.stderr.trim().split('\n');
    expect(errors).toHaveLength(3);
    expect(errors[0]).toMatch(/binary\.txt: looks like a binary file/);
    expect(errors[1]).toMatch(/latin1\.txt: is not valid UTF-8/);
    expect(errors[2]).toMatch(/missing\.txt: no such file/);
    const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatchObject({ tokens: 0, mentions: [] });
    expect(lines[1].mentions.map((m: { text: string }) => m.text)).toEqual(['Maria Lopez', 'Madrid', 'Berlin']);
  });

  test('exits non-zero only when nothing could be tagged', async () => {
    const r = await newskg(['tag', join(dir, 'missing.txt')]);
    expect(r.code).toBe(1);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });

  test('eval on a missing file is a one-line error', async () => {
    const r = await newskg(['eval', '--conll', join(dir, 'nope.conll')]);
    expect(r.code).toBe(1);
    expect(r.stderr.trim()).toMatch(/^newskg\/nlp: .*nope\.conll: no such file$/);
  });
});

describe('newskg eval', () => {
  test('scores a CoNLL file: conlleval report, POS accuracy and throughput', async () => {
    const r = await newskg(['eval', '--conll', join(root, 'tests', 'fixtures', 'conll', 'made-up.conll')]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/processed 25 tokens with 7 phrases; found: \d+ phrases; correct: \d+\./);
    expect(r.stdout).toMatch(/accuracy: +[\d.]+%; precision: +[\d.]+%; recall: +[\d.]+%; FB1: +[\d.]+/);
    expect(r.stdout).toMatch(/ +LOC: precision: /);
    expect(r.stdout).toMatch(/POS accuracy: [\d.]+%/);
    expect(r.stdout).toMatch(/throughput: [\d,]+ tokens\/s/);
  });
});

describe('newskg build', () => {
  test('builds the chosen formats, reports a bad input on one line and goes on', async () => {
    const out = mkdtempSync(join(tmpdir(), 'newskg-out-'));
    const bad = join(out, 'bad.txt');
    writeFileSync(bad, Buffer.from([0x00, 0x01]));
    const r = await newskg(['build', join(root, 'seeds', '000_93913eae600d5a9a.txt'), bad, '--out', out, '--format', 'ttl,json']);
    expect(r.code).toBe(0);
    expect(r.stderr.trim()).toMatch(/^newskg: .*bad\.txt: looks like a binary file/);
    expect(r.stdout).toMatch(/^built 1 articles in [\d.]+ s: \d+ entities \(.*Country.*\), \d+ events, \d+ relations, \d+ posts, \d+ edges, \d+ quads; 1 warnings/);
    expect(readdirSync(out).sort()).toEqual(['articles.jsonl.gz', 'bad.txt', 'graph.json', 'graph.qidx', 'graph.ttl']);
  });

  test('exits non-zero when nothing could be built, and refuses a bad base IRI or format', async () => {
    const out = mkdtempSync(join(tmpdir(), 'newskg-out-'));
    expect((await newskg(['build', join(out, 'missing.txt'), '--out', out])).code).toBe(1);
    const base = await newskg(['build', join(root, 'seeds', '000_93913eae600d5a9a.txt'), '--out', out, '--base', 'no iri']);
    expect(base.code).toBe(1);
    expect(base.stderr.trim()).toMatch(/^newskg\/build: base IRI "no iri" must be absolute/);
    const fmt = await newskg(['build', '--format', 'ttl,xml', '--out', out]);
    expect(fmt.code).toBe(1);
    expect(fmt.stderr).toMatch(/unknown format xml/);
  });
});
