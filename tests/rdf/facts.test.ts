/**
 * The seed article's facts as RDF: who warned whom, who leads what, where the attacks happened,
 * when, how many died, who is suspected, which outlets are cited, which posts are quoted; each
 * fact as a direct triple with a statement carrying its evidence sentence.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Parser, Store, type Literal } from 'n3';
import { beforeAll, describe, expect, test } from 'vitest';
import { build, type BuildResult } from '../../src/pipeline/index.js';
import { RELATION_PROPERTY } from '../../src/rdf/index.js';
import { PREFIXES } from '../../src/rdf/index.js';

const root = new URL('../../', import.meta.url).pathname;
const seed = join(root, 'seeds', '000_93913eae600d5a9a.txt');
const BASE = 'https://newskg.org/id/';
const NKG = PREFIXES.nkg;
const SEM = PREFIXES.sem;
const RDF = PREFIXES.rdf;
const XSD = PREFIXES.xsd;
const id = (path: string) => `${BASE}${path}`;

let store: Store;
let result: BuildResult;
let text: string;

beforeAll(async () => {
  const out = mkdtempSync(join(tmpdir(), 'newskg-facts-'));
  result = await build({ paths: [seed], out, base: BASE, formats: ['ttl'], collect: true });
  store = new Store(new Parser({ format: 'text/turtle' }).parse(readFileSync(join(out, 'graph.ttl'), 'utf8')));
  text = readFileSync(seed, 'utf8');
});

const objects = (s: string, p: string) => store.getObjects(s, p, null);
const values = (s: string, p: string) => objects(s, p).map((o) => o.value).sort();
/** The evidence sentences of the statements of (s, p, o). */
const evidence = (s: string, p: string, o: string) =>
  store
    .getSubjects(`${RDF}subject`, s, null)
    .filter((st) => store.has({ subject: st, predicate: { termType: 'NamedNode', value: `${RDF}predicate` }, object: { termType: 'NamedNode', value: p } } as never) && store.getObjects(st, `${RDF}object`, null).some((x) => x.value === o))
    .map((st) => objects(objects(st.value, `${NKG}sentence`)[0].value, `${NKG}anchorOf`)[0].value);
/** The one event of a kind with a given participant (by role). */
const eventWith = (cls: string, p: string, o: string) => store.getSubjects(p, o, null).map((s) => s.value).filter((s) => values(s, `${RDF}type`).includes(`${NKG}${cls}`));

