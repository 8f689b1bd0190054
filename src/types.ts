/**
 * The data that travels between the stages (see DESIGN.md, "Data flow"), each concept under one
 * name: a stage adds to what it is given, never renames it.
 *
 * Vocabulary: the tagger's `tag` (PER, ORG, LOC, MISC); an entity's `class` (Person,
 * GovernmentOrganization, City, …) and its `category` (person, organization, place, event: what its
 * IRI is minted under); an event's `eventType` (attack, warning, …); `Evidence` (where in an
 * article a fact was read) and `ArticleEvidence` (the same, with the article and the sentence's
 * text); `sentenceIndex` is always a sentence's number, `sentenceText` always its text; a field
 * ending in `Mention` holds the index of a typed mention of the same article, `subject` and
 * `object` hold IRIs.
 */

// --- nlp -------------------------------------------------------------------------------------

/** A token: `text === source.slice(start, end)` always holds. */
export interface Token {
  text: string;
  start: number;
  end: number;
}

/** A sentence: a half-open character range and the token index range [tokenStart, tokenEnd). */
export interface Sentence {
  start: number;
  end: number;
  tokenStart: number;
  tokenEnd: number;
}

/** The named-entity tagger's coarse tag. */
export type EntityTag = 'PER' | 'ORG' | 'LOC' | 'MISC';
export const ENTITY_TAGS: readonly EntityTag[] = ['PER', 'ORG', 'LOC', 'MISC'];

/** A named-entity mention found by the tagger. Offsets are into the analysed text. */
export interface Mention {
  tag: EntityTag;
  text: string;
  start: number;
  end: number;
  /** Token index range [tokenStart, tokenEnd) in Doc.tokens. */
  tokenStart: number;
  tokenEnd: number;
  sentenceIndex: number;
  /** Confidence in (0, 1]: the margin-based score of the tagger's decision. */
  score: number;
}

/** The output of the nlp stage. */
export interface Doc {
  text: string;
  tokens: Token[];
  sentences: Sentence[];
  /** Penn Treebank part-of-speech tag per token. */
  pos: string[];
  /** Chunk tag per token (IOB2, e.g. B-NP, I-VP, O). */
  chunks: string[];
  /** Entity tag per token (BIO, e.g. B-PER, I-PER, O). */
  ner: string[];
  /** Lemma per token ("warned" → warn, "was" → be; names keep their form). */
  lemmas: string[];
  /** Per token, the index in `tokens` of its head in the sentence's dependency tree, or -1 for the sentence's root. */
  heads: number[];
  /** Per token, its Universal Dependencies v2 relation to its head ("nsubj", "obj", "nmod:poss", "root", …). */
  deprels: string[];
  mentions: Mention[];
}

// --- ingest ----------------------------------------------------------------------------------

/** An article as a caller or a format reader gives it, before it has an id; everything but the text is optional. */
export interface RawArticle {
  text: string;
  title?: string;
  url?: string;
  published?: string;
  source?: string;
}

/** One news article as read by the ingest stage. Offsets of later stages are into `text`. */
export interface Article {
  /** Stable id: a hash of the article's URL (or title) and text, so re-reading gives the same id. */
  id: string;
  /** The body text (headline and metadata lines removed). */
  text: string;
  title?: string;
  /** Publication date, ISO 8601 (YYYY-MM-DD or a full timestamp). */
  published?: string;
  /** True when `published` was inferred from the dates the text mentions rather than read from metadata. */
  publishedInferred?: boolean;
  url?: string;
  /** Publisher or site name, when known. */
  source?: string;
  /** Where it was read from: a file path (with :line for JSON lines), or "<stdin>". */
  origin: string;
}

// --- entity classes --------------------------------------------------------------------------

/** An entity's class (a class of the ontology); 'Other' marks a typed mention that names no entity (a demonym, a modifier). */
export type EntityClass =
  | 'Person'
  | 'Organization'
  | 'GovernmentOrganization'
  | 'Court'
  | 'NewsMediaOrganization'
  | 'ArmedGroup'
  | 'Company'
  | 'PoliticalParty'
  | 'SportsTeam'
  | 'EducationalOrganization'
  | 'Place'
  | 'Country'
  | 'Region'
  | 'City'
  | 'Landform'
  | 'Facility'
  | 'Event'
  | 'CreativeWork'
  | 'Movie'
  | 'TVSeries'
  | 'MusicAlbum'
  | 'MusicRecording'
  | 'Book'
  | 'VideoGame'
  | 'Product'
  | 'Legislation'
  | 'Other';

