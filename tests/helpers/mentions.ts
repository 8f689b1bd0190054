/** Typed mentions placed by hand on an analysed made-up text (shared by the extract and resolve tests). */
import type { Doc, EntityClass, TypedMention } from '../../src/types.js';

/**
 * One typed mention per name, found in text order; "Velmora@0" searches from offset 0 again (for a
 * name inside a name). Each name must be a whole token span of the Doc.
 */
export function typedMentions(doc: Doc, names: readonly [string, EntityClass][]): TypedMention[] {
  const text = doc.text;
  let from = 0;
  return names.map(([spec, cls]): TypedMention => {
    const at = /^(.*)@(\d+)$/.exec(spec);
    const name = at ? at[1] : spec;
    const start = text.indexOf(name, at ? Number(at[2]) : from);
    const end = start + name.length;
    from = end;
    const tokenStart = doc.tokens.findIndex((t) => t.start === start);
    const tokenEnd = doc.tokens.findIndex((t) => t.end === end) + 1;
    if (start < 0 || tokenStart < 0 || tokenEnd <= tokenStart) throw new Error(`"${name}" is not a token span`);
    const sentenceIndex = doc.sentences.findIndex((s) => s.start <= start && start < s.end);
    return { text: name, start, end, tokenStart, tokenEnd, sentenceIndex, score: 1, class: cls, typingRules: ['test'] };
  });
}
