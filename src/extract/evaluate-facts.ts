/**
 * `newskg eval --facts`: scores what the extractor reads from an article against a small
 * hand-made facts file (format: tests/fixtures/facts/README.md). Relations are matched by
 * family and by subject and object name (any name the entity goes by); an event in a place
 * ("the attacks in Paris") also counts as a "located" relation. Events are matched by type and
 * anchor (one of the extracted event's mentions lies inside the gold event's evidence or its
 * listed mentions); for matched events, place, date, counts, actors and targets are scored as
 * slots. Gold facts of the family or type "other" are not scored: nothing extracts them.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { NewskgError } from '../errors.js';
import { RELATION_FAMILIES, type EventType, type ResolvedArticle } from '../types.js';
import { VIOLENT } from './lexicon.js';
import { normaliseName } from './names.js';

interface GoldRelation {
  subject: string;
  relation: string;
  object: string;
}
interface GoldEvent {
  type: string;
  place?: string;
  date?: string;
  killed?: number;
  injured?: number;
  actors?: string[];
  targets?: string[];
  name?: string;
  evidence: string;
  mentions?: string[];
}
export interface GoldFile {
  article: string;
  relations?: GoldRelation[];
  events?: GoldEvent[];
  sources?: string[];
  posts?: { handle: string; author?: string }[];
}

export interface Tally {
  gold: number;
  predicted: number;
  correct: number;
}
export interface SlotTally {
  gold: number;
  correct: number;
}

export interface FactsReport {
  file: string;
  article: string;
  relations: Tally;
  /** Relations by family: how many gold, predicted and correct. */
  byFamily: Record<string, Tally>;
  events: Tally;
  slots: Record<'place' | 'date' | 'killed' | 'injured' | 'actors' | 'targets', SlotTally>;
  sources: Tally;
  posts: Tally;
  /** Gold relations no extracted relation matched, and extracted ones no gold matched (for error analysis). */
  missed: string[];
  spurious: string[];
}

const SLOTS = ['place', 'date', 'killed', 'injured', 'actors', 'targets'] as const;
const tally = (): Tally => ({ gold: 0, predicted: 0, correct: 0 });

export function prf(t: Tally): { precision: number; recall: number; f1: number } {
  const precision = t.predicted ? t.correct / t.predicted : 0;
  const recall = t.gold ? t.correct / t.gold : 0;
  return { precision, recall, f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0 };
}

/** The facts files under a path (a file, or the .json files of a folder). */
export function factsFiles(path: string): string[] {
  if (statSync(path).isDirectory()) return readdirSync(path).filter((f) => f.endsWith('.json')).sort().map((f) => join(path, f));
  return [path];
}

/** Finds the article a facts file names: relative to the working folder, else to the facts file's folder or its parents. */
function locateArticle(file: string, article: string): string {
  const candidates = [resolve(article)];
  for (let dir = dirname(resolve(file)); ; dir = dirname(dir)) {
    candidates.push(join(dir, article));
    if (dirname(dir) === dir) break;
  }
  const found = candidates.find((c) => {
    try {
      return statSync(c).isFile();
    } catch {
      return false;
    }
  });
  if (!found) throw new NewskgError('eval', `${file}: article ${article} not found`);
  return found;
}

/** A facts file and the path of the article it describes. */
export function readFactsFile(file: string): { gold: GoldFile; articlePath: string } {
  let gold: GoldFile;
  try {
    gold = JSON.parse(readFileSync(file, 'utf8')) as GoldFile;
  } catch (err) {
    throw new NewskgError('eval', `${file}: not a facts file (${(err as Error).message.split('\n')[0]})`);
  }
  if (typeof gold.article !== 'string') throw new NewskgError('eval', `${file}: no "article" path`);
  return { gold, articlePath: locateArticle(file, gold.article) };
}

