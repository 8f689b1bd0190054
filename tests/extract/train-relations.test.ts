import { describe, expect, test } from 'vitest';
import { comparableName, evaluateRelations, trainRelationModel } from '../../src/extract/train-relations.js';
import { places } from '../../src/pipeline/index.js';

const FIXTURE = new URL('../fixtures/relations/made-up.json', import.meta.url).pathname;

describe('training and scoring the relation classifier', () => {
  test('names are compared without titles, a final full stop or a place\'s state', () => {
    expect(comparableName('President Tomas Brel', 'Peop')).toBe('Tomas Brel');
    expect(comparableName('Conn .', 'Loc')).toBe('Conn');
    expect(comparableName('North Bend , Ohio', 'Loc')).toBe('North Bend');
    expect(comparableName('Drennow Corp.', 'Org')).toBe('Drennow Corp');
  });

  test('the perceptron learns the made-up sentences it is trained on, and the scorer counts them', () => {
    const model = trainRelationModel(FIXTURE, { epochs: 10 });
    const report = evaluateRelations(FIXTURE, places, model);
    expect(report.sentences).toBe(8);
    // With the gold names, a model that has seen these sentences finds their relations and nothing else.
    expect(report.goldNames).toMatchObject({ gold: 7, correct: 7, predicted: 7 });
    expect(report.micro.gold).toBe(7);
    expect(Object.keys(report.byType).sort()).toEqual(['Kill', 'Live_In', 'Located_In', 'OrgBased_In', 'Work_For']);
    expect(Number.isFinite(model.minMargin)).toBe(true);
  });
});
