/** buildGraph on small hand-made resolved articles, and its exports: graph.json, GEXF, GraphML. */
import { MultiDirectedGraph } from 'graphology';
import { parse as parseGexf } from 'graphology-gexf';
import { describe, expect, test } from 'vitest';
import { buildGraph, toGexf, toGraphJson, toGraphMl, writeGraphJson, type EntityGraph } from '../../src/graph/entity-graph.js';
import type { ArticleEvidence, EntityClass, EntityNode, ResolvedArticle, ResolvedEvent } from '../../src/types.js';

const BASE = 'https://example.org/kg/';
const BRAM = `${BASE}person/bram-osterlund`;
const GUILD = `${BASE}organization/tessel-guild`;
const MORVA = `${BASE}place/morva`;
const RAID = `${BASE}event/a1-1`;

/** An entity as the build merges it: `mentions` mentions, alternating between articles a1 and a2. */
function entity(iri: string, cls: EntityClass, label: string, mentions: number, extra: Partial<EntityNode> = {}): EntityNode {
  const category = cls === 'Person' ? 'person' : cls === 'Event' ? 'event' : cls === 'City' || cls === 'Country' ? 'place' : 'organization';
  return { iri, category, class: cls, label, aliases: [], handles: [], mentionCount: mentions, articles: mentions > 1 ? ['a1', 'a2'] : ['a1'], ...extra };
}

const ev = (articleId: string, sentenceIndex: number, confidence = 0.7, rule = 'subject + "led" + object'): ArticleEvidence => ({
  articleId,
  sentenceIndex,
  sentenceText: `Sentence ${sentenceIndex} of ${articleId}.`,
  sentenceStart: 100 * sentenceIndex,
  sentenceEnd: 100 * sentenceIndex + 20,
  start: 100 * sentenceIndex + 2,
  end: 100 * sentenceIndex + 9,
  confidence,
  rule,
});

const article = (id: string, r: Partial<ResolvedArticle>): ResolvedArticle => ({
  article: { id, text: 'x', origin: `<${id}>`, title: `Title ${id}`, ...(id === 'a1' ? { published: '2022-05-01', url: 'https://news.example/a1' } : {}) },
  sentences: [],
  entities: [],
  coMentions: [],
  relations: [],
  events: [],
  sources: [],
  posts: [],
  ...r,
});

const raid: ResolvedEvent = {
  iri: RAID,
  eventType: 'raid',
  label: 'raid, 2022-04-30',
  isNamed: false,
  mentions: [
    { start: 5, end: 9, text: 'raid', sentenceIndex: 0 },
    { start: 50, end: 54, text: 'raid', sentenceIndex: 1 },
  ],
  places: [{ iri: MORVA, evidence: ev('a1', 0, 0.6, 'event in place') }],
  actors: [{ iri: GUILD, evidence: ev('a1', 0, 0.6, 'subject of the event verb') }],
  targets: [],
  recipients: [],
  destinations: [],
  origins: [],
  topics: [],
  amounts: [],
  times: [{ earliest: '2022-04-30', latest: '2022-04-30', text: 'Saturday', evidence: ev('a1', 0) }],
  killed: [
    { value: 2, atLeast: false, evidence: ev('a1', 0) },
    { value: 4, atLeast: true, evidence: ev('a1', 1) },
  ],
  injured: [],
};

/** Bram leads the guild, said in five sentences of two articles; the guild raided Morva; Bram and Morva share a sentence. */
function fixture(): { entities: EntityNode[]; resolved: ResolvedArticle[] } {
  const entities = [entity(BRAM, 'Person', 'Bram Østerlund', 3, { aliases: ['Østerlund'] }), entity(GUILD, 'ArmedGroup', 'Tessel Guild', 1), entity(MORVA, 'City', 'Morva', 2, { geonamesId: 77, lat: 1.5, lon: 2.5 })];
  const lead = (articleId: string, s: number, confidence: number) => ({ family: 'lead' as const, subject: BRAM, object: GUILD, evidence: ev(articleId, s, confidence) });
  const resolved = [
    article('a1', {
      relations: [lead('a1', 0, 0.5), lead('a1', 1, 0.8), lead('a1', 2, 0.6), { family: 'lead', subject: BRAM, object: `${BASE}person/nobody`, evidence: ev('a1', 3) }],
      events: [raid],
      coMentions: [{ a: BRAM, b: MORVA, articleId: 'a1', sentenceIndex: 4, sentenceText: 'Bram Østerlund was seen in Morva.', start: 400, end: 433 }],
    }),
    article('a2', { relations: [lead('a2', 0, 0.5), lead('a2', 1, 0.5), { family: 'lead', subject: BRAM, object: BRAM, evidence: ev('a2', 2) }] }),
  ];
  return { entities, resolved };
}