/** Scores what was built from an article against its facts file. */
/** The event kinds the facts files annotate (tests/fixtures/facts/README.md, "Event types"). */
const GOLD_KINDS = new Set<EventType>(['attack', 'bombing', 'shooting', 'stabbing', 'killing', 'death', 'arrest', 'warrant', 'charge', 'trial', 'election', 'protest', 'fire', 'explosion', 'collapse', 'disaster', 'resignation', 'military-strike', 'warning', 'meeting']);
/** Finer kinds the clauses read that the files' table files under one of its kinds ("trial" covers conviction and sentence). */
const GOLD_KIND_OF: Partial<Record<EventType, EventType>> = { conviction: 'trial', sentencing: 'trial', acquittal: 'trial', 'end-position': 'resignation', injury: 'attack' };

export function scoreFacts(file: string, gold: GoldFile, r: ResolvedArticle): FactsReport {
  const text = r.article.text;
  // Every name an IRI goes by in this article: entity labels and aliases, event labels.
  const names = new Map<string, Set<string>>();
  const addName = (iri: string, name: string) => {
    if (!names.has(iri)) names.set(iri, new Set());
    names.get(iri)!.add(normaliseName(name));
  };
  for (const e of r.entities) for (const n of [e.label, ...e.aliases]) addName(e.iri, n);
  for (const e of r.events) addName(e.iri, e.label);
  // A name matches when equal, or when one multi-word name holds the other whole ("Sayyid Ali Hosseini Khamenei").
  const is = (iri: string, name: string) => {
    const n = normaliseName(name);
    const known = names.get(iri);
    if (!known) return false;
    if (known.has(n)) return true;
    return [...known].some((k) => (k.includes(' ') || n.includes(' ')) && (` ${k} `.includes(` ${n} `) || ` ${n} `.includes(` ${k} `)));
  };
  const label = (iri: string) => [...(names.get(iri) ?? [iri])][0];

  // Relations. An event's place may stand for a gold "located" relation; unmatched, it is scored with the events, not here.
  const unique = [...new Map(r.relations.map((x) => [`${x.family} ${x.subject} ${x.object}`, { family: x.family as string, subject: x.subject, object: x.object }])).values()];
  const eventPlaces = r.events.flatMap((e) => e.places.map((p) => ({ family: 'located', subject: e.iri, object: p.iri })));
  const scored = (gold.relations ?? []).filter((g) => (RELATION_FAMILIES as readonly string[]).includes(g.relation));
  const relations = tally();
  const byFamily: Record<string, Tally> = {};
  const fam = (f: string) => (byFamily[f] ??= tally());
  relations.gold = scored.length;
  relations.predicted = unique.length;
  for (const g of scored) fam(g.relation).gold++;
  for (const p of unique) fam(p.family).predicted++;
  const used = new Set<number>();
  const missed: string[] = [];
  const matches = (p: { family: string; subject: string; object: string }, g: GoldRelation) => p.family === g.relation && is(p.subject, g.subject) && is(p.object, g.object);
  for (const g of scored) {
    const i = unique.findIndex((p, k) => !used.has(k) && matches(p, g));
    if (i < 0) {
      if (g.relation === 'located' && eventPlaces.some((p) => matches(p, g))) {
        relations.correct++;
        relations.predicted++;
        fam(g.relation).correct++;
        fam(g.relation).predicted++;
        continue;
      }
      missed.push(`${g.subject} ${g.relation} ${g.object}`);
      continue;
    }
    used.add(i);
    relations.correct++;
    fam(g.relation).correct++;
  }
  const spurious = unique.filter((_, k) => !used.has(k)).map((p) => `${label(p.subject)} ${p.family} ${label(p.object)}`);

  // Events: anchored by a mention inside the gold evidence (or a listed mention), of a compatible type.
  const spans = (g: GoldEvent) =>
    [g.evidence, ...(g.mentions ?? [])].flatMap((s) => {
      const out: [number, number][] = [];
      for (let at = text.indexOf(s); at >= 0; at = text.indexOf(s, at + 1)) out.push([at, at + s.length]);
      return out;
    });
  const compatible = (a: string, b: EventType) => a === b || (VIOLENT.has(a as EventType) && VIOLENT.has(b)) || GOLD_KIND_OF[b] === a;
  const goldEvents = (gold.events ?? []).filter((g) => g.type !== 'other');
  // The gold files annotate the kinds of their README's table and file every other happening as
  // "other", which is scored on neither side: a clause event of another kind is no false positive.
  const scoredEvents = r.events.filter((e) => GOLD_KINDS.has(e.eventType) || GOLD_KIND_OF[e.eventType] !== undefined);
  const events: Tally = { gold: goldEvents.length, predicted: scoredEvents.length, correct: 0 };
  const slots = Object.fromEntries(SLOTS.map((s) => [s, { gold: 0, correct: 0 }])) as FactsReport['slots'];
  const taken = new Set<number>();
  for (const g of goldEvents) {
    const anchors = spans(g);
    const k = scoredEvents.findIndex((e, i) => !taken.has(i) && compatible(g.type, e.eventType) && e.mentions.some((m) => anchors.some(([a, b]) => m.start >= a && m.end <= b)));
    if (k < 0) {
      for (const s of SLOTS) if (g[s] !== undefined && (!Array.isArray(g[s]) || (g[s] as string[]).length)) slots[s].gold++;
      continue;
    }
    taken.add(k);
    events.correct++;
    const e = scoredEvents[k];
    const slot = (s: (typeof SLOTS)[number], ok: boolean) => {
      slots[s].gold++;
      if (ok) slots[s].correct++;
    };
    if (g.place) slot('place', e.places.some((p) => is(p.iri, g.place!)));
    if (g.date) slot('date', e.times.some((t) => t.earliest <= periodEnd(g.date!) && t.latest >= g.date! && daysBetween(t.earliest, t.latest) <= 31));
    if (g.killed !== undefined) slot('killed', e.killed.some((c) => c.value === g.killed));
    if (g.injured !== undefined) slot('injured', e.injured.some((c) => c.value === g.injured));
    for (const [key, list] of [['actors', e.actors], ['targets', e.targets]] as const) for (const name of g[key] ?? []) slot(key, list.some((a) => is(a.iri, name)));
  }

  const sources: Tally = { gold: gold.sources?.length ?? 0, predicted: new Set(r.sources.map((s) => s.iri)).size, correct: 0 };
  for (const s of gold.sources ?? []) if (r.sources.some((p) => is(p.iri, s))) sources.correct++;
  const posts: Tally = { gold: gold.posts?.length ?? 0, predicted: r.posts.length, correct: 0 };
  for (const p of gold.posts ?? []) if (r.posts.some((q) => q.handle.toLowerCase() === p.handle.toLowerCase() && (!p.author || q.authorName === p.author))) posts.correct++;

  return { file, article: gold.article, relations, byFamily, events, slots, sources, posts, missed, spurious };
}

