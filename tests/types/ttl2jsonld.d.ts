declare module '@frogcat/ttl2jsonld' {
  /** Parses Turtle into JSON-LD (a PEG parser independent of N3.js). */
  export function parse(turtle: string): unknown;
}
