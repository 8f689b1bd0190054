/** How names compare: the one normalisation that IRIs, merging, scoring and look-ups share. */

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
