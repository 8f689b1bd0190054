/**
 * A graph.json of any size for the viewer's tests and benchmark: nodes in clusters laid out as
 * blobs on a ring, edges mostly inside clusters, a third of them stated relations and the rest
 * co-mentions, events with dates, article counts that fall off as news coverage does, and
 * coordinates on the countries and cities (from the index alone, so the rest is as it was).
 */
import { mulberry32 } from '../../src/random.js';

const KINDS = ['Person', 'Organization', 'GovernmentOrganization', 'Country', 'City', 'Event'] as const;
const CATEGORY: Record<(typeof KINDS)[number], string> = { Person: 'person', Organization: 'organization', GovernmentOrganization: 'organization', Country: 'place', City: 'place', Event: 'event' };

export function generatedGraph(order: number, size: number, seed = 11): { nodes: { key: string; attributes: Record<string, unknown> }[]; edges: { key: string; source: string; target: string; attributes: Record<string, unknown> }[]; attributes: unknown; options: unknown } {
  const rand = mulberry32(seed);
  const clusters = Math.round(Math.sqrt(order));
  const nodes = Array.from({ length: order }, (_, i) => {
    const c = i % clusters;
    const angle = (2 * Math.PI * c) / clusters;
    const kind = KINDS[i % KINDS.length];
    // Most entities are named once; a few, in many articles (a Zipf-like tail).
    const articles = Math.max(1, Math.floor(1 / (rand() + 0.02)) - 1);
    return {
      key: `https://example.org/n/${i}`,
      attributes: {
        label: `Entity ${i}`,
        class: kind,
        category: CATEGORY[kind],
        aliases: [],
        handles: [],
        mentionCount: articles + (i % 7),
        articles,
        x: Math.cos(angle) * 1000 + (rand() - 0.5) * 120,
        y: Math.sin(angle) * 1000 + (rand() - 0.5) * 120,
        size: 3 + 3 * Math.log2(articles),
        community: c,
        ...(kind === 'Country' || kind === 'City' ? { lat: ((i * 37) % 130) - 55, lon: ((i * 73) % 360) - 180 } : {}),
        ...(kind === 'Event' ? { dateEarliest: `20${10 + (i % 10)}-01-01`, dateLatest: `20${10 + (i % 10)}-01-31` } : {}),
      },
    };
  });
  const edges = Array.from({ length: size }, (_, e) => {
    const a = Math.floor(rand() * order);
    const b = rand() < 0.85 ? (a + clusters * (1 + Math.floor(rand() * 5))) % order : Math.floor(rand() * order);
    const weak = e % 3 !== 0;
    return {
      key: `e${e}`,
      source: nodes[a].key,
      target: nodes[b === a ? (a + 1) % order : b].key,
      attributes: { predicate: weak ? 'coMentionedWith' : 'leaderOf', family: weak ? 'co-mention' : 'lead', weak, confidence: 0.2 + (e % 5) / 10, evidenceCount: 1, evidence: [] },
    };
  });
  return { attributes: { articles: {} }, options: { type: 'directed', multi: true, allowSelfLoops: false }, nodes, edges };
}
