/** formatResultTable and formatEntity (newskg query, entity) on hand-made results. */
import { describe, expect, test } from 'vitest';
import { formatEntity, formatResultTable } from '../../src/cli/query.js';
import type { EntityInfo, RelationInfo, SparqlResult } from '../../src/query/index.js';

const uri = (value: string) => ({ type: 'uri' as const, value });
const lit = (value: string) => ({ type: 'literal' as const, value });

describe('formatResultTable', () => {
  test('a SELECT is an aligned table with a rule under the header and a row count', () => {
    const r: SparqlResult = { type: 'select', variables: ['who', 'n'], bindings: [{ who: lit('Ada Brenn'), n: lit('12') }, { who: uri('https://example.org/kel') }] };
    expect(formatResultTable(r)).toBe(['who                      n', '───────────────────────  ──', 'Ada Brenn                12', 'https://example.org/kel', '2 rows', ''].join('\n'));
  });

  test('one row is "1 row"; an empty SELECT says so', () => {
    expect(formatResultTable({ type: 'select', variables: ['x'], bindings: [{ x: lit('a') }] })).toBe('x\n─\na\n1 row\n');
    expect(formatResultTable({ type: 'select', variables: ['x'], bindings: [] })).toBe('(no results)\n');
  });

  test('cells are cut at 60 characters with an ellipsis, and their whitespace collapsed', () => {
    const long = `${'word '.repeat(20)}end`;
    const out = formatResultTable({ type: 'select', variables: ['text'], bindings: [{ text: lit(long) }, { text: lit('two\n\tlines') }] });
    const lines = out.split('\n');
    expect(lines[1]).toBe('─'.repeat(60));
    expect(lines[2]).toBe(`${'word '.repeat(20).slice(0, 59)}…`);
    expect(lines[3]).toBe('two lines');
  });

  test('ASK is true or false; a graph is its Turtle', () => {
    expect(formatResultTable({ type: 'ask', boolean: true })).toBe('true\n');
    expect(formatResultTable({ type: 'ask', boolean: false })).toBe('false\n');
    expect(formatResultTable({ type: 'graph', turtle: '<urn:a> <urn:b> <urn:c> .\n', triples: 1 })).toBe('<urn:a> <urn:b> <urn:c> .\n');
  });
});

describe('formatEntity', () => {
  const ada: EntityInfo = { iri: 'https://example.org/kg/person/ada-brenn', label: 'Ada Brenn', class: 'Person', aliases: ['Brenn', 'A. Brenn'], mentionCount: 7 };
  const guard: EntityInfo = { iri: 'https://example.org/kg/organization/varn-guard', label: 'Varn Guard', class: 'GovernmentOrganization', aliases: [], mentionCount: 2 };
  const rel: RelationInfo = { subject: ada, predicate: 'leads', object: guard, confidence: 0.7, evidence: [{ articleId: 'a1', sentenceText: 'Ada Brenn leads the Varn Guard.', start: 0, end: 30, confidence: 0.7, rule: 'r' }] };

  test('label, class, IRI, aliases, mentions, then a table of relations with their first evidence', () => {
    expect(formatEntity(ada, [rel, { ...rel, predicate: 'warned', evidence: [] }])).toBe(
      [
        'Ada Brenn (Person)',
        '  https://example.org/kg/person/ada-brenn',
        '  also: Brenn, A. Brenn',
        '  mentions: 7',
        '',
        'subject    predicate  object      evidence',
        '─────────  ─────────  ──────────  ───────────────────────────────',
        'Ada Brenn  leads      Varn Guard  Ada Brenn leads the Varn Guard.',
        'Ada Brenn  warned     Varn Guard',
        '',
      ].join('\n'),
    );
  });

  test('no aliases, no relations: no "also" line and no table', () => {
    expect(formatEntity(guard, [])).toBe('Varn Guard (GovernmentOrganization)\n  https://example.org/kg/organization/varn-guard\n  mentions: 2\n');
  });
});