/** The broad category of a class: what an entity's IRI is minted under, and what GUM scores. */
export type EntityCategory = 'person' | 'organization' | 'place' | 'event' | 'work' | 'product' | 'legislation';

/** Each class's parent in the ontology (undefined for the roots), so "the most specific class" has one meaning everywhere. */
export const PARENT_CLASS: Readonly<Record<EntityClass, EntityClass | undefined>> = {
  Person: undefined,
  Organization: undefined,
  GovernmentOrganization: 'Organization',
  Court: 'GovernmentOrganization',
  NewsMediaOrganization: 'Organization',
  ArmedGroup: 'Organization',
  Company: 'Organization',
  PoliticalParty: 'Organization',
  SportsTeam: 'Organization',
  EducationalOrganization: 'Organization',
  Place: undefined,
  Country: 'Place',
  Region: 'Place',
  City: 'Place',
  Landform: 'Place',
  Facility: 'Place',
  Event: undefined,
  CreativeWork: undefined,
  Movie: 'CreativeWork',
  TVSeries: 'CreativeWork',
  MusicAlbum: 'CreativeWork',
  MusicRecording: 'CreativeWork',
  Book: 'CreativeWork',
  VideoGame: 'CreativeWork',
  Product: undefined,
  Legislation: undefined,
  Other: undefined,
};

/** A class and the classes above it, root first: Court → Organization, GovernmentOrganization, Court. */
export function classLineage(cls: EntityClass): EntityClass[] {
  const out: EntityClass[] = [];
  for (let c: EntityClass | undefined = cls; c; c = PARENT_CLASS[c]) out.unshift(c);
  return out;
}

const ROOT_CATEGORY: Partial<Record<EntityClass, EntityCategory>> = {
  Person: 'person',
  Organization: 'organization',
  Place: 'place',
  Event: 'event',
  CreativeWork: 'work',
  Product: 'product',
  Legislation: 'legislation',
};

export const CATEGORY_OF: Readonly<Record<EntityClass, EntityCategory | undefined>> = Object.fromEntries(
  (Object.keys(PARENT_CLASS) as EntityClass[]).map((c) => [c, ROOT_CATEGORY[classLineage(c)[0]]]),
) as Record<EntityClass, EntityCategory | undefined>;

const classesUnder = (root: EntityClass): ReadonlySet<EntityClass> => new Set((Object.keys(PARENT_CLASS) as EntityClass[]).filter((c) => classLineage(c)[0] === root));

/** The classes of places, of organisations and of creative works. */
export const PLACE_CLASSES = classesUnder('Place');
export const ORGANIZATION_CLASSES = classesUnder('Organization');
export const WORK_CLASSES = classesUnder('CreativeWork');

// --- extract ---------------------------------------------------------------------------------

/** A mention (offsets and token range as in the Doc) with its class. */
export interface TypedMention extends Omit<Mention, 'tag'> {
  /** The tagger's tag; absent for names the typing found itself (named events). */
  tag?: EntityTag;
  class: EntityClass;
  /** The typing rules that chose the class, for provenance. */
  typingRules: string[];
  /** For a country's agency ("French police", "France's spy agency"): the words naming the country. */
  country?: string;
  /**
   * Set on a mention coreference added that names nothing itself: a pronoun ("he") or a
   * description ("the company"). Its class is its chain's; it gives the entity no name.
   */
  referring?: ReferringKind;
}
export type ReferringKind = 'pronoun' | 'description';
/** The passes of the coreference sieve, in the order they run (see resolve/coreference.ts). */
export const COREF_SIEVES = ['exact-name', 'partial-name', 'apposition', 'predicate-nominative', 'organization-members', 'description', 'pronoun'] as const;
export type CorefSieve = (typeof COREF_SIEVES)[number];
/** A mention joined to an earlier one of the same chain: indices into the article's mentions (names first, then the referring ones). */
export interface CorefLink {
  mention: number;
  antecedent: number;
  sieve: CorefSieve;
  confidence: number;
}
/** Coreference inside one article. */
export interface Coreference {
  /** Pronouns and descriptions linked into a chain that holds a name (the participants first, each group in text order); they follow the typed names in the mention list. */
  referring: TypedMention[];
  /**
   * How many of `referring`, from the start, may fill a fact's roles: pronouns and descriptions
   * that stand alone. The rest (appositions, predicate nominatives, descriptions built on a name)
   * only join their chain, since the extractors read those constructions from the names already.
   */
  participants: number;
  links: CorefLink[];
  /** Typed names (indices) that are a person's surname though the tagger took them for a place or a body ("Paris" after "Valeska Paris"). */
  persons: number[];
}

