/**
 * One article through the per-article stages (nlp → extract: types and facts → resolve). A pure function of its
 * inputs, so the build can run it in worker threads and get exactly what it would get in-process.
 */
import { extractFacts, typeMentions, type PlaceLookup } from '../extract/index.js';
import { analyze, loadModel } from '../nlp/index.js';
import { corefer, countryOfDemonym, withCoreference, findCity, findCountry, findRegion, resolveArticle } from '../resolve/index.js';
import type { Article, ResolvedArticle } from '../types.js';

/** Population above which a city's name means the city even where a region has the same name. */
const METROPOLIS = 300_000;

/** Gazetteers as the typing stage sees them: world-countries names and codes, GeoNames cities, the model's people names. */
export const places: PlaceLookup = {
  isCountry: (n) => findCountry(n) !== undefined,
  // A region's name is the region's unless a city of it is a metropolis ("New York").
  isCity: (n) => {
    const city = findCity(n);
    return city !== undefined && (city.population >= METROPOLIS || findRegion(n) === undefined);
  },
  isRegion: (n) => findRegion(n) !== undefined && (findCity(n)?.population ?? 0) < METROPOLIS,
  isDemonym: (w) => countryOfDemonym(w) !== undefined,
  isPersonName: (w) => loadModel().gazetteer?.has(w, 'person') ?? false,
  isWord: (w) => loadModel().gazetteer?.has(w, 'word') ?? false,
};

export function processArticle(article: Article, base: string, modelPath?: string): ResolvedArticle {
  const doc = analyze(article.text, { modelPath });
  const named = typeMentions(doc, places);
  // Pronouns and descriptions follow the names, so facts stated through them reach the entity.
  const coreference = corefer(doc, named);
  const typed = withCoreference(named, coreference);
  const facts = extractFacts(doc, typed.slice(0, named.length + coreference.participants), article.published);
  return resolveArticle(article, doc, typed, base, facts, coreference.links);
}
