/**
 * Coreference inside an article (resolve/coreference.ts): each sieve on made-up sentences through
 * the nlp stage, with the names typed by hand; then the chains through resolveArticle (one entity,
 * mentions that say how they were linked, bare surnames kept to their article) and the seed
 * article's "the officials", "they" and "he".
 */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { typeMentions } from '../../src/extract/index.js';
import { analyze } from '../../src/nlp/index.js';
import { places, processArticle } from '../../src/pipeline/article.js';
import { corefer, resolveArticle, withCoreference } from '../../src/resolve/index.js';
import { typedMentions } from '../helpers/mentions.js';
import type { Coreference, EntityClass, TypedMention } from '../../src/types.js';

function chains(text: string, names: [string, EntityClass][]): { coref: Coreference; all: TypedMention[]; pairs: string[] } {
  const doc = analyze(text);
  const typed = typedMentions(doc, names);
  const coref = corefer(doc, typed);
  const all = [...typed, ...coref.referring];
  const pairs = coref.links.map((l) => `${all[l.mention].text} -> ${all[l.antecedent].text} (${l.sieve})`);
  return { coref, all, pairs };
}

describe('coreference sieves', () => {
  test.each<[string, [string, EntityClass][], string[]]>([
    // names: a surname, a title and surname, an initial and surname; a first name where only one person has it
    ['Tomas Vrell spoke on Monday. Vrell said the talks failed.', [['Tomas Vrell', 'Person'], ['Vrell', 'Person']], ['Vrell -> Tomas Vrell (partial-name)']],
    ['Tomas Vrell spoke on Monday. Mr Vrell said the talks failed.', [['Tomas Vrell', 'Person'], ['Mr Vrell', 'Person']], ['Mr Vrell -> Tomas Vrell (partial-name)']],
    ['Tomas Vrell spoke on Monday. T. Vrell said the talks failed.', [['Tomas Vrell', 'Person'], ['T. Vrell', 'Person']], ['T. Vrell -> Tomas Vrell (partial-name)']],
    ['Mary Quarnby spoke on Monday. Mary said the talks failed.', [['Mary Quarnby', 'Person'], ['Mary', 'Person']], ['Mary -> Mary Quarnby (partial-name)']],
    // the person introduced first keeps the short form when two full names share it
    ['Tomas Vrell spoke on Monday with his father Anton Vrell. Vrell said the talks failed.', [['Tomas Vrell', 'Person'], ['Anton Vrell', 'Person'], ['Vrell@40', 'Person']], ['Vrell -> Tomas Vrell (partial-name)', 'his -> Tomas Vrell (pronoun)']],
    // an apposition and a predicate nominative
    ['Tomas Vrell, the president of Drennow Inc., resigned.', [['Tomas Vrell', 'Person'], ['Drennow Inc.', 'Company']], ['the president -> Tomas Vrell (apposition)']],
    ['Tomas Vrell is the chief executive.', [['Tomas Vrell', 'Person']], ['the chief executive -> Tomas Vrell (predicate-nominative)']],
    // people who speak for a body, and the description and pronoun that take them up
    ['Halvard Bank officials warned on Monday. The officials said they would cut rates.', [['Halvard Bank', 'Company']], ['Halvard Bank officials -> Halvard Bank (organization-members)', 'The officials -> Halvard Bank officials (description)', 'they -> The officials (pronoun)']],
    // a generic noun takes up the one company in view
    ['Drennow Inc. cut 300 jobs on Monday. The company said sales fell.', [['Drennow Inc.', 'Company']], ['The company -> Drennow Inc. (description)']],
    // a title before a name is a head noun later descriptions match
    ['President Tomas Vrell spoke on Monday. The president said the talks failed.', [['Tomas Vrell', 'Person']], ['The president -> Tomas Vrell (description)']],
    // pronouns by gender, and the subject first
    ['Mary Quarnby met John Vrell on Monday. She said the talks failed.', [['Mary Quarnby', 'Person'], ['John Vrell', 'Person']], ['She -> Mary Quarnby (pronoun)']],
    ['Mary Quarnby met John Vrell on Monday. He said the talks failed.', [['Mary Quarnby', 'Person'], ['John Vrell', 'Person']], ['He -> John Vrell (pronoun)']],
    // "I" in a quotation is its speaker
    ['"I will not resign," Tomas Vrell said on Monday.', [['Tomas Vrell', 'Person']], ['I -> Tomas Vrell (pronoun)']],
  ])('%s', (text, names, expected) => {
    expect(chains(text, names).pairs).toEqual(expect.arrayContaining(expected));
  });

  test.each<[string, [string, EntityClass][]]>([
    // a pronoun is not an argument of its antecedent's own verb
    ['Tomas Vrell praised him on Monday.', [['Tomas Vrell', 'Person']]],
    // "it" that refers to nothing
    ['It is likely that Drennow Inc. will cut jobs.', [['Drennow Inc.', 'Company']]],
    // two companies in view: "the company" could be either
    ['Drennow Inc. and Halvard Corp. cut jobs on Monday. The company said sales fell.', [['Drennow Inc.', 'Company'], ['Halvard Corp.', 'Company']]],
    // a modified description is not every president
    ['Tomas Vrell, the president of Velmora, spoke. The French president replied.', [['Tomas Vrell', 'Person'], ['Velmora', 'Country']]],
    // "he" does not take up a woman's name
    ['Mary Quarnby spoke on Monday. He said the talks failed.', [['Mary Quarnby', 'Person']]],
    // two people with the name, the short form first: not linked
    ['Vrell spoke on Monday. Tomas Vrell and Anton Vrell replied.', [['Vrell', 'Person'], ['Tomas Vrell', 'Person'], ['Anton Vrell', 'Person']]],
  ])('no link: %s', (text, names) => {
    const { pairs } = chains(text, names);
    expect(pairs.filter((p) => !p.endsWith('(exact-name)') && !/^(his|He) -> /.test(p) && !/^(the president|The French president) -> Tomas Vrell \((apposition)\)$/.test(p))).toEqual([]);
  });

  test('a labelled transcript: "I" is its paragraph\'s speaker, also in the unlabelled paragraphs after it; "you" in the interviewer\'s is the next speaker; "she" is not the speaker', () => {
    const text = '((WN)) Where did you grow up?\n((Mary Quarnby)) I grew up in Velmora.\nThen I moved. She told me to go.\n((WN)) Did you like it?';
    const { pairs } = chains(text, [['Mary Quarnby', 'Person'], ['Velmora', 'City']]);
    expect(pairs).toEqual(expect.arrayContaining(['you -> Mary Quarnby (pronoun)', 'I -> Mary Quarnby (pronoun)']));
    expect(pairs.filter((p) => p.startsWith('I -> ')).length).toBe(2);
    expect(pairs.some((p) => p.startsWith('She -> '))).toBe(false);
  });

  test('a surname the tagger took for a place is the person named in full before it, in every mention', () => {
    const text = 'Mary Warren spoke on Monday. Warren said the plan failed. Warren added that she would stay.';
    const doc = analyze(text);
    const typed = typedMentions(doc, [['Mary Warren', 'Person'], ['Warren', 'City'], ['Warren', 'City']]);
    const coref = corefer(doc, typed);
    expect(coref.persons).toEqual([1, 2]);
    expect(withCoreference(typed, coref).slice(0, 3).map((m) => m.class)).toEqual(['Person', 'Person', 'Person']);
    // A surname that is also a country stays the country.
    const other = analyze('Mary Jordan spoke on Monday. Jordan said the border was closed.');
    expect(corefer(other, typedMentions(other, [['Mary Jordan', 'Person'], ['Jordan', 'Country']])).persons).toEqual([]);
  });

  test('referring mentions carry their chain class and come after the names, participants first', () => {
    const { coref, all } = chains('Tomas Vrell, the president of Drennow Inc., spoke on Monday. He said the company would grow.', [['Tomas Vrell', 'Person'], ['Drennow Inc.', 'Company']]);
    expect(coref.referring.map((m) => [m.text, m.class, m.referring])).toEqual([
      ['He', 'Person', 'pronoun'],
      ['the company', 'Company', 'description'],
      ['the president', 'Person', 'description'],
    ]);
    expect(coref.participants).toBe(2);
    expect(all).toHaveLength(5);
  });
});

