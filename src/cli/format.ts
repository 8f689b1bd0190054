/** Plain-text rendering of a tagged document for `newskg tag`. */
import type { Article, Doc } from '../types.js';

/** One line per sentence with entities in [brackets]/TYPE, then an entity summary. */
export function formatDoc(article: Article, doc: Doc): string {
  const lines: string[] = [`# ${article.origin}: ${doc.sentences.length} sentences, ${doc.tokens.length} tokens, ${doc.mentions.length} entity mentions`];
  if (article.title) lines.push(`# title: ${article.title}`);
  if (article.published) lines.push(`# published: ${article.published}${article.publishedInferred ? ' (inferred from the text)' : ''}`);
  let m = 0;
  for (let si = 0; si < doc.sentences.length; si++) {
    const s = doc.sentences[si];
    let out = '';
    let cursor = s.start;
    while (m < doc.mentions.length && doc.mentions[m].sentence === si) {
      const mention = doc.mentions[m++];
      out += doc.text.slice(cursor, mention.start) + `[${mention.text}]/${mention.type}`;
      cursor = mention.end;
    }
    out += doc.text.slice(cursor, s.end);
    lines.push(out.replace(/\s+/g, ' '));
  }
  const counts = new Map<string, { type: string; text: string; n: number }>();
  for (const mention of doc.mentions) {
    const key = `${mention.type}\t${mention.text}`;
    const c = counts.get(key);
    if (c) c.n++;
    else counts.set(key, { type: mention.type, text: mention.text, n: 1 });
  }
  lines.push('', '## entities');
  for (const c of [...counts.values()].sort((a, b) => a.type.localeCompare(b.type) || b.n - a.n || a.text.localeCompare(b.text))) {
    lines.push(`${c.type}\t${c.text}${c.n > 1 ? `\t×${c.n}` : ''}`);
  }
  return `${lines.join('\n')}\n\n`;
}