export const EVENT_TYPES = [
  'attack',
  'bombing',
  'shooting',
  'stabbing',
  'killing',
  'death',
  'arrest',
  'warrant',
  'charge',
  'trial',
  'election',
  'protest',
  'fire',
  'explosion',
  'collapse',
  'disaster',
  'resignation',
  'military-strike',
  'warning',
  'meeting',
  'raid',
  'manhunt',
  // Read from any clause (extract/clauses.ts), by the ACE 2005 taxonomy and what news needs beyond it.
  'birth',
  'marriage',
  'divorce',
  'injury',
  'transport',
  'transfer-ownership',
  'transfer-money',
  'start-org',
  'merge-org',
  'bankruptcy',
  'end-org',
  'communication',
  'start-position',
  'end-position',
  'nomination',
  'release',
  'lawsuit',
  'conviction',
  'sentencing',
  'fine',
  'execution',
  'extradition',
  'acquittal',
  'appeal',
  'pardon',
  'statement',
  'competition-result',
  'financial-result',
  'agreement',
  'investment',
  // A clause no type fits: an event of its predicate's lemma.
  'occurrence',
] as const;
/** An event's type (each has a class in the ontology: attack → nkg:Attack). */
export type EventType = (typeof EVENT_TYPES)[number];

/** The ACE 2005 event types, each the parent class of the event types under it ("Conflict" over attack). */
export const EVENT_CATEGORIES = ['Life', 'Movement', 'Transaction', 'Business', 'Conflict', 'Contact', 'Personnel', 'Justice', 'Communication', 'Outcome'] as const;
export type EventCategory = (typeof EVENT_CATEGORIES)[number];
/** The ACE type each event type is a subtype of; 'Communication' (statements, warnings) and 'Outcome' (results, deals) are what news needs beyond ACE. */
export const EVENT_CATEGORY_OF: Readonly<Partial<Record<EventType, EventCategory>>> = {
  attack: 'Conflict', bombing: 'Conflict', shooting: 'Conflict', stabbing: 'Conflict', 'military-strike': 'Conflict', raid: 'Conflict', protest: 'Conflict',
  killing: 'Life', death: 'Life', birth: 'Life', marriage: 'Life', divorce: 'Life', injury: 'Life',
  arrest: 'Justice', warrant: 'Justice', charge: 'Justice', trial: 'Justice', manhunt: 'Justice', release: 'Justice', lawsuit: 'Justice', conviction: 'Justice',
  sentencing: 'Justice', fine: 'Justice', execution: 'Justice', extradition: 'Justice', acquittal: 'Justice', appeal: 'Justice', pardon: 'Justice',
  election: 'Personnel', resignation: 'Personnel', 'start-position': 'Personnel', 'end-position': 'Personnel', nomination: 'Personnel',
  meeting: 'Contact', communication: 'Contact',
  transport: 'Movement',
  'transfer-ownership': 'Transaction', 'transfer-money': 'Transaction', investment: 'Transaction',
  'start-org': 'Business', 'merge-org': 'Business', bankruptcy: 'Business', 'end-org': 'Business',
  statement: 'Communication', warning: 'Communication',
  'competition-result': 'Outcome', 'financial-result': 'Outcome', agreement: 'Outcome',
};

/** The families of relations newskg extracts; each is written with one ontology property. */
export const RELATION_FAMILIES = [
  'warn',
  'order',
  'train',
  'attack',
  'kill',
  'arrest',
  'accuse',
  'charge',
  'lead',
  'member',
  'located',
  'suspect',
  'link',
  'meet',
  'say',
  'succeed',
  'support',
  'oppose',
  'work',
  'live',
  'family',
  'own',
] as const;
export type RelationFamily = (typeof RELATION_FAMILIES)[number];

/** The roles an event's participants play, each written with one property. */
export const EVENT_ROLES = ['place', 'actor', 'target', 'recipient', 'destination', 'origin', 'topic'] as const;
export type EventRole = (typeof EVENT_ROLES)[number];
/** The field of an event that holds the participants in each role. */
export const EVENT_ROLE_FIELDS = { place: 'places', actor: 'actors', target: 'targets', recipient: 'recipients', destination: 'destinations', origin: 'origins', topic: 'topics' } as const satisfies Record<EventRole, string>;

