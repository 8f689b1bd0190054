/** Which predicates a query can match: fixed ones and paths of them; 'all' whenever any quad could match. */
import { describe, expect, test } from 'vitest';
import { predicatesOf } from '../../src/query/query-predicates.js';

const EX = 'https://example.org/';
const PRE = `PREFIX ex: <${EX}> `;
const sorted = (need: ReturnType<typeof predicatesOf>) => (need === 'all' ? need : [...need].sort());

describe('predicatesOf', () => {
  test.each([
    ['a basic pattern', 'SELECT * WHERE { ?s ex:a ?o ; ex:b ?x }', ['a', 'b']],
    ['rdf:type as "a"', 'SELECT * WHERE { ?s a ex:C }', ['http://www.w3.org/1999/02/22-rdf-syntax-ns#type']],
    ['OPTIONAL, UNION, MINUS and GRAPH', 'SELECT * WHERE { { ?s ex:a ?o } UNION { ?s ex:b ?o } OPTIONAL { ?s ex:c ?z } MINUS { ?s ex:d ?o } GRAPH ?g { ?s ex:e ?o } }', ['a', 'b', 'c', 'd', 'e']],
    ['EXISTS in a filter', 'SELECT * WHERE { ?s ex:a ?o FILTER NOT EXISTS { ?o ex:f ?y } }', ['a', 'f']],
    ['a sub-query', 'SELECT * WHERE { ?s ex:a ?o { SELECT ?o WHERE { ?o ex:g ?y } } }', ['a', 'g']],
    ['sequence, alternative, inverse and one-or-more paths', 'SELECT * WHERE { ?s ex:a/ex:b|^ex:c ?o . ?o ex:d+ ?z }', ['a', 'b', 'c', 'd']],
    ['a CONSTRUCT: its template matches nothing', 'CONSTRUCT { ?s ex:t ?o } WHERE { ?s ex:a ?o }', ['a']],
    ['ASK', 'ASK { ?s ex:a ex:x }', ['a']],
    ['no pattern at all', 'SELECT (1 AS ?x) WHERE {}', []],
  ])('%s', (_what, query, expected) => {
    expect(sorted(predicatesOf(PRE + query))).toEqual(expected.map((p) => (p.includes(':') ? p : `${EX}${p}`)).sort());
  });

  test.each([
    ['a variable predicate', 'SELECT * WHERE { ?s ?p ?o }'],
    ['a variable predicate inside OPTIONAL', 'SELECT * WHERE { ?s ex:a ?o OPTIONAL { ?o ?p ?z } }'],
    ['a zero-or-more path (it matches every node)', 'SELECT * WHERE { ?s ex:a* ?o }'],
    ['a zero-or-one path', 'SELECT * WHERE { ?s ex:a? ?o }'],
    ['a negated property set', 'SELECT * WHERE { ?s !ex:a ?o }'],
    ['DESCRIBE', 'DESCRIBE ex:x'],
    ['a query SPARQL.js cannot read', 'SELECT * WHERE { ?s ex:a '],
  ])('%s needs every quad', (_what, query) => {
    expect(predicatesOf(PRE + query)).toBe('all');
  });
});
