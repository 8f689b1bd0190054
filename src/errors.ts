/**
 * Every error newskg throws, each class with a stable `name`; messages start with the stage
 * ("newskg/nlp: …"), so a one-line report says where the problem is.
 */

export class NewskgError extends Error {
  constructor(stage: string, message: string, options?: { cause?: unknown }) {
    super(`newskg/${stage}: ${message}`, options);
    this.name = 'NewskgError';
  }
}

/** A model file (or one of its sections) that is missing, corrupt, or built for other features than this code computes. */
export class ModelError extends NewskgError {
  constructor(message: string, options?: { cause?: unknown }) {
    super('nlp', message, options);
    this.name = 'ModelError';
  }
}

/** Input that cannot be read as an article: missing file, binary data, not UTF-8, too large, bad JSON. */
export class InputError extends NewskgError {
  constructor(message: string, options?: { cause?: unknown }) {
    super('ingest', message, options);
    this.name = 'InputError';
  }
}

/** A name or IRI that names nothing in the graph; `suggestions` are the closest names there are. */
export class NotFoundError extends NewskgError {
  constructor(
    readonly what: string,
    readonly suggestions: string[],
  ) {
    super('query', `no entity named ${JSON.stringify(what)}${suggestions.length ? `; did you mean ${suggestions.map((s) => JSON.stringify(s)).join(', ')}?` : ''}`);
    this.name = 'NotFoundError';
  }
}

/** A SPARQL query that does not parse, or asks for something this read-only graph refuses. */
export class QueryError extends NewskgError {
  constructor(message: string) {
    super('query', message);
    this.name = 'QueryError';
  }
}

/** A worker thread (article, layout or query worker) that is missing, stopped, or took too long. */
export class WorkerError extends NewskgError {
  constructor(stage: string, message: string, options?: { cause?: unknown }) {
    super(stage, message, options);
    this.name = 'WorkerError';
  }
}