/** How a text holds what it says when it does not assert it: a question, a negation, a possibility or plan. */
export type Factuality = 'question' | 'negated' | 'hypothetical';
export const FACTUALITIES: readonly Factuality[] = ['question', 'negated', 'hypothetical'];

/** Where in an article a fact was read: the sentence, the span of the words that state it, the rule, how sure. */
export interface Evidence {
  sentenceIndex: number;
  start: number;
  end: number;
  confidence: number;
  rule: string;
  /** Set when the text does not assert the fact: it is kept as a statement, never as a direct triple or a graph edge. */
  factuality?: Factuality;
}

/** Evidence with the article it is in and its sentence's text and offsets, as the statements carry it. */
export interface ArticleEvidence extends Evidence {
  articleId: string;
  sentenceText: string;
  sentenceStart: number;
  sentenceEnd: number;
}

/** The words that mention an event. */
export interface EventMention {
  start: number;
  end: number;
  text: string;
  sentenceIndex: number;
}

export interface EventArgument extends Evidence {
  /** Index of the typed mention filling the role. */
  mention: number;
}

export interface CountArgument extends Evidence {
  value: number;
  /** "at least 20", "more than 20": the count is a lower bound. */
  atLeast: boolean;
}

export interface TimeArgument extends Evidence {
  earliest: string;
  latest: string;
  text: string;
}

/** A quantity a clause states that is not a casualty count: "$1.65bn", "76%", "2-1". */
export interface AmountArgument extends Evidence {
  text: string;
}

export interface ExtractedEvent {
  eventType: EventType;
  /** The lemma of the predicate a clause event was read from ("buy"); absent for events found by their trigger words. */
  predicate?: string;
  /** Whether that predicate is an event noun ("acquisition"), not a verb. */
  nominal?: boolean;
  /** Every mention of the event: its trigger words and their sentences. */
  mentions: EventMention[];
  /** The typed mention that names it ("the Paris attacks"), if any. */
  nameMention?: number;
  /** The agent (actors), the patient (targets), who receives, where to, where from, what about. */
  places: EventArgument[];
  actors: EventArgument[];
  targets: EventArgument[];
  recipients: EventArgument[];
  destinations: EventArgument[];
  origins: EventArgument[];
  topics: EventArgument[];
  times: TimeArgument[];
  killed: CountArgument[];
  injured: CountArgument[];
  amounts: AmountArgument[];
  /** Set when the text does not assert the event (denied, planned, possible, asked). */
  factuality?: Factuality;
  /** Who the article says reports it ("X said that …"). */
  reportedBy?: EventArgument;
}

export interface ExtractedRelation extends Evidence {
  family: RelationFamily;
  /** The subject: a typed mention, or an event (an index into the article's events). */
  subjectMention?: number;
  subjectEvent?: number;
  objectMention?: number;
  objectEvent?: number;
  /** The role noun of a lead or member relation ("president"). */
  role?: string;
}

/** A source the article cites for what it reports. */
export interface SourceCitation extends Evidence {
  mention: number;
}

/** A social-media post embedded in an article. */
export interface SocialPost {
  /** The post's own text (without the signature line), offsets into the article text. */
  start: number;
  end: number;
  /**
   * Kept as written, links included: trimming pic.twitter.com / t.co tails would make `text`
   * differ from the article at those offsets for no gain, since `links` lists them anyway.
   */
  text: string;
  /** The author's display name as written ("W Patrick Wilson", "Channel 4 News"), with offsets. */
  author: string;
  authorStart: number;
  authorEnd: number;
  /** The account handle with its @ ("@DUhockeyFan"), with offsets. */
  handle: string;
  handleStart: number;
  /**
   * The signature's date as YYYY-MM-DD, with its text. Both are present or both absent: a
   * signature may end at its handle, but whatever follows the handle must be a full date with
   * a year (as embeds always write it), otherwise "(@jsmith) on Monday" in prose would pass.
   */
  date?: string;
  dateText?: string;
  /** Offsets of the whole post (text and signature). */
  blockStart: number;
  blockEnd: number;
  /** Links and media URLs in the post (pic.twitter.com/…, https://t.co/…), as written. */
  links: string[];
  /** Hashtags in the post text (#JeSuisCharlie), and @handles mentioned in it other than the author's. */
  hashtags: string[];
  mentionedHandles: string[];
}

