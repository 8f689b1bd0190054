/** Reading SPARQL text: words in comments, IRIs and strings never count. */
import { describe, expect, test } from 'vitest';
import { declaredPrefixes, projectedVariables, queryForm, usedPrefixes } from '../../src/query/sparql-text.js';

describe('sparql text', () => {
  test.each([
    ['SELECT ?x WHERE { ?x ?p ?o }', 'select'],
    ['# a "quoted" <comment> with SELECT\nASK { ?x ?p ?o }', 'ask'],
    ['PREFIX ex: <http://example.org/delete#>\nCONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }', 'construct'],
    ['DESCRIBE <http://example.org/x>', 'describe'],
    ['SELECT ?x WHERE { ?x ?p """line\nwith a word""" }', 'select'],
    ['  INSERT DATA { <a:b> <a:c> <a:d> }', 'update'],
    ['PREFIX x: <y:>\nDELETE WHERE { ?a ?b ?c }', 'update'],
    ['WITH <g:> DELETE { ?a ?b ?c } WHERE { ?a ?b ?c }', 'update'],
    ['LOAD <http://example.org/data>', 'update'],
    ['nothing here', undefined],
  ])('%s is %s', (query, form) => {
    expect(queryForm(query)).toBe(form);
  });

  test('prefixes: declared, and used outside IRIs, strings and comments', () => {
    const q = 'PREFIX ex: <http://example.org/>\n# foo:bar in a comment\nSELECT ?x WHERE { ?x ex:p "baz:qux" ; nkg:q <http://a.org/b:c> ; :r 1 }';
    expect(declaredPrefixes(q)).toEqual(['ex']);
    expect(usedPrefixes(q).sort()).toEqual(['', 'ex', 'nkg']);
  });

  test('projected variables, with $ and expressions', () => {
    expect(projectedVariables('SELECT ?a $b (COUNT(?c) AS ?n) WHERE { ?a ?b ?c }')).toEqual(['a', 'b', 'n']);
    expect(projectedVariables('SELECT DISTINCT ?from ?to WHERE { ?x ?from ?to }')).toEqual(['from', 'to']);
    expect(projectedVariables('SELECT * WHERE { ?x ?y ?z }')).toBeUndefined();
  });
});
