/** The closed-class language data (extract/lexicon.ts): verb forms, counts, the trigger and verb tables built from them. */
import { describe, expect, test } from 'vitest';
import { CASUALTY_VERBS, EVENT_TRIGGERS, RELATION_VERBS, ROLE_NOUNS, VIOLENT, parseCount, verbForms } from '../../src/extract/lexicon.js';

describe('verbForms', () => {
  test.each([
    ['warn', ['warn', 'warns', 'warned', 'warning']],
    ['attack', ['attack', 'attacks', 'attacked', 'attacking']],
    ['charge', ['charge', 'charges', 'charged', 'charging']],
    ['invade', ['invade', 'invades', 'invaded', 'invading']],
    ['deny', ['deny', 'denies', 'denied', 'denying']],
    ['play', ['play', 'plays', 'played', 'playing']],
    ['ambush', ['ambush', 'ambushes', 'ambushed', 'ambushing']],
    ['fix', ['fix', 'fixes', 'fixed', 'fixing']],
    ['stop', ['stop', 'stops', 'stopped', 'stopping']],
    ['plan', ['plan', 'plans', 'planned', 'planning']],
    ['target', ['target', 'targets', 'targeted', 'targeting']],
    ['detain', ['detain', 'detains', 'detained', 'detaining']],
  ])('regular: %s → %j', (base, forms) => {
    expect(verbForms(base)).toEqual(forms);
  });

  test.each([
    ['lead', ['led', 'leads', 'leading']],
    ['tell', ['told', 'tells', 'telling']],
    ['meet', ['met', 'meets', 'meeting']],
    ['strike', ['struck', 'stricken', 'strikes', 'striking']],
    ['slay', ['slew', 'slain', 'slays', 'slaying']],
    ['hit', ['hit', 'hits', 'hitting']],
  ])('irregular: %s has %j', (base, forms) => {
    const all = verbForms(base);
    expect(all[0]).toBe(base);
    for (const f of forms) expect(all).toContain(f);
  });

  test('the relation-verb table holds every form of each base, first family winning', () => {
    expect(['warned', 'alerting', 'cautions'].map((w) => RELATION_VERBS.get(w))).toEqual(['warn', 'warn', 'warn']);
    expect(['arrested', 'detains', 'captured'].map((w) => RELATION_VERBS.get(w))).toEqual(['arrest', 'arrest', 'arrest']);
    // "command" is both order and lead: the order family, listed first, keeps it.
    expect(RELATION_VERBS.get('commanded')).toBe('order');
    expect(RELATION_VERBS.get('told')).toBe('say');
    expect(RELATION_VERBS.get('walked')).toBeUndefined();
  });
});

describe('parseCount', () => {
  test.each<[string, number | undefined]>([
    ['129', 129],
    ['1,200', 1200],
    ['1200', 1200],
    ['12,000,000', 12_000_000],
    ['five', 5],
    ['Five', 5],
    ['nineteen', 19],
    ['twenty', 20],
    ['twenty-one', 21],
    ['Twenty-One', 21],
    ['ninety-nine', 99],
    ['dozen', 12],
    ['hundred', 100],
    // non-counts
    ['people', undefined],
    ['', undefined],
    ['1,20', undefined],
    ['1,2345', undefined],
    ['1.5', undefined],
    ['-3', undefined],
    ['zero', undefined],
    ['one-two', undefined],
    ['twenty-ten', undefined],
    ['twenty-twenty', undefined],
    ['ten-one', undefined],
    ['fivefold', undefined],
  ])('%j → %s', (word, value) => {
    expect(parseCount(word)).toBe(value);
  });
});

describe('word tables', () => {
  test.each([
    ['attacks', 'attack'],
    ['massacre', 'attack'],
    ['blast', 'bombing'],
    ['gunfire', 'shooting'],
    ['assassination', 'killing'],
    ['died', 'death'],
    ['detained', 'arrest'],
    ['indicted', 'charge'],
    ['referendum', 'election'],
    ['riots', 'protest'],
    ['wildfire', 'fire'],
    ['earthquake', 'disaster'],
    ['resigned', 'resignation'],
    ['airstrikes', 'military-strike'],
    ['summit', 'meeting'],
    ['manhunt', 'manhunt'],
  ])('trigger %s → %s', (word, type) => {
    expect(EVENT_TRIGGERS.get(word)).toBe(type);
  });

  test('casualty verbs give the count they report; violent types are the acts of violence', () => {
    expect(['killed', 'left', 'died', 'wounded', 'hurt'].map((w) => CASUALTY_VERBS.get(w))).toEqual(['killed', 'killed', 'killed', 'injured', 'injured']);
    expect(CASUALTY_VERBS.get('arrested')).toBeUndefined();
    expect([...VIOLENT].sort()).toEqual(['attack', 'bombing', 'killing', 'military-strike', 'shooting', 'stabbing']);
  });

  test('role nouns: heads lead, the rest are members', () => {
    expect(['president', 'mayor', 'commander', 'spokesman', 'minister', 'reporter'].map((w) => ROLE_NOUNS.get(w))).toEqual(['lead', 'lead', 'lead', 'member', 'member', 'member']);
    expect(ROLE_NOUNS.get('neighbour')).toBeUndefined();
  });
});
