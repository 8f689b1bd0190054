/** Every IRI the RDF output uses lives here. */
import { DataFactory } from 'n3';
import type { EventType } from '../extract/index.js';
export { RELATION_PROPERTY } from '../extract/index.js';

const { namedNode } = DataFactory;

export const PREFIXES = {
  nkg: 'https://newskg.org/ontology#',
  schema: 'https://schema.org/',
  sem: 'http://semanticweb.cs.vu.nl/2009/11/sem/',
  prov: 'http://www.w3.org/ns/prov#',
  skos: 'http://www.w3.org/2004/02/skos/core#',
  foaf: 'http://xmlns.com/foaf/0.1/',
  geo: 'http://www.w3.org/2003/01/geo/wgs84_pos#',
  rdf: 'http://www.w3.org/1999/02/22-rdf-syntax-ns#',
  rdfs: 'http://www.w3.org/2000/01/rdf-schema#',
  owl: 'http://www.w3.org/2002/07/owl#',
  xsd: 'http://www.w3.org/2001/XMLSchema#',
  sh: 'http://www.w3.org/ns/shacl#',
} as const;

/** A namespace's terms, created once each: the build uses the same few hundred thousand times. */
const ns = (base: string) => {
  const terms = new Map<string, ReturnType<typeof namedNode>>();
  return (local: string) => {
    let term = terms.get(local);
    if (!term) terms.set(local, (term = namedNode(base + local)));
    return term;
  };
};
export const nkg = ns(PREFIXES.nkg);
export const sem = ns(PREFIXES.sem);
export const schema = ns(PREFIXES.schema);
export const prov = ns(PREFIXES.prov);
export const skos = ns(PREFIXES.skos);
export const geo = ns(PREFIXES.geo);
export const rdf = ns(PREFIXES.rdf);
export const rdfs = ns(PREFIXES.rdfs);
export const owl = ns(PREFIXES.owl);
export const xsd = ns(PREFIXES.xsd);

/** GeoNames feature IRIs. */
export const geonames = (id: number) => namedNode(`https://sws.geonames.org/${id}/`);

/** Default base for minted data IRIs; `newskg build --base` replaces it. */
export const DEFAULT_BASE = 'https://newskg.org/id/';

/** The nkg class of each event type (a subclass of nkg:Event). */
export const EVENT_CLASS: Record<EventType, string> = {
  attack: 'Attack',
  bombing: 'Bombing',
  shooting: 'Shooting',
  stabbing: 'Stabbing',
  killing: 'Killing',
  death: 'Death',
  arrest: 'Arrest',
  warrant: 'Warrant',
  charge: 'Charge',
  trial: 'Trial',
  election: 'Election',
  protest: 'Protest',
  fire: 'Fire',
  explosion: 'Explosion',
  collapse: 'Collapse',
  disaster: 'Disaster',
  resignation: 'Resignation',
  'military-strike': 'MilitaryStrike',
  warning: 'Warning',
  meeting: 'Meeting',
  raid: 'Raid',
  manhunt: 'Manhunt',
};
