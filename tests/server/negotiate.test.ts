/** Content negotiation for the SPARQL endpoint: q-values, specificity, aliases and the default. */
import { describe, expect, test } from 'vitest';
import { negotiate } from '../../src/server/negotiate.js';

describe('negotiate', () => {
  test.each([
    [undefined, 'results', 'application/sparql-results+json'],
    ['', 'graph', 'text/turtle'],
    ['*/*', 'graph', 'text/turtle'],
    ['application/rdf+xml', 'graph', 'application/rdf+xml'],
    ['application/sparql-results+xml, application/rdf+xml', 'results', 'application/sparql-results+xml'],
    ['application/json', 'results', 'application/sparql-results+json'],
    ['application/json', 'graph', 'application/ld+json'],
    ['text/xml', 'graph', 'application/rdf+xml'],
    ['application/x-turtle', 'graph', 'text/turtle'],
    // Browsers: text/html is not offered, application/xml (q .9) beats */* (q .8).
    ['text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8', 'results', 'application/sparql-results+xml'],
    ['text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8', 'graph', 'application/rdf+xml'],
    // The most specific range sets a type's q: text/turtle is refused although text/* is welcome.
    ['text/*, text/turtle;q=0', 'graph', 'text/n3'],
    ['application/json;q=0, */*', 'results', 'application/sparql-results+xml'],
    ['application/sparql-results+json;q=0.5, application/json, text/csv;q=0.6', 'results', 'text/csv'],
    // Ties go to the server's order.
    ['text/csv, application/sparql-results+json', 'results', 'application/sparql-results+json'],
    ['TEXT/CSV ; Q=0.7', 'results', 'text/csv'],
  ] as const)('%s for %s gives %s', (accept, kind, type) => {
    expect(negotiate(accept, kind)).toBe(type);
  });

  test.each([
    ['image/png', 'results'],
    ['application/sparql-results+json', 'graph'],
    ['text/turtle', 'results'],
    ['*/*;q=0', 'graph'],
    ['text/csv;q=2', 'results'],
    ['nonsense', 'graph'],
  ] as const)('%s for %s: nothing acceptable', (accept, kind) => {
    expect(negotiate(accept, kind)).toBeUndefined();
  });
});