describe('chains become entities', () => {
  const BASE = 'https://example.org/kg/';
  const resolve = (id: string, text: string, names: [string, EntityClass][]) => {
    const doc = analyze(text);
    const typed = typedMentions(doc, names);
    const coref = corefer(doc, typed);
    return resolveArticle({ id, text, origin: 'test' }, doc, [...typed, ...coref.referring], BASE, undefined, coref.links);
  };

  test('a short form and a pronoun join the full name; their words never become its name', () => {
    const r = resolve('a1', 'Tomas Vrell spoke on Monday. Mr Vrell said he was tired.', [['Tomas Vrell', 'Person'], ['Mr Vrell', 'Person']]);
    expect(r.entities).toHaveLength(1);
    const [e] = r.entities;
    expect(e.label).toBe('Tomas Vrell');
    expect(e.aliases).toEqual(['Mr Vrell']);
    expect(e.mentions.map((m) => [m.text, m.coref?.sieve, m.coref?.referring])).toEqual([
      ['Tomas Vrell', undefined, undefined],
      ['Mr Vrell', 'partial-name', undefined],
      ['he', 'pronoun', 'pronoun'],
    ]);
    expect(e.mentions[2].coref).toMatchObject({ antecedentStart: 29 });
  });

  test('a bare surname stays in its article; a full name is one node across articles', () => {
    const a = resolve('aaaaaaaa11111111', 'Vrell spoke on Monday.', [['Vrell', 'Person']]);
    const b = resolve('bbbbbbbb22222222', 'Vrell spoke on Tuesday.', [['Vrell', 'Person']]);
    expect(a.entities[0].iri).toBe(`${BASE}person/vrell-aaaaaaaa`);
    expect(b.entities[0].iri).toBe(`${BASE}person/vrell-bbbbbbbb`);
    const c = resolve('cccccccc33333333', 'Tomas Vrell spoke. Vrell left.', [['Tomas Vrell', 'Person'], ['Vrell', 'Person']]);
    const d = resolve('dddddddd44444444', 'Tomas Vrell spoke again.', [['Tomas Vrell', 'Person']]);
    expect(c.entities.map((e) => e.iri)).toEqual([`${BASE}person/tomas-vrell`]);
    expect(d.entities.map((e) => e.iri)).toEqual([`${BASE}person/tomas-vrell`]);
  });
});

