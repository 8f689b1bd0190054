/** Errors with stable names; messages start with the stage, e.g. "newskg/nlp: …". */

export class NewskgError extends Error {
  constructor(stage: string, message: string, options?: { cause?: unknown }) {
    super(`newskg/${stage}: ${message}`, options);
    this.name = 'NewskgError';
  }
}

/** A model file that is missing, corrupt, or built for other features than this code computes. */
export class ModelError extends NewskgError {
  constructor(message: string, options?: { cause?: unknown }) {
    super('nlp', message, options);
    this.name = 'ModelError';
  }
}

/** Input that cannot be read as text: missing file, binary data, too large. */
export class InputError extends NewskgError {
  constructor(message: string, options?: { cause?: unknown }) {
    super('ingest', message, options);
    this.name = 'InputError';
  }
}
