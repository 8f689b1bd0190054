/** The kinds of event a predicate's lemma names, and the sense checks that keep other senses out. */
import { describe, expect, test } from 'vitest';
import { NOUN_EVENT_TYPES, VERB_EVENT_TYPES, senseFits } from '../../src/extract/event-types.js';
import { EVENT_CATEGORY_OF, EVENT_TYPES } from '../../src/types.js';

describe('event kinds', () => {
  test('every kind but the catch-all is in the ACE taxonomy or news’s own types above it', () => {
    for (const t of EVENT_TYPES) if (t !== 'occurrence' && !['fire', 'explosion', 'collapse', 'disaster'].includes(t)) expect(EVENT_CATEGORY_OF[t], t).toBeDefined();
  });

  test('the lists name lemmas, one kind each', () => {
    expect(VERB_EVENT_TYPES.get('buy')).toBe('transfer-ownership');
    expect(VERB_EVENT_TYPES.get('step_down')).toBe('end-position');
    expect(NOUN_EVENT_TYPES.get('acquisition')).toBe('transfer-ownership');
    for (const lemma of VERB_EVENT_TYPES.keys()) expect(lemma).toMatch(/^[a-z_-]+$/);
  });

  test.each([
    ['fire', 'end-position', { agent: 'Company', patient: 'Person' }, 'end-position'],
    ['fire', 'end-position', { agent: 'GovernmentOrganization', patientWord: 'rockets' }, undefined],
    ['sign', 'start-position', { agent: 'SportsTeam', patient: 'Person' }, 'start-position'],
    ['sign', 'start-position', { agent: 'Country', patientWord: 'treaty' }, 'agreement'],
    ['win', 'competition-result', { agent: 'Person', patientWord: 'election' }, 'election'],
    ['win', 'competition-result', { agent: 'Person', patientWord: 'support' }, undefined],
    ['beat', 'competition-result', { agent: 'SportsTeam', patient: 'SportsTeam' }, 'competition-result'],
    ['pay', 'transfer-money', { agent: 'Person', patientWord: 'tribute' }, undefined],
    ['release', 'release', { agent: 'Company', patientWord: 'statement' }, undefined],
  ] as const)('%s (%s) with %j is %s', (lemma, type, shape, expected) => {
    expect(senseFits(lemma, type, { ...shape, words: new Set() })).toBe(expected);
  });
});
