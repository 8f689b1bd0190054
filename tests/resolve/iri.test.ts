/** Slugs and IRIs (resolve/iri.ts): normalised names slugged to [a-z0-9-], a hash when nothing is left. */
import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { mintIri, slug } from '../../src/resolve/iri.js';

const BASE = 'https://example.org/kg/';
const hashOf = (normalised: string) => `h-${createHash('sha256').update(normalised).digest('hex').slice(0, 12)}`;

describe('slug', () => {
  test.each([
    ['Velmora Police', 'velmora-police'],
    ['The Red Hand', 'red-hand'],
    ["Red Hand's", 'red-hand'],
    ["O'Brien", 'o-brien'],
    ['Sánchez de la Cruz', 'sanchez-de-la-cruz'],
    ['Red Hand!!!', 'red-hand'],
    ['  --Velmora--  ', 'velmora'],
    ['Route 66', 'route-66'],
    // hostile text: markup, paths, quotes, control and bidi characters never reach the IRI
    ['<script>alert(1)</script>', 'script-alert-1-script'],
    ['../../etc/passwd', 'etc-passwd'],
    ['a"b>c\\d', 'a-b-c-d'],
    ['x\u0000y\u202ez', 'x-y-z'],
    ['Velmora\n<http://evil.example/> .', 'velmora-http-evil-example'],
  ])('%j → %s', (name, s) => {
    expect(slug(name)).toBe(s);
  });

  test.each([
    ['">\\\u202e', '">\\\u202e'],
    ['', ''],
    ['   ', ''],
    ['日本', '日本'],
    ['!!!', '!!!'],
  ])('%j has no [a-z0-9] left: a hash of its normalised name', (name, normalised) => {
    expect(slug(name)).toBe(hashOf(normalised));
  });

  test('names that differ only in what normalisation drops share a slug; different ones do not', () => {
    expect(slug('THE RED HAND')).toBe(slug('Red Hand'));
    expect(slug('日本')).not.toBe(slug('中国'));
  });

  test('is at most 80 characters and never ends in a hyphen', () => {
    expect(slug('a'.repeat(100))).toBe('a'.repeat(80));
    const cut = slug('ab-'.repeat(40));
    expect(cut.length).toBeLessThanOrEqual(80);
    expect(cut).toBe('ab-'.repeat(26) + 'ab');
  });

  // moved from entities.test.ts
  test('any name gives an IRI of [a-z0-9-] only under the base', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (name) => {
        expect(slug(name)).toMatch(/^(?:[a-z0-9]+(?:-[a-z0-9]+)*|h-[0-9a-f]{12})$/);
        expect(mintIri(BASE, 'person', name).slice(BASE.length)).toMatch(/^person\/[a-z0-9-]+$/);
      }),
      { numRuns: 500 },
    );
  });
});

describe('mintIri', () => {
  test.each([
    ['person', 'Tomas Brel', `${BASE}person/tomas-brel`],
    ['organization', 'The Red Hand', `${BASE}organization/red-hand`],
    ['place', 'Velmora', `${BASE}place/velmora`],
    ['event', 'the Velmora attacks', `${BASE}event/velmora-attacks`],
    ['person', '<b>', `${BASE}person/b`],
  ] as const)('%s %j → %s', (category, name, iri) => {
    expect(mintIri(BASE, category, name)).toBe(iri);
  });

  test('the same name minted twice gives the same IRI', () => {
    expect(mintIri(BASE, 'person', 'Tomas Brel')).toBe(mintIri(BASE, 'person', 'TOMAS  BREL'));
  });
});
