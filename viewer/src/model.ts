/** What the server sends (the shapes shared with the build, src/graph/json.ts) and how the viewer draws it. */
export type { EdgeAttributes, EntityDetails, EntityRelation, NodeAttributes } from '../../src/graph/json.js';

/** Colours of entity classes: related classes share a hue family. */
export const CLASS_COLORS: Record<string, string> = {
  Person: '#e4572e',
  Organization: '#4c6ef5',
  GovernmentOrganization: '#1c3faa',
  NewsMediaOrganization: '#7950f2',
  ArmedGroup: '#212529',
  Company: '#1098ad',
  Place: '#2f9e44',
  Country: '#2b8a3e',
  Region: '#66a80f',
  City: '#94d82d',
  Event: '#f59f00',
};

export const CLASS_LABELS: Record<string, string> = {
  Person: 'Person',
  Organization: 'Organisation',
  GovernmentOrganization: 'Government agency',
  NewsMediaOrganization: 'News media',
  ArmedGroup: 'Armed group',
  Company: 'Company',
  Place: 'Place',
  Country: 'Country',
  Region: 'Region',
  City: 'City',
  Event: 'Event',
};

/** Colours of relation families; event roles and weak co-mentions are muted. */
export const FAMILY_COLORS: Record<string, string> = {
  warn: '#d9480f',
  order: '#c2255c',
  train: '#862e9c',
  attack: '#c92a2a',
  kill: '#a61e4d',
  arrest: '#5f3dc4',
  accuse: '#e8590c',
  charge: '#e8590c',
  lead: '#1864ab',
  member: '#1971c2',
  located: '#2b8a3e',
  suspect: '#e67700',
  link: '#495057',
  meet: '#0b7285',
  say: '#5c940d',
  succeed: '#364fc7',
  support: '#2f9e44',
  oppose: '#c92a2a',
  place: '#37b24d',
  actor: '#f76707',
  target: '#e03131',
  'co-mention': '#ced4da',
};
