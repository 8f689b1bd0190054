import { describe, expect, test } from 'vitest';
import { learnedRelations } from '../../src/extract/learned-relations.js';
import { analyze } from '../../src/nlp/index.js';
import type { Doc, EntityClass, TypedMention } from '../../src/types.js';
import { typedMentions } from '../helpers/mentions.js';

/** The parse of `text` with its names placed by hand and typed. */
function typed(text: string, names: [string, EntityClass][]): [Doc, TypedMention[]] {
  const doc = analyze(text);
  return [doc, typedMentions(doc, names)];
}

const stated = (doc: Doc, m: TypedMention[]) => learnedRelations(doc, m, []).map((r) => `${m[r.subjectMention!].text} ${r.family} ${m[r.objectMention!].text}`);

describe('relations the shipped classifier reads', () => {
  test.each<[string, [string, EntityClass][], string]>([
    ['Tomas Brel, a spokesman for Drennow Corp., said the plant would close.', [['Tomas Brel', 'Person'], ['Drennow Corp.', 'Company']], 'Tomas Brel work Drennow Corp.'],
    ['Ecologist Ana Sousa of the University of Velmora in Tessaland said so.', [['Ana Sousa', 'Person'], ['University of Velmora', 'EducationalOrganization'], ['Tessaland', 'Region']], 'University of Velmora located Tessaland'],
    ['Ana Sousa was born in Velmora in 1932.', [['Ana Sousa', 'Person'], ['Velmora', 'City']], 'Ana Sousa live Velmora'],
  ])('%s', (text, names, fact) => {
    const [doc, m] = typed(text, names);
    expect(stated(doc, m)).toContain(fact);
  });

  test('a list of places is no containment, and a pair a rule already relates is left to the rule', () => {
    const [doc, m] = typed('Attorneys general from Velmora, Tessaland, Ostria and Drenmark joined the suit.', [['Velmora', 'Region'], ['Tessaland', 'Region'], ['Ostria', 'Region'], ['Drenmark', 'Region']]);
    expect(stated(doc, m)).toEqual([]);
    const [doc2, m2] = typed('Tomas Brel, a spokesman for Drennow Corp., said so.', [['Tomas Brel', 'Person'], ['Drennow Corp.', 'Company']]);
    // A residence the gazetteers do not know as a settlement, region or country is left out.
    const [doc3, m3] = typed('Ana Sousa was born in Velmora in 1932.', [['Ana Sousa', 'Person'], ['Velmora', 'Place']]);
    expect(stated(doc3, m3)).toEqual([]);
    const rule = { family: 'member' as const, subjectMention: 0, objectMention: 1, sentenceIndex: 0, start: 0, end: 10, confidence: 0.8, rule: 'test' };
    expect(learnedRelations(doc2, m2, [rule])).toEqual([]);
  });

  test.each<[string, [string, EntityClass][]]>([
    // A verb of anything but residence says where something happened, not where someone lives.
    ['Ana Sousa was arrested in Velmora on Sunday.', [['Ana Sousa', 'Person'], ['Velmora', 'City']]],
    ['Last month, Ana Sousa was airlifted from Velmora to a hospital.', [['Ana Sousa', 'Person'], ['Velmora', 'City']]],
    // An envoy "for" a country does not live there.
    ['Special Representative for Tessaland Ana Sousa said, "This is political."', [['Tessaland', 'Country'], ['Ana Sousa', 'Person']]],
  ])('no home or employer without a construction that can say it: %s', (text, names) => {
    const [doc, m] = typed(text, names);
    expect(stated(doc, m).filter((f) => / (live|work) /.test(f))).toEqual([]);
  });

  test('each relation carries its evidence: the sentence, the span of both names, a confidence and the rule', () => {
    const [doc, m] = typed('Tomas Brel, a spokesman for Drennow Corp., said so.', [['Tomas Brel', 'Person'], ['Drennow Corp.', 'Company']]);
    const [r] = learnedRelations(doc, m, []);
    expect(r).toMatchObject({ family: 'work', sentenceIndex: 0, start: m[0].start, end: m[1].end });
    expect(r.confidence).toBeGreaterThan(0.5);
    expect(r.confidence).toBeLessThanOrEqual(1);
    expect(r.rule).toMatch(/^learned: Work_For \(margin [\d.]+\)$/);
  });
});
