/** The viewer's search suggestions, in Node: which names a query suggests, in which order. */
import { describe, expect, test } from 'vitest';
import { fold, searchNames, suggest } from '../../viewer/src/search.js';

/** Names of nodes n0, n1, … with these labels (and aliases after a |). */
function names(...nodes: string[]) {
  return searchNames({
    forEachNode: (callback) =>
      nodes.forEach((spec, i) => {
        const [label, ...aliases] = spec.split('|');
        callback(`n${i}`, { label, aliases });
      }),
  });
}

describe('suggest', () => {
  test.each([
    ['the name itself, then prefixes, shortest first', names('Paris Agreement', 'Parisian Times', 'Paris'), 'paris', ['Paris', 'Parisian Times', 'Paris Agreement']],
    ['prefixes before names that contain the query', names('Comparison Inc', 'Paris Agreement'), 'paris', ['Paris Agreement', 'Comparison Inc']],
    ['names that contain the query, in graph order', names('Comparison Inc', 'Apparis', 'Paris'), 'paris', ['Paris', 'Comparison Inc', 'Apparis']],
    ['case and accents folded', names('Élysée Palace', 'Elysee St', 'Elysium'), 'ÉLYSÉE', ['Elysee St', 'Élysée Palace']],
    ['the query trimmed', names('Iraq'), '  IRAQ ', ['Iraq']],
    ['an alias shown with its label', names('Islamic State|ISIS|ISIL'), 'isi', ['ISIS (Islamic State)']],
    ['each node once, by its best name', names('Republic of Iraq|Iraq', 'Iraqi Army'), 'iraq', ['Iraq (Republic of Iraq)', 'Iraqi Army']],
    ['nothing for an empty query', names('Iraq'), '   ', []],
    ['nothing when nothing matches', names('Iraq', 'France'), 'spain', []],
    ['at most 10, the shortest first', names(...Array.from({ length: 15 }, (_, i) => `Place ${15 - i}`)), 'place', ['Place 9', 'Place 8', 'Place 7', 'Place 6', 'Place 5', 'Place 4', 'Place 3', 'Place 2', 'Place 1', 'Place 15']],
  ])('%s', (_name, index, query, shown) => {
    expect(suggest(index, query).map((s) => s.shown)).toEqual(shown);
  });

  test('each suggestion names its node', () => {
    expect(suggest(names('France', 'Republic of France|France'), 'france').map((s) => s.node)).toEqual(['n0', 'n1']);
  });
});

describe('searchNames', () => {
  test('a label and each alias, folded', () => {
    expect(searchNames({ forEachNode: (callback) => callback('x', { label: 'Ça Va', aliases: ['Çv'] }) })).toEqual([
      { key: 'ca va', node: 'x', shown: 'Ça Va' },
      { key: 'cv', node: 'x', shown: 'Çv (Ça Va)' },
    ]);
  });

  test('fold drops case and accents', () => {
    expect(fold('Ünïcödé ÉTÉ')).toBe('unicode ete');
  });
});
