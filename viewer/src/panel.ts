/** The details panel: one entity's or event's facts, each with the sentence it was read from. */
import { el, highlighted, safeLink } from './dom.js';
import { CLASS_LABELS, type EntityDetails, type EntityRelation } from './model.js';

/** Readable names of the predicates, by direction. */
const PREDICATE_NAMES: Record<string, [string, string]> = {
  warned: ['warned', 'warned by'],
  ordered: ['ordered', 'ordered by'],
  trainedIn: ['trained people in', 'training ground of'],
  attacked: ['attacked', 'attacked by'],
  killed: ['killed', 'killed by'],
  arrested: ['arrested', 'arrested by'],
  accused: ['accused', 'accused by'],
  charged: ['charged', 'charged by'],
  leads: ['leads', 'led by'],
  memberOf: ['member of', 'members'],
  locatedIn: ['located in', 'contains'],
  suspectIn: ['suspect in', 'suspects'],
  linkedTo: ['linked to', 'linked to'],
  met: ['met', 'met'],
  spokeTo: ['spoke to', 'told by'],
  succeeded: ['succeeded', 'succeeded by'],
  worksFor: ['works for', 'employs'],
  livesIn: ['lives in', 'home of'],
  relativeOf: ['relative of', 'relatives'],
  owns: ['owns', 'owned by'],
  supports: ['supports', 'supported by'],
  opposes: ['opposes', 'opposed by'],
  hasPlace: ['place', 'place of'],
  hasActor: ['actors', 'actor in'],
  hasTarget: ['targets', 'target of'],
  hasRecipient: ['recipients', 'recipient of'],
  hasDestination: ['destination', 'destination of'],
  hasOrigin: ['from', 'origin of'],
  hasTopic: ['about', 'topic of'],
  coMentionedWith: ['named in the same sentence as', 'named in the same sentence as'],
};

/** `onRead` opens an evidence's article at its sentence. */
export function renderDetails(body: HTMLElement, d: EntityDetails, onSelect: (id: string) => void, onRead: (articleId: string, sentenceStart: number) => void): void {
  const a = d.attributes;
  body.replaceChildren();
  body.append(el('h2', { id: 'panel-title' }, a.label));
  const classes = [CLASS_LABELS[a.class] ?? a.class, ...(a.eventTypes ?? [])].join(' · ');
  body.append(el('p', { class: 'entity-class' }, classes));
  const facts = el('dl', { class: 'facts' });
  const fact = (term: string, value: Node | string) => facts.append(el('dt', {}, term), el('dd', {}, value));
  if (a.aliases.length) fact('Also', a.aliases.join(', '));
  if (a.handles.length) fact('Handles', a.handles.join(' '));
  if (a.dateEarliest) fact('Date', a.dateEarliest === a.dateLatest ? a.dateEarliest : `${a.dateEarliest} – ${a.dateLatest}`);
  if (a.killed !== undefined) fact('Killed', String(a.killed));
  if (a.injured !== undefined) fact('Injured', String(a.injured));
  fact('Mentions', `${a.mentionCount} in ${a.articles} article${a.articles === 1 ? '' : 's'}`);
  if (a.geonamesId !== undefined) fact('GeoNames', safeLink(`https://www.geonames.org/${a.geonamesId}`, String(a.geonamesId)));
  if (a.lat !== undefined && a.lon !== undefined) fact('Coordinates', `${a.lat.toFixed(3)}, ${a.lon?.toFixed(3)}`);
  fact('IRI', el('code', {}, d.id));
  body.append(facts);

  // Relations grouped by predicate and direction, stated ones before co-mentions.
  const groups = new Map<string, EntityRelation[]>();
  for (const r of d.relations) {
    const key = `${r.predicate}|${r.direction}`;
    if (!groups.has(key)) groups.set(key, []);
    groups.get(key)!.push(r);
  }
  for (const [key, relations] of groups) {
    const [predicate, direction] = key.split('|');
    const names = PREDICATE_NAMES[predicate] ?? [predicate, `${predicate} (inverse)`];
    const section = el('section', { class: `relations${relations[0].weak ? ' weak' : ''}` });
    section.append(el('h3', {}, `${direction === 'out' ? names[0] : names[1]} (${relations.length})`));
    const list = el('ul');
    for (const r of relations.slice(0, relations[0].weak ? 8 : 50)) {
      const button = el('button', { type: 'button', class: 'entity-link', 'data-id': r.other.id }, r.other.label);
      button.addEventListener('click', () => onSelect(r.other.id));
      const item = el('li', {}, button, el('span', { class: 'entity-class' }, ` ${CLASS_LABELS[r.other.class] ?? r.other.class}`));
      for (const e of r.evidence) {
        const from = e.start !== undefined ? e.start - e.sentenceStart : -1;
        const to = e.end !== undefined ? e.end - e.sentenceStart : -1;
        const source = el('p', { class: 'source' });
        const title = e.article.title ?? e.article.id;
        source.append(e.article.url ? safeLink(e.article.url, title) : el('span', {}, title));
        if (e.article.published) source.append(` · ${e.article.published.slice(0, 10)}`);
        if (e.rule) source.append(el('span', { class: 'rule' }, ` · ${e.rule}`));
        const read = el('button', { type: 'button', class: 'read-article', 'data-article': e.articleId, 'aria-label': `Read the article: ${title}` }, 'Read');
        read.addEventListener('click', () => onRead(e.articleId, e.sentenceStart));
        source.append(' ', read);
        item.append(el('blockquote', {}, highlighted(e.sentenceText, from, to), source));
      }
      list.append(item);
    }
    section.append(list);
    body.append(section);
  }
  if (!d.relations.length) body.append(el('p', { class: 'empty' }, 'No relations read for this entity.'));
}
