/** The server stage: `newskg serve` (the viewer's files, the graph and entity routes) and the SPARQL endpoint. */
export { defaultViewerDir, handler, serve, type RunningServer, type ServeOptions } from './server.js';
export { DEFAULT_LIMITS, SparqlService, type SparqlLimits } from './sparql.js';