describe("the seed article's facts", () => {
  test("Iraq warned France, a day before the Paris attacks", () => {
    expect(values(id('place/iraq'), `${NKG}warned`)).toEqual([id('place/france')]);
    expect(evidence(id('place/iraq'), `${NKG}warned`, id('place/france'))[0]).toMatch(/^Iraq warned France of planned attacks by ISIS/);
    const [warning] = eventWith('Warning', `${SEM}hasActor`, id('place/iraq'));
    expect(values(warning, `${NKG}hasTarget`)).toEqual([id('place/france')]);
    // "a day before" the attacks of "last week" (the week of 9–15 November 2015).
    expect(values(warning, `${SEM}hasEarliestBeginTimeStamp`)).toEqual(['2015-11-08']);
    expect(values(warning, `${SEM}hasLatestEndTimeStamp`)).toEqual(['2015-11-14']);
  });

  test('the Paris attacks: in Paris, last week, 129 killed (a number), as xsd:date and xsd:integer', () => {
    const attacks = id('event/paris-attacks');
    expect(values(attacks, `${RDF}type`)).toEqual(expect.arrayContaining([`${NKG}Event`, `${NKG}Attack`]));
    expect(values(attacks, `${SEM}hasPlace`)).toEqual([id('place/paris')]);
    const [killed] = objects(attacks, `${NKG}deathCount`) as Literal[];
    expect(killed.datatype.value).toBe(`${XSD}integer`);
    expect(Number(killed.value)).toBe(129);
    expect(evidence(attacks, `${NKG}deathCount`, killed.value)[0]).toContain('that killed 129 people');
    const [begin] = objects(attacks, `${SEM}hasEarliestBeginTimeStamp`) as Literal[];
    expect(begin.datatype.value).toBe(`${XSD}date`);
    expect(begin.value).toBe('2015-11-09');
    expect(values(attacks, `${SEM}hasLatestEndTimeStamp`)).toEqual(['2015-11-15']);
  });

  test('ISIS trained attackers in Raqqa, Syria', () => {
    expect(values(id('organization/islamic-state'), `${NKG}trainedIn`)).toEqual([id('place/raqqa')]);
    expect(values(id('place/raqqa'), `${NKG}locatedIn`)).toEqual([id('place/syria')]);
    expect(evidence(id('organization/islamic-state'), `${NKG}trainedIn`, id('place/raqqa'))[0]).toContain('ISIS was training attackers in Raqqa, Syria');
  });

  test('Abu Bakr al-Baghdadi ordered the attack', () => {
    const [ordered] = values(id('person/abu-bakr-al-baghdadi'), `${NKG}ordered`);
    expect(values(ordered, `${RDF}type`)).toContain(`${NKG}Attack`);
    expect(evidence(id('person/abu-bakr-al-baghdadi'), `${NKG}ordered`, ordered)[0]).toContain('orders issued by terrorist Abu Bakr al-Baghdadi');
  });

  test("Bernard Bajolet is the president of France's spy agency", () => {
    const agency = id('organization/france-spy-agency');
    expect(values(id('person/bernard-bajolet'), `${NKG}leads`)).toEqual([agency]);
    const st = store.getSubjects(`${RDF}subject`, id('person/bernard-bajolet'), null)[0].value;
    expect(values(st, `${NKG}role`)).toEqual(['president']);
  });

  test('French police issued a warrant for Abdeslam Salah, a suspect in the Paris attacks', () => {
    const [warrant] = eventWith('Warrant', `${SEM}hasActor`, id('organization/france-police'));
    expect(values(warrant, `${NKG}hasTarget`)).toEqual([id('person/abdeslam-salah')]);
    expect(values(id('person/abdeslam-salah'), `${NKG}suspectIn`)).toEqual([id('event/paris-attacks')]);
    expect(evidence(id('person/abdeslam-salah'), `${NKG}suspectIn`, id('event/paris-attacks')).join(' ')).toContain('identified as Abdeslam Salah');
  });

  test('the January attacks on Charlie Hebdo killed 23 and were linked to Al Qaeda', () => {
    const massacre = id('event/charlie-hebdo-massacre');
    expect(values(massacre, `${NKG}hasTarget`)).toEqual([id('organization/charlie-hebdo')]);
    expect(values(massacre, `${NKG}deathCount`)).toEqual(['23']);
    expect(values(massacre, `${SEM}hasEarliestBeginTimeStamp`)).toEqual(['2015-01-01']);
    expect(values(massacre, `${SEM}hasLatestEndTimeStamp`)).toEqual(['2015-01-31']);
    expect(values(massacre, `${NKG}linkedTo`)).toEqual([id('organization/al-qaeda')]);
  });

  test('the story cites the Times of Israel, the Associated Press and the Washington Post', () => {
    const article = id(`article/${result.resolved![0].article.id}`);
    expect(values(article, `${NKG}citesSource`)).toEqual([id('organization/associated-press'), id('organization/times-of-israel'), id('organization/washington-post')]);
    expect(values(id('organization/iraq-intelligence'), `${NKG}spokeTo`)).toEqual([id('organization/associated-press')]);
  });

  test('it quotes three tweets, each with author, handle, date and what it mentions', () => {
    const posts = store.getSubjects(`${RDF}type`, `${NKG}SocialMediaPosting`, null).map((p) => p.value);
    const byHandle = Object.fromEntries(posts.map((p) => [values(p, `${NKG}handle`)[0], p]));
    expect(Object.keys(byHandle).sort()).toEqual(['@Channel4News', '@DUhockeyFan', '@HarryBlackburn2']);
    const c4 = byHandle['@Channel4News'];
    expect(values(c4, 'https://schema.org/author')).toEqual([id('organization/channel-4-news')]);
    expect(values(c4, 'https://schema.org/datePublished')).toEqual(['2015-11-15']);
    expect(values(c4, 'https://schema.org/mentions')).toEqual(expect.arrayContaining([id('organization/france-police'), id('person/abdeslam-salah')]));
    expect(values(byHandle['@DUhockeyFan'], 'https://schema.org/author')).toEqual([id('person/w-patrick-wilson')]);
  });

  test('every relation triple has a statement whose sentence is the text at its offsets', () => {
    const properties = [...Object.values(RELATION_PROPERTY).map((p) => p.value), `${SEM}hasPlace`, `${SEM}hasActor`, `${NKG}hasTarget`, `${NKG}deathCount`, `${NKG}injuryCount`];
    let facts = 0;
    for (const p of properties) {
      for (const q of store.getQuads(null, p, null, null)) {
        facts++;
        const statements = store.getSubjects(`${RDF}subject`, q.subject, null).filter((st) => store.getObjects(st, `${RDF}predicate`, null)[0]?.value === p && store.getObjects(st, `${RDF}object`, null)[0]?.equals(q.object));
        expect(statements.length, `${q.subject.value} ${p} ${q.object.value}`).toBeGreaterThan(0);
        for (const st of statements) {
          const [sentence] = values(st.value, `${NKG}sentence`);
          const begin = Number(values(sentence, `${NKG}beginIndex`)[0]);
          const end = Number(values(sentence, `${NKG}endIndex`)[0]);
          expect(text.slice(begin, end)).toBe(values(sentence, `${NKG}anchorOf`)[0]);
          // The words that state the fact lie in that sentence.
          const words = values(st.value, `${NKG}beginIndex`).map(Number);
          if (words.length) expect(words[0]).toBeGreaterThanOrEqual(begin);
          expect(values(st.value, `${NKG}extractedBy`)).toHaveLength(1);
        }
      }
    }
    expect(facts).toBeGreaterThan(15);
  });
});