describe('the seed article', () => {
  const text = readFileSync(new URL('../../seeds/000_93913eae600d5a9a.txt', import.meta.url), 'utf8');
  const doc = analyze(text);
  const named = typeMentions(doc, places);
  const coref = corefer(doc, named);
  const all = [...named, ...coref.referring];
  const antecedentName = (i: number): string | undefined => {
    const seen = new Set<number>();
    let at: number | undefined = i;
    while (at !== undefined && all[at].referring && !seen.has(at)) {
      seen.add(at);
      at = coref.links.find((l) => l.mention === at)?.antecedent;
    }
    return at === undefined ? undefined : all[at].text;
  };
  const resolved = (word: string, sentence: string) => {
    const i = all.findIndex((m) => m.text === word && text.slice(doc.sentences[m.sentenceIndex].start, doc.sentences[m.sentenceIndex].end).startsWith(sentence));
    return i < 0 ? undefined : antecedentName(i);
  };

  test('"The officials said they warned France": the officials and "they" are Iraq\'s intelligence officials', () => {
    expect(resolved('The officials', 'The officials said')).toBe('Iraq intelligence');
    expect(resolved('they', 'The officials said')).toBe('Iraq intelligence');
  });

  test('the facts stated through them reach the entity', () => {
    const r = processArticle({ id: 'seed', text, origin: 'seed' }, 'https://newskg.org/id/');
    const warned = r.relations.filter((x) => x.family === 'warn').map((x) => `${x.subject.split('/').pop()} ${x.object.split('/').pop()}`);
    expect(warned).toEqual(expect.arrayContaining(['iraq france', 'iraq-intelligence france']));
  });
});
