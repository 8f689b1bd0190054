/** newskg's public API: re-exports only. */
export * from './types.js';
export * from './errors.js';
export * from './nlp/index.js';
export * from './ingest/index.js';
export * from './query/index.js';
