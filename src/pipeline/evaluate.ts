/** `newskg eval --facts` and `--coref`: articles through the per-article stages, then a scorer. */

import { InputError, NewskgError } from '../errors.js';
import { gumDocuments, readFactsFile, readGumDocument, scoreFacts, typeMentions, type FactsReport, type GumMention } from '../extract/index.js';
import { analyze } from '../nlp/index.js';
import { CorefTally, corefer, resolveArticle, withCoreference, type CorefScores } from '../resolve/index.js';
import { readArticles } from '../ingest/index.js';
import { DEFAULT_BASE } from '../rdf/index.js';
import type { ResolvedArticle } from '../types.js';
import { places, processArticle } from './article.js';

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

/** What `newskg eval --coref` reports: the chain scores over GUM's people, organisations and places. */
export interface CorefReport {
  documents: number;
  goldChains: number;
  systemChains: number;
  scores: CorefScores;
}

/** GUM's entity types whose chains newskg builds. */
const COREF_TYPES = new Set(['person', 'organization', 'place']);
/** What may follow a system mention inside the gold mention it stands for: the head ends a name or a description, post-modifiers follow. */
const POST_MODIFIER = /^(['’]s?)?($|\s*[,(]|\s+(of|in|at|from|for|on|who|whom|which|that|whose|with|to|and|or|as|based|led|known|called)\b)/;

/**
 * `newskg eval --coref DIR`: each GUM document through the per-article stages; the entities'
 * mentions (names, pronouns and descriptions) are the system chains, GUM's people, organisations
 * and places the gold ones. A system mention stands for the shortest gold mention that contains it
 * and ends with it (or continues with a post-modifier: "the president" in "the president of
 * France"). Singletons are left out on both sides, as CoNLL-2012 scores them.
 */
export function evaluateCoref(dir: string, opts: { subset?: 'news' | 'interview' | 'all'; sieves?: boolean } = {}): CorefReport {
  const tally = new CorefTally();
  const files = gumDocuments(dir, opts.subset ?? 'all');
  let goldChains = 0;
  let systemChains = 0;
  for (const file of files) {
    const { body, mentions } = readGumDocument(dir, file);
    const gold = mentions.filter((m) => COREF_TYPES.has(m.type));
    const article = { id: file, text: body, origin: file };
    const doc = analyze(body);
    const named = typeMentions(doc, places);
    const coreference = opts.sieves === false ? { referring: [], participants: 0, links: [], persons: [] } : corefer(doc, named);
    const typed = withCoreference(named, coreference);
    const resolved = resolveArticle(article, doc, typed, DEFAULT_BASE, undefined, coreference.links);
    const used = new Set<GumMention>();
    const keyOf = (start: number, end: number): string => {
      let best: GumMention | undefined;
      for (const g of gold) {
        if (used.has(g) || g.start > start || g.end < end || !POST_MODIFIER.test(body.slice(end, g.end))) continue;
        if (!best || g.end - g.start < best.end - best.start) best = g;
      }
      if (!best) return `system:${start}:${end}`;
      used.add(best);
      return `gold:${best.start}:${best.end}`;
    };
    const response = resolved.entities.map((e) => [...new Set(e.mentions.sort((a, b) => a.start - b.start).map((m) => keyOf(m.start, m.end)))]).filter((c) => c.length > 1);
    const byEid = new Map<number, string[]>();
    for (const g of gold) {
      const key = `gold:${g.start}:${g.end}`;
      const chain = byEid.get(g.eid) ?? [];
      if (!chain.includes(key)) chain.push(key);
      byEid.set(g.eid, chain);
    }
    const key = [...byEid.values()].filter((c) => c.length > 1);
    goldChains += key.length;
    systemChains += response.length;
    tally.add(key, response);
  }
  return { documents: files.length, goldChains, systemChains, scores: tally.scores() };
}
