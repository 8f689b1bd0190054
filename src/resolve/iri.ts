/** Names to IRIs: normalised, slugged to [a-z0-9-], minted under a base with the entity's category. */
import { createHash } from 'node:crypto';
import { normaliseName } from '../extract/index.js';
import type { EntityCategory } from '../types.js';

/** IRI-safe slug of a normalised name ([a-z0-9-] only), or a hash when nothing is left. */
export function slug(name: string): string {
  const s = normaliseName(name)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
    .replace(/-+$/, '');
  return s || `h-${createHash('sha256').update(normaliseName(name)).digest('hex').slice(0, 12)}`;
}

export function mintIri(base: string, category: EntityCategory, name: string): string {
  return `${base}${category}/${slug(name)}`;
}

/** IRI order, as localeCompare gives it (sorted outputs keep the order they always had), without its cost per call. */
export const byIri = new Intl.Collator().compare;
