import { describe, expect, test } from 'vitest';
import { CATEGORY_OF, classLineage, ORGANIZATION_CLASSES, PARENT_CLASS, PLACE_CLASSES, WORK_CLASSES, type EntityClass } from '../src/types.js';

describe('the class tree', () => {
  test.each<[EntityClass, EntityClass[]]>([
    ['Person', ['Person']],
    ['Court', ['Organization', 'GovernmentOrganization', 'Court']],
    ['City', ['Place', 'City']],
    ['Movie', ['CreativeWork', 'Movie']],
    ['Legislation', ['Legislation']],
  ])('%s descends from %j', (cls, lineage) => {
    expect(classLineage(cls)).toEqual(lineage);
  });

  test('every class but Other has the category of its root, and the class sets follow the tree', () => {
    for (const cls of Object.keys(PARENT_CLASS) as EntityClass[]) {
      if (cls === 'Other') expect(CATEGORY_OF[cls]).toBeUndefined();
      else expect(CATEGORY_OF[cls], cls).toBe(CATEGORY_OF[classLineage(cls)[0]]);
    }
    expect(CATEGORY_OF.SportsTeam).toBe('organization');
    expect(CATEGORY_OF.VideoGame).toBe('work');
    expect(CATEGORY_OF.Product).toBe('product');
    expect([...PLACE_CLASSES].sort()).toEqual(['City', 'Country', 'Facility', 'Landform', 'Place', 'Region']);
    expect(ORGANIZATION_CLASSES.has('Court') && ORGANIZATION_CLASSES.has('PoliticalParty') && !ORGANIZATION_CLASSES.has('Person')).toBe(true);
    expect(WORK_CLASSES.has('Book') && !WORK_CLASSES.has('Product')).toBe(true);
  });
});
