/** Names to IRIs: normalised, slugged to [a-z0-9-], minted under a base with the entity's class. */
import { createHash } from 'node:crypto';
import type { EntityClass } from '../extract/index.js';

/** Lowercase, accents folded, possessives and a leading "the" dropped, spaces collapsed. */
export function normaliseName(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[’']s$/u, '')
    .replace(/^the\s+/i, '')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/** IRI-safe slug of a normalised name ([a-z0-9-] only), or a hash when nothing is left. */
export function slug(name: string): string {
  const s = normaliseName(name)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
    .replace(/-+$/, '');
  return s || `h-${createHash('sha256').update(normaliseName(name)).digest('hex').slice(0, 12)}`;
}

export function mintIri(base: string, cls: EntityClass, name: string): string {
  return `${base}${cls}/${slug(name)}`;
}
