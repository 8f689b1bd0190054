/** `newskg eval --facts`: one facts file's article through the per-article stages, then the extract stage's scorer. */
import { InputError, NewskgError } from '../errors.js';
import { readFactsFile, scoreFacts, type FactsReport } from '../extract/index.js';
import { readArticles } from '../ingest/index.js';
import { DEFAULT_BASE } from '../rdf/index.js';
import type { ResolvedArticle } from '../types.js';
import { processArticle } from './article.js';

export async function evaluateFacts(file: string, base = DEFAULT_BASE, modelPath?: string): Promise<FactsReport> {
  const { gold, articlePath } = readFactsFile(file);
  let resolved: ResolvedArticle | undefined;
  for await (const item of readArticles([articlePath])) {
    if ('problem' in item) throw new InputError(`${articlePath}: ${item.problem.message}`);
    resolved = processArticle(item.article, base, modelPath);
  }
  if (!resolved) throw new NewskgError('eval', `${articlePath}: no article`);
  return scoreFacts(file, gold, resolved);
}
