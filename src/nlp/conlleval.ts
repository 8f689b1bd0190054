/**
 * A faithful port of conlleval.pl (CoNLL-2000/2003 shared-task scorer): chunk boundaries are
 * found by its startOfChunk/endOfChunk rules (tags B, I, E, O, [, ] with types after "-"), a
 * phrase is correct only when its start, end and type all match, and sentence boundaries act as
 * "O" separators.
 */
import { NewskgError } from '../errors.js';

export interface TypeScore {
  precision: number;
  recall: number;
  f1: number;
  /** Gold phrases, predicted phrases, correct phrases. */
  gold: number;
  pred: number;
  correct: number;
}

export interface ConllevalResult {
  tokens: number;
  phrasesGold: number;
  phrasesPred: number;
  correctPhrases: number;
  /** Token accuracy in percent (tag and type equal). */
  accuracy: number;
  overall: { precision: number; recall: number; f1: number };
  perType: Record<string, TypeScore>;
}

function split(tag: string): [string, string] {
  const dash = tag.indexOf('-');
  return dash >= 0 ? [tag.slice(0, dash), tag.slice(dash + 1)] : [tag, ''];
}

function endOfChunk(prevTag: string, tag: string, prevType: string, type: string): boolean {
  let end = false;
  if (prevTag === 'B' && tag === 'B') end = true;
  if (prevTag === 'B' && tag === 'O') end = true;
  if (prevTag === 'I' && tag === 'B') end = true;
  if (prevTag === 'I' && tag === 'O') end = true;
  if (prevTag === 'E' && tag === 'E') end = true;
  if (prevTag === 'E' && tag === 'I') end = true;
  if (prevTag === 'E' && tag === 'O') end = true;
  if (prevTag !== 'O' && prevTag !== '.' && prevType !== type) end = true;
  // conlleval: chunks tagged with [ or ] are assumed to have length 1.
  if (prevTag === ']' || prevTag === '[') end = true;
  return end;
}

function startOfChunk(prevTag: string, tag: string, prevType: string, type: string): boolean {
  let start = false;
  if (prevTag === 'B' && tag === 'B') start = true;
  if (prevTag === 'I' && tag === 'B') start = true;
  if (prevTag === 'O' && tag === 'B') start = true;
  if (prevTag === 'O' && tag === 'I') start = true;
  if (prevTag === 'E' && tag === 'E') start = true;
  if (prevTag === 'E' && tag === 'I') start = true;
  if (prevTag === 'O' && tag === 'E') start = true;
  if (tag !== 'O' && tag !== '.' && prevType !== type) start = true;
  if (tag === '[' || tag === ']') start = true;
  return start;
}

function score(correct: number, gold: number, pred: number): { precision: number; recall: number; f1: number } {
  const precision = pred > 0 ? (100 * correct) / pred : 0;
  const recall = gold > 0 ? (100 * correct) / gold : 0;
  const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
  return { precision, recall, f1 };
}

/** Scores sentences of gold and predicted tags (equal lengths per sentence). */
export function conlleval(sentences: Iterable<{ gold: readonly string[]; pred: readonly string[] }>): ConllevalResult {
  let correctChunk = 0;
  let foundCorrect = 0;
  let foundGuessed = 0;
  let correctTags = 0;
  let tokenCounter = 0;
  const correctBy = new Map<string, number>();
  const goldBy = new Map<string, number>();
  const predBy = new Map<string, number>();
  const inc = (m: Map<string, number>, k: string) => m.set(k, (m.get(k) ?? 0) + 1);

  let inCorrect = false;
  let lastCorrect = 'O';
  let lastCorrectType = '';
  let lastGuessed = 'O';
  let lastGuessedType = '';

  const step = (goldTag: string, predTag: string, boundary: boolean) => {
    const [correct, correctType] = split(goldTag);
    const [guessed, guessedType] = split(predTag);
    if (inCorrect) {
      const endC = endOfChunk(lastCorrect, correct, lastCorrectType, correctType);
      const endG = endOfChunk(lastGuessed, guessed, lastGuessedType, guessedType);
      if (endC && endG && lastGuessedType === lastCorrectType) {
        inCorrect = false;
        correctChunk++;
        inc(correctBy, lastCorrectType);
      } else if (endC !== endG || guessedType !== correctType) {
        inCorrect = false;
      }
    }
    const startC = startOfChunk(lastCorrect, correct, lastCorrectType, correctType);
    const startG = startOfChunk(lastGuessed, guessed, lastGuessedType, guessedType);
    if (startC && startG && guessedType === correctType) inCorrect = true;
    if (startC) {
      foundCorrect++;
      inc(goldBy, correctType);
    }
    if (startG) {
      foundGuessed++;
      inc(predBy, guessedType);
    }
    if (!boundary) {
      if (correct === guessed && guessedType === correctType) correctTags++;
      tokenCounter++;
    }
    lastGuessed = guessed;
    lastCorrect = correct;
    lastGuessedType = guessedType;
    lastCorrectType = correctType;
  };

  for (const s of sentences) {
    if (s.gold.length !== s.pred.length) throw new NewskgError('eval', `sentence has ${s.gold.length} gold tags but ${s.pred.length} predicted`);
    for (let i = 0; i < s.gold.length; i++) step(s.gold[i], s.pred[i], false);
    step('O', 'O', true);
  }
  if (inCorrect) {
    correctChunk++;
    inc(correctBy, lastCorrectType);
  }

  const perType: Record<string, TypeScore> = {};
  const types = [...new Set([...goldBy.keys(), ...predBy.keys()])].sort();
  for (const t of types) {
    const c = correctBy.get(t) ?? 0;
    const g = goldBy.get(t) ?? 0;
    const p = predBy.get(t) ?? 0;
    perType[t] = { ...score(c, g, p), gold: g, pred: p, correct: c };
  }
  return {
    tokens: tokenCounter,
    phrasesGold: foundCorrect,
    phrasesPred: foundGuessed,
    correctPhrases: correctChunk,
    accuracy: tokenCounter > 0 ? (100 * correctTags) / tokenCounter : 0,
    overall: score(correctChunk, foundCorrect, foundGuessed),
    perType,
  };
}

/** The report in conlleval's own layout. */
export function formatConllevalReport(r: ConllevalResult): string {
  const pct = (x: number) => x.toFixed(2).padStart(6);
  let out = `processed ${r.tokens} tokens with ${r.phrasesGold} phrases; found: ${r.phrasesPred} phrases; correct: ${r.correctPhrases}.\n`;
  if (r.tokens > 0) {
    out += `accuracy: ${pct(r.accuracy)}%; precision: ${pct(r.overall.precision)}%; recall: ${pct(r.overall.recall)}%; FB1: ${pct(r.overall.f1)}\n`;
  }
  for (const [type, s] of Object.entries(r.perType)) {
    out += `${type.padStart(17)}: precision: ${pct(s.precision)}%; recall: ${pct(s.recall)}%; FB1: ${pct(s.f1)}  ${s.pred}\n`;
  }
  return out;
}

/** Fraction of tokens whose predicted tag equals the gold one. */
export function posAccuracy(gold: readonly (readonly string[])[], pred: readonly (readonly string[])[]): number {
  let correct = 0;
  let total = 0;
  gold.forEach((g, i) => {
    for (let j = 0; j < g.length; j++) if (g[j] === pred[i][j]) correct++;
    total += g.length;
  });
  return total > 0 ? correct / total : 0;
}
