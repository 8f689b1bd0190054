/** The ingest stage: files, folders and standard input → Articles, with a one-line problem for every input that yields none. */
export { MAX_INPUT_BYTES, decodeText, formatOf, parseContent, readArticles, sniffFormat, type Format, type IngestProblem, type IngestResult } from './read.js';
export { inferPublished, normaliseDate, articleId, toArticle } from './article.js';
export { looksLikeHeadline } from './text.js';