/** The last day of a YYYY, YYYY-MM or YYYY-MM-DD period. */
function periodEnd(date: string): string {
  if (date.length === 4) return `${date}-12-31`;
  if (date.length === 7) {
    const [y, m] = date.split('-').map(Number);
    return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
  }
  return date;
}

function daysBetween(a: string, b: string): number {
  return (Date.parse(b) - Date.parse(a)) / 86_400_000;
}

/** Sums the tallies of several reports (micro-averaged totals). */
export function totalOf(reports: FactsReport[]): Pick<FactsReport, 'relations' | 'events' | 'slots' | 'sources' | 'posts' | 'byFamily'> {
  const add = (a: Tally, b: Tally) => ({ gold: a.gold + b.gold, predicted: a.predicted + b.predicted, correct: a.correct + b.correct });
  const total = { relations: tally(), events: tally(), sources: tally(), posts: tally(), byFamily: {} as Record<string, Tally>, slots: Object.fromEntries(SLOTS.map((s) => [s, { gold: 0, correct: 0 }])) as FactsReport['slots'] };
  for (const r of reports) {
    total.relations = add(total.relations, r.relations);
    total.events = add(total.events, r.events);
    total.sources = add(total.sources, r.sources);
    total.posts = add(total.posts, r.posts);
    for (const [f, t] of Object.entries(r.byFamily)) total.byFamily[f] = add(total.byFamily[f] ?? tally(), t);
    for (const s of SLOTS) total.slots[s] = { gold: total.slots[s].gold + r.slots[s].gold, correct: total.slots[s].correct + r.slots[s].correct };
  }
  return total;
}