/** An embedded post with the typed mentions and events it holds. */
export interface ExtractedPost {
  post: SocialPost;
  /** The typed mention of the author's name in the signature, if typed. */
  authorMention?: number;
  /** Indices of the typed mentions and of the events inside the post's text. */
  mentionIndices: number[];
  eventIndices: number[];
}

/** Everything an article states beyond its names. */
export interface Facts {
  events: ExtractedEvent[];
  relations: ExtractedRelation[];
  sources: SourceCitation[];
  posts: ExtractedPost[];
}

// --- resolve ---------------------------------------------------------------------------------

/** Where an entity is named. */
export interface MentionRef {
  articleId: string;
  start: number;
  end: number;
  sentenceIndex: number;
  text: string;
  confidence: number;
  /** How coreference joined it to its entity, when it was not by the name alone: the sieve and the earlier mention it was linked to. */
  coref?: { sieve: CorefSieve; antecedentStart: number; antecedentEnd: number; referring?: ReferringKind };
}

export interface Entity {
  iri: string;
  category: EntityCategory;
  class: EntityClass;
  label: string;
  aliases: string[];
  handles: string[];
  geonamesId?: number;
  lat?: number;
  lon?: number;
  /** ISO code for countries. */
  countryCode?: string;
  /** For a country's agency: the country's IRI. */
  country?: string;
  /** For a city or region: the IRI of the country it lies in. */
  containedIn?: string;
  mentions: MentionRef[];
}

/** An entity as a build knows it: merged over the articles that name it, its mentions counted rather than kept. */
export interface EntityNode extends Omit<Entity, 'mentions'> {
  mentionCount: number;
  /** Ids of the articles that name it, in build order. */
  articles: string[];
}

/** A co-mention: two entities named in the same sentence (a weak, untyped relation). */
export interface CoMention {
  a: string;
  b: string;
  articleId: string;
  sentenceIndex: number;
  sentenceText: string;
  start: number;
  end: number;
}

export interface ResolvedRelation {
  family: RelationFamily;
  /** IRIs. */
  subject: string;
  object: string;
  role?: string;
  evidence: ArticleEvidence;
}

export interface ResolvedArgument {
  iri: string;
  evidence: ArticleEvidence;
}

export interface ResolvedCount {
  value: number;
  atLeast: boolean;
  evidence: ArticleEvidence;
}

export interface ResolvedTime {
  earliest: string;
  latest: string;
  text: string;
  evidence: ArticleEvidence;
}

export interface ResolvedEvent {
  iri: string;
  /** The IRI of the named-event entity when the event also has a key IRI (both are the same event). */
  sameAs?: string;
  eventType: EventType;
  predicate?: string;
  label: string;
  /** Whether a name ("the Paris attacks") gives the event its IRI. */
  isNamed: boolean;
  mentions: EventMention[];
  places: ResolvedArgument[];
  actors: ResolvedArgument[];
  targets: ResolvedArgument[];
  recipients: ResolvedArgument[];
  destinations: ResolvedArgument[];
  origins: ResolvedArgument[];
  topics: ResolvedArgument[];
  times: ResolvedTime[];
  killed: ResolvedCount[];
  injured: ResolvedCount[];
  amounts: { text: string; evidence: ArticleEvidence }[];
  factuality?: Factuality;
  /** Who reports it. */
  reportedBy?: ResolvedArgument;
}

export interface ResolvedSource {
  iri: string;
  evidence: ArticleEvidence;
}

export interface ResolvedPost {
  iri: string;
  text: string;
  start: number;
  end: number;
  authorName: string;
  /** IRIs: the author's entity, and the entities and events the post mentions. */
  author?: string;
  handle: string;
  date?: string;
  mentions: string[];
  events: string[];
  hashtags: string[];
  links: string[];
}

/** One article resolved: its entities with IRIs and its facts on them. */
export interface ResolvedArticle {
  article: Article;
  /** Each sentence's character offsets into the article's text, by sentence index. */
  sentences: { start: number; end: number }[];
  entities: Entity[];
  coMentions: CoMention[];
  relations: ResolvedRelation[];
  events: ResolvedEvent[];
  sources: ResolvedSource[];
  posts: ResolvedPost[];
}

/** An event as the build knows it: merged over the articles that report it. */
export interface EventNode {
  iri: string;
  eventTypes: EventType[];
  label: string;
  /** Whether it is a named event, described as an entity too. */
  isNamed: boolean;
  /** Other IRIs of the same event (a named event's key IRI). */
  sameAs: string[];
  articles: string[];
  mentionCount: number;
}
