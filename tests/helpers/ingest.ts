/** What readArticles yields for paths, split into articles and problems (shared by the ingest tests). */
import { readArticles, type IngestResult } from '../../src/ingest/read.js';

/** Reads paths; `stdin` is the text "-" reads, `skipFolders` as readArticles takes them. */
export async function collect(paths: string[], stdin?: string, skipFolders?: string[]): Promise<IngestResult[]> {
  const out: IngestResult[] = [];
  const opts = { ...(stdin === undefined ? {} : { stdin: async () => new TextEncoder().encode(stdin) }), ...(skipFolders ? { skipFolders } : {}) };
  for await (const r of readArticles(paths, opts)) out.push(r);
  return out;
}

export const articles = (rs: IngestResult[]) => rs.flatMap((r) => ('article' in r ? [r.article] : []));
export const problems = (rs: IngestResult[]) => rs.flatMap((r) => ('problem' in r ? [r.problem] : []));