const { entities, resolved } = fixture();
const graph = buildGraph(entities, resolved, { layout: false });
/**
 * A strict reader of the XML these exporters write (elements, attributes in double quotes, text,
 * the five entities and character references; no comments or CDATA): throws where the text is not
 * well-formed, so an unescaped <, & or " fails. The XML parsers at hand (xmldom, linkedom) accept those.
 */
interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: XmlElement[];
  text: string;
}
const ENTITY = /&(lt|gt|amp|quot|apos|#\d+|#x[0-9a-f]+);/gi;
const decode = (s: string) => s.replace(ENTITY, (_m, e: string) => ({ lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" })[e as 'lt'] ?? String.fromCodePoint(e[1] === 'x' ? parseInt(e.slice(2), 16) : Number(e.slice(1))));
function readXml(xml: string): XmlElement {
  const body = xml.replace(/^<\?xml version="1\.0" encoding="UTF-8"\?>\n/, '');
  const TOKEN = /<(\/?)([A-Za-z_][\w:.-]*)((?:\s+[A-Za-z_][\w:.-]*="[^"<]*")*)\s*(\/?)>|([^<]+)/gy;
  const root: XmlElement = { name: '', attrs: {}, children: [], text: '' };
  const stack = [root];
  let m: RegExpExecArray | null;
  let at = 0;
  while ((m = TOKEN.exec(body))) {
    at = TOKEN.lastIndex;
    const [, close, name, attrs, selfClosing, text] = m;
    if (text !== undefined) {
      if (text.replace(ENTITY, '').includes('&')) throw new Error(`unescaped & in text ${JSON.stringify(text)}`);
      stack.at(-1)!.text += decode(text);
      continue;
    }
    if (close) {
      if (stack.pop()!.name !== name) throw new Error(`</${name}> closes another element`);
      continue;
    }
    const el: XmlElement = { name, attrs: {}, children: [], text: '' };
    for (const [, k, v] of attrs.matchAll(/([A-Za-z_][\w:.-]*)="([^"]*)"/g)) {
      if (v.replace(ENTITY, '').includes('&')) throw new Error(`unescaped & in attribute ${k}="${v}"`);
      if (k in el.attrs) throw new Error(`attribute ${k} twice`);
      el.attrs[k] = decode(v);
    }
    stack.at(-1)!.children.push(el);
    if (!selfClosing) stack.push(el);
  }
  if (at !== body.length) throw new Error(`not well-formed at ${JSON.stringify(body.slice(at, at + 40))}`);
  if (stack.length !== 1 || root.children.length !== 1 || root.text.trim()) throw new Error('not one root element');
  return root.children[0];
}
const all = (el: XmlElement, name: string): XmlElement[] => [...(el.name === name ? [el] : []), ...el.children.flatMap((c) => all(c, name))];

const edgesOf = (g: EntityGraph) => g.mapEdges((_e, a, s, t) => ({ source: s, target: t, predicate: a.predicate, family: a.family, weak: a.weak, evidenceCount: a.evidenceCount }));

describe('nodes', () => {
  test('one node per entity and per unnamed event', () => {
    expect(graph.nodes().sort()).toEqual([BRAM, GUILD, MORVA, RAID].sort());
  });

  test.each([
    [BRAM, { label: 'Bram Østerlund', class: 'Person', category: 'person', mentionCount: 3, articles: 2, aliases: ['Østerlund'] }],
    [GUILD, { label: 'Tessel Guild', class: 'ArmedGroup', category: 'organization', mentionCount: 1, articles: 1 }],
    [MORVA, { label: 'Morva', class: 'City', category: 'place', mentionCount: 2, articles: 2, geonamesId: 77, lat: 1.5, lon: 2.5 }],
    [RAID, { label: 'raid, 2022-04-30', class: 'Event', category: 'event', mentionCount: 2, articles: 1, eventTypes: ['raid'], dateEarliest: '2022-04-30', dateLatest: '2022-04-30', killed: 4 }],
  ])('%s has its attributes', (iri, attrs) => {
    expect(graph.getNodeAttributes(iri)).toMatchObject(attrs);
  });

  test('a node grows with the number of articles that name it; without layout every node is at the origin', () => {
    graph.forEachNode((_n, a) => expect(a.size).toBe(3 + 3 * Math.log2(a.articles)));
    expect(graph.getNodeAttribute(BRAM, 'size')).toBe(6);
    expect(graph.getNodeAttribute(GUILD, 'size')).toBe(3);
    expect(graph.mapNodes((_n, a) => [a.x, a.y]).flat().every((v) => v === 0)).toBe(true);
    expect(graph.getNodeAttribute(GUILD, 'geonamesId')).toBeUndefined();
  });

  test('with layout the nodes get finite, distinct positions', () => {
    const laidOut = buildGraph(entities, resolved);
    const positions = laidOut.mapNodes((_n, a) => `${a.x},${a.y}`);
    expect(new Set(positions).size).toBe(4);
    expect(laidOut.mapNodes((_n, a) => [a.x, a.y]).flat().every(Number.isFinite)).toBe(true);
  });

  test("the graph's attributes summarise each article", () => {
    expect(graph.getAttribute('articles')).toEqual({ a1: { title: 'Title a1', published: '2022-05-01', url: 'https://news.example/a1' }, a2: { title: 'Title a2' } });
  });
});

describe('edges', () => {
  test('one edge per subject, predicate and object; none to unknown nodes, no self-loops', () => {
    expect(edgesOf(graph).sort((a, b) => a.predicate.localeCompare(b.predicate))).toEqual([
      { source: BRAM, target: MORVA, predicate: 'coMentionedWith', family: 'co-mention', weak: true, evidenceCount: 1 },
      { source: RAID, target: GUILD, predicate: 'hasActor', family: 'actor', weak: false, evidenceCount: 1 },
      { source: RAID, target: MORVA, predicate: 'hasPlace', family: 'place', weak: false, evidenceCount: 1 },
      { source: BRAM, target: GUILD, predicate: 'leads', family: 'lead', weak: false, evidenceCount: 5 },
    ]);
  });

  test('an edge keeps at most three evidence items, the first ones, with offsets and rule', () => {
    const lead = graph.findEdge((_e, a) => a.predicate === 'leads')!;
    const a = graph.getEdgeAttributes(lead);
    expect(a.evidence).toEqual([
      { articleId: 'a1', sentenceText: 'Sentence 0 of a1.', sentenceStart: 0, start: 2, end: 9, rule: 'subject + "led" + object' },
      { articleId: 'a1', sentenceText: 'Sentence 1 of a1.', sentenceStart: 100, start: 102, end: 109, rule: 'subject + "led" + object' },
      { articleId: 'a1', sentenceText: 'Sentence 2 of a1.', sentenceStart: 200, start: 202, end: 209, rule: 'subject + "led" + object' },
    ]);
    // Each further sentence adds 0.05 to the best confidence so far, up to 0.95.
    expect(a.confidence).toBeCloseTo(0.95, 10);
  });

  test('confidence grows by 0.05 per further sentence from the best one', () => {
    const twice = buildGraph(entities, [article('a2', { relations: [{ family: 'lead', subject: BRAM, object: GUILD, evidence: ev('a2', 0, 0.5) }, { family: 'lead', subject: BRAM, object: GUILD, evidence: ev('a2', 1, 0.7) }] })], { layout: false, events: [] });
    expect(twice.getEdgeAttributes(twice.edges()[0]).confidence).toBeCloseTo(0.75, 10);
  });

  test('a relation the article does not assert (a question, a negation, a plan) is no edge', () => {
    const asked = buildGraph(entities, [article('a2', { relations: [{ family: 'lead', subject: BRAM, object: GUILD, evidence: { ...ev('a2', 0, 0.9), factuality: 'question' } }] })], { layout: false, events: [] });
    expect(asked.size).toBe(0);
  });

  test('a co-mention edge is weak, at confidence 0.2, with the sentence but no fact offsets or rule', () => {
    const co = graph.getEdgeAttributes(graph.findEdge((_e, a) => a.weak)!);
    expect(co).toMatchObject({ confidence: 0.2, family: 'co-mention' });
    expect(co.evidence).toEqual([{ articleId: 'a1', sentenceText: 'Bram Østerlund was seen in Morva.', sentenceStart: 400 }]);
  });

  test('edge keys follow creation order, so identical builds give identical files', () => {
    expect(graph.edges()).toEqual(['e0', 'e1', 'e2', 'e3']);
    expect(toGraphJson(buildGraph(entities, resolved, { layout: false }))).toBe(toGraphJson(graph));
  });
});

describe('graph.json', () => {
  test('is written node by node, as the text of JSON.stringify(graph.export()), in chunks', () => {
    const chunks: string[] = [];
    writeGraphJson(graph, { write: (c) => chunks.push(c), end: () => chunks.push('<end>') });
    expect(chunks.at(-1)).toBe('<end>');
    expect(chunks.length).toBeGreaterThan(graph.order);
    expect(chunks.slice(0, -1).join('')).toBe(`${JSON.stringify(graph.export())}\n`);
    const bare = new MultiDirectedGraph() as EntityGraph;
    bare.addNode('a');
    bare.addNode('b');
    bare.addEdgeWithKey('e', 'a', 'b');
    expect(toGraphJson(bare)).toBe(`${JSON.stringify(bare.export())}\n`);
  });

  test('round-trips through graphology', () => {
    const json = toGraphJson(graph);
    expect(json.endsWith('}\n')).toBe(true);
    const back = MultiDirectedGraph.from(JSON.parse(json)) as EntityGraph;
    expect(back.order).toBe(4);
    expect(back.size).toBe(4);
    for (const n of graph.nodes()) expect(back.getNodeAttributes(n)).toEqual(graph.getNodeAttributes(n));
    for (const e of graph.edges()) {
      expect(back.getEdgeAttributes(e)).toEqual(graph.getEdgeAttributes(e));
      expect([back.source(e), back.target(e)]).toEqual([graph.source(e), graph.target(e)]);
    }
    expect(back.getAttribute('articles')).toEqual(graph.getAttribute('articles'));
    expect(back.type).toBe('directed');
    expect(back.multi).toBe(true);
  });
});

describe('the strict XML reader', () => {
  test.each(['<a>x & y</a>', '<a k="<"/>', '<a k="a"b"/>', '<a><b></a></b>', '<a/><b/>', '<a k="1" k="2"/>', '<a>x'])('refuses %j', (xml) => {
    expect(() => readXml(xml)).toThrow();
  });
  test('reads what is well-formed', () => {
    expect(readXml('<a k="1 &amp; &lt;2&gt;"><b>x &#38; y</b><c/></a>')).toEqual({ name: 'a', attrs: { k: '1 & <2>' }, text: '', children: [{ name: 'b', attrs: {}, children: [], text: 'x & y' }, { name: 'c', attrs: {}, children: [], text: '' }] });
  });
});

describe('GEXF and GraphML with hostile labels', () => {
  const HOSTILE = `Ada <b>"Quill"</b> & 'Co' \u0001\u000b end`;
  const SAFE = `Ada <b>"Quill"</b> & 'Co' \uFFFD\uFFFD end`;
  const ODD = `${BASE}organization/a?b=1&c=<2>`;
  const hostile = buildGraph(
    [entity(ODD, 'Company', HOSTILE, 1, { aliases: ['A & B', '<alias>'] }), entity(BRAM, 'Person', 'Bram Østerlund', 1)],
    [article('a1', { relations: [{ family: 'lead', subject: BRAM, object: ODD, evidence: ev('a1', 0) }] })],
    { layout: false, events: [] },
  );

  test('GEXF parses back with its labels, attributes and edges; characters XML forbids become U+FFFD', () => {
    const gexf = toGexf(hostile);
    expect(gexf).not.toContain('\u0001');
    const doc = readXml(gexf);
    expect(all(doc, 'node').map((n) => [n.attrs.id, n.attrs.label])).toEqual([[ODD, SAFE], [BRAM, 'Bram Østerlund']]);
    const back = parseGexf(MultiDirectedGraph, gexf);
    expect(back.order).toBe(2);
    expect(back.getNodeAttributes(ODD)).toMatchObject({ label: SAFE, class: 'Company', category: 'organization', mentionCount: 1, aliases: 'A & B; <alias>' });
    expect(back.getNodeAttributes(BRAM)).toMatchObject({ label: 'Bram Østerlund', class: 'Person' });
    expect(back.mapEdges((_e, a, s, t) => [s, t, a.predicate, a.family, a.evidenceCount])).toEqual([[BRAM, ODD, 'leads', 'lead', 1]]);
  });

  test('GraphML declares its keys once and escapes every value', () => {
    const graphml = toGraphMl(hostile);
    expect(graphml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<graphml')).toBe(true);
    expect(graphml.trimEnd().endsWith('</graphml>')).toBe(true);
    expect(graphml).not.toContain('\u0001');
    expect(graphml).not.toContain('<b>');
    expect(graphml).toContain('Ada &lt;b&gt;&quot;Quill&quot;&lt;/b&gt; &amp; &apos;Co&apos;');
    expect(graphml.match(/<key /g)).toHaveLength(11);
    const doc = readXml(graphml);
    expect(doc.name).toBe('graphml');
    const nodes = all(doc, 'node');
    expect(nodes.map((n) => n.attrs.id)).toEqual([ODD, BRAM]);
    const data = (n: XmlElement, key: string) => n.children.find((c) => c.name === 'data' && c.attrs.key === key)?.text;
    expect(data(nodes[0], 'n_label')).toBe(SAFE);
    expect(data(nodes[0], 'n_class')).toBe('Company');
    expect(data(nodes[0], 'n_mentionCount')).toBe('1');
    const [edge] = all(doc, 'edge');
    expect([edge.attrs.source, edge.attrs.target, data(edge, 'e_predicate'), data(edge, 'e_evidenceCount')]).toEqual([BRAM, ODD, 'leads', '1']);
  });
});
