/** Suggestions over labels and aliases: the names searched and their ranking (no DOM; the search box is searchbox.ts). */
import type { NodeAttributes } from './model.js';

/** A name to search: folded key, its node, and how a suggestion shows it. */
export interface Name {
  key: string;
  node: string;
  shown: string;
}

/** Case and accents folded away: "Élysée" and "elysee" match. */
export const fold = (s: string) => s.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();

/** Every node's label and aliases; an alias shows with the label it stands for. */
export function searchNames(nodes: { forEachNode(callback: (node: string, a: Pick<NodeAttributes, 'label' | 'aliases'>) => void): void }): Name[] {
  const names: Name[] = [];
  nodes.forEachNode((node, a) => {
    names.push({ key: fold(a.label), node, shown: a.label });
    for (const alias of a.aliases) names.push({ key: fold(alias), node, shown: `${alias} (${a.label})` });
  });
  return names;
}

/** Up to 10 names matching the query, one per node. */
export function suggest(names: readonly Name[], query: string): Name[] {
  const f = fold(query.trim());
  if (!f) return [];
  const seen = new Set<string>();
  // The name itself first, then names that start with the query (shortest first), then names that contain it.
  const starts = names.filter((n) => n.key.startsWith(f)).sort((a, b) => a.key.length - b.key.length);
  const contains = names.filter((n) => !n.key.startsWith(f) && n.key.includes(f));
  return [...starts, ...contains].filter((n) => !seen.has(n.node) && seen.add(n.node)).slice(0, 10);
}
