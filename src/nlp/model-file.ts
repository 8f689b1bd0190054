/**
 * The model file: a small JSON header followed by binary sections (feature keys, int16 weights,
 * transitions, gazetteer, clusters). The header records the feature signature the weights were
 * trained with; loading under code with another signature is a ModelError, never garbage.
 */
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ModelError } from '../errors.js';
import { FEATURE_SIGNATURE } from './features.js';
import { FeatureTable } from './hash.js';
import { LinearModel } from './linear.js';
import { PARSER_SIGNATURE } from './parser.js';
import { SectionReader } from './section-reader.js';

const MAGIC = 'NKGMODEL';
export const MODEL_FORMAT = 3;

interface SectionRef {
  offset: number;
  length: number;
}

interface LinearHeader {
  labels: string[];
  scale: number;
  rows: number;
  keys: SectionRef;
  weights: SectionRef;
  transitions?: SectionRef;
  start?: SectionRef;
  candidates?: { byKey: Record<string, number[]>; fallback: number[] };
}

export interface ModelHeader {
  format: number;
  featureSignature: string;
  models: Record<'pos' | 'chunk' | 'ner', LinearHeader>;
  gazetteer?: SectionRef;
  clusters?: SectionRef;
  /** Free-form provenance: training data, settings, dev scores, date. */
  info: Record<string, unknown>;
}

export interface ModelBundle {
  pos: LinearModel;
  chunk: LinearModel;
  ner: LinearModel;
  gazetteer?: Uint8Array;
  clusters?: Uint8Array;
  info: Record<string, unknown>;
}

/** The shipped model, located from this module (works from src/ under vitest and from dist/). */
export function defaultModelPath(): string {
  // Looked up once: the typing stage asks for the model (and so for this path) for every word.
  if (shippedModelPath) return shippedModelPath;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    if (existsSync(join(dir, 'package.json'))) return (shippedModelPath = join(dir, 'src', 'nlp', 'models', 'newskg-en.model'));
    dir = dirname(dir);
  }
  throw new ModelError('cannot locate the package root to find the shipped model');
}
let shippedModelPath: string | undefined;

/** The shipped parser and lemmatiser, beside the tagger's model. */
export function defaultParserModelPath(): string {
  return join(dirname(defaultModelPath()), 'newskg-en-parser.model');
}

function bytesOf(view: ArrayBufferView): Uint8Array {
  return new Uint8Array(view.buffer, view.byteOffset, view.byteLength);
}

type AddSection = (view: ArrayBufferView) => SectionRef;

/** The container every model file shares: magic, format, a JSON header, then 8-byte-aligned binary sections. */
function encodeContainer(buildHeader: (add: AddSection) => object): Uint8Array {
  const chunks: Uint8Array[] = [];
  let offset = 0;
  const add: AddSection = (view) => {
    const bytes = bytesOf(view);
    const ref = { offset, length: bytes.byteLength };
    chunks.push(bytes);
    offset += bytes.byteLength;
    const pad = (8 - (offset % 8)) % 8;
    if (pad) {
      chunks.push(new Uint8Array(pad));
      offset += pad;
    }
    return ref;
  };
  const headerBytes = new TextEncoder().encode(JSON.stringify(buildHeader(add)));
  const prefix = new Uint8Array(16);
  prefix.set(new TextEncoder().encode(MAGIC), 0);
  const dv = new DataView(prefix.buffer);
  dv.setUint32(8, MODEL_FORMAT, true);
  dv.setUint32(12, headerBytes.byteLength, true);
  const headerPad = (8 - (headerBytes.byteLength % 8)) % 8;
  const out = new Uint8Array(16 + headerBytes.byteLength + headerPad + offset);
  out.set(prefix, 0);
  out.set(headerBytes, 16);
  let pos = 16 + headerBytes.byteLength + headerPad;
  for (const c of chunks) {
    out.set(c, pos);
    pos += c.byteLength;
  }
  return out;
}

function linearHeader(m: LinearModel, add: AddSection): LinearHeader {
  // Keys in row order, so the table can be rebuilt at load.
  const keys = new Int32Array(m.table.count);
  for (const [key, row] of m.table.entries()) keys[row] = key;
  const h: LinearHeader = { labels: [...m.labels], scale: m.scale, rows: m.table.count, keys: add(keys), weights: add(m.weights) };
  if (m.transitions) h.transitions = add(m.transitions);
  if (m.start) h.start = add(m.start);
  if (m.candidates) {
    h.candidates = {
      byKey: Object.fromEntries([...m.candidates.byKey].map(([k, v]) => [k, Array.from(v)])),
      fallback: Array.from(m.candidates.fallback),
    };
  }
  return h;
}

export function serializeModel(bundle: ModelBundle): Uint8Array {
  return encodeContainer((add) => {
    const header: ModelHeader = {
      format: MODEL_FORMAT,
      featureSignature: FEATURE_SIGNATURE,
      models: { pos: linearHeader(bundle.pos, add), chunk: linearHeader(bundle.chunk, add), ner: linearHeader(bundle.ner, add) },
      info: bundle.info,
    };
    if (bundle.gazetteer) header.gazetteer = add(bundle.gazetteer);
    if (bundle.clusters) header.clusters = add(bundle.clusters);
    return header;
  });
}

/** A decoded container: its header, after the signature check, and its sections through one bounds-checked reader. */
interface Container<H> {
  header: H;
  whole(name: string, ref: SectionRef): Uint8Array;
  linear(task: string, h: LinearHeader): LinearModel;
}

function decodeContainer<H extends { featureSignature: string }>(bytes: Uint8Array, source: string, signature: string): Container<H> {
  if (bytes.byteLength < 16 || new TextDecoder().decode(bytes.subarray(0, 8)) !== MAGIC) {
    throw new ModelError(`${source} is not a newskg model file`);
  }
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const format = dv.getUint32(8, true);
  if (format !== MODEL_FORMAT) throw new ModelError(`${source} has model format ${format}; this code reads format ${MODEL_FORMAT}`);
  const headerLength = dv.getUint32(12, true);
  if (16 + headerLength > bytes.byteLength) throw new ModelError(`${source} is truncated (header)`);
  let header: H;
  try {
    header = JSON.parse(new TextDecoder().decode(bytes.subarray(16, 16 + headerLength)));
  } catch (err) {
    throw new ModelError(`${source} has a corrupt header`, { cause: err });
  }
  if (header.featureSignature !== signature) {
    throw new ModelError(`${source} was trained with features "${String(header.featureSignature).slice(0, 40)}…" but this code computes "${signature.slice(0, 40)}…"; retrain it with \`newskg train\``);
  }
  const base = 16 + headerLength + ((8 - (headerLength % 8)) % 8);
  // Every section is read through one bounds-checked reader; its arrays are aligned copies.
  const file = new SectionReader('model file', bytes, source);
  const section = (name: string, ref: SectionRef): SectionReader => file.region(name, base + ref.offset, ref.length);
  const whole = (name: string, ref: SectionRef): Uint8Array => {
    const r = section(name, ref);
    return r.bytesCopy(r.remaining);
  };
  const floats = (name: string, ref: SectionRef): Float32Array => {
    const r = section(name, ref);
    return r.f32Array(r.count(4));
  };
  const linear = (task: string, h: LinearHeader): LinearModel => {
    const keysSection = section(`${task} keys`, h.keys);
    const keys = keysSection.i32Array(keysSection.count(4));
    const weightsSection = section(`${task} weights`, h.weights);
    const weights = weightsSection.i16Array(weightsSection.count(2));
    if (keys.length !== h.rows || weights.length !== h.rows * h.labels.length) throw new ModelError(`${source} has inconsistent weight sections`);
    const table = new FeatureTable(keys.length);
    for (let r = 0; r < keys.length; r++) table.set(keys[r], r);
    const transitions = h.transitions ? floats(`${task} transitions`, h.transitions) : undefined;
    const start = h.start ? floats(`${task} start`, h.start) : undefined;
    const candidates = h.candidates
      ? { byKey: new Map(Object.entries(h.candidates.byKey).map(([k, v]) => [k, Int32Array.from(v)])), fallback: Int32Array.from(h.candidates.fallback) }
      : undefined;
    return new LinearModel(h.labels, table, weights, h.scale, transitions, start, candidates);
  };
  return { header, whole, linear };
}

export function parseModel(bytes: Uint8Array, source = 'model'): ModelBundle {
  const { header, whole, linear } = decodeContainer<ModelHeader>(bytes, source, FEATURE_SIGNATURE);
  return {
    pos: linear('pos', header.models.pos),
    chunk: linear('chunk', header.models.chunk),
    ner: linear('ner', header.models.ner),
    gazetteer: header.gazetteer ? whole('gazetteer', header.gazetteer) : undefined,
    clusters: header.clusters ? whole('clusters', header.clusters) : undefined,
    info: header.info ?? {},
  };
}

/** The parser's model file: the transition and relation models, and the lemmatiser. */
export interface ParserBundle {
  transitions: LinearModel;
  relations: LinearModel;
  /** The POS tagger whose tags the parser reads (and the Doc carries), over the tagger model's gazetteer and clusters. */
  pos?: LinearModel;
  lemmas?: Uint8Array;
  info: Record<string, unknown>;
}

interface ParserHeader {
  format: number;
  featureSignature: string;
  models: Record<'transitions' | 'relations', LinearHeader> & { pos?: LinearHeader };
  lemmas?: SectionRef;
  info: Record<string, unknown>;
}

export function serializeParserModel(bundle: ParserBundle): Uint8Array {
  return encodeContainer((add) => {
    const header: ParserHeader = {
      format: MODEL_FORMAT,
      featureSignature: PARSER_SIGNATURE,
      models: { transitions: linearHeader(bundle.transitions, add), relations: linearHeader(bundle.relations, add) },
      info: bundle.info,
    };
    if (bundle.pos) header.models.pos = linearHeader(bundle.pos, add);
    if (bundle.lemmas) header.lemmas = add(bundle.lemmas);
    return header;
  });
}

export function parseParserModel(bytes: Uint8Array, source = 'parser model'): ParserBundle {
  const { header, whole, linear } = decodeContainer<ParserHeader>(bytes, source, PARSER_SIGNATURE);
  return {
    transitions: linear('transitions', header.models.transitions),
    relations: linear('relations', header.models.relations),
    pos: header.models.pos ? linear('pos', header.models.pos) : undefined,
    lemmas: header.lemmas ? whole('lemmas', header.lemmas) : undefined,
    info: header.info ?? {},
  };
}

function readBytes(path: string): Uint8Array {
  try {
    return readFileSync(path);
  } catch (err) {
    throw new ModelError(`cannot read model file ${path}: ${(err as NodeJS.ErrnoException).code ?? String(err)}`, { cause: err });
  }
}

export function readParserModelFile(path: string): ParserBundle {
  return parseParserModel(readBytes(path), path);
}

/** Writes atomically: a crash never leaves a truncated model behind. */
export function writeParserModelFile(path: string, bundle: ParserBundle): number {
  return writeAtomically(path, serializeParserModel(bundle));
}

function writeAtomically(path: string, bytes: Uint8Array): number {
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, bytes);
  renameSync(tmp, path);
  return bytes.byteLength;
}

export function readModelFile(path: string): ModelBundle {
  return parseModel(readBytes(path), path);
}

/** Writes atomically: a crash never leaves a truncated model behind. */
export function writeModelFile(path: string, bundle: ModelBundle): number {
  return writeAtomically(path, serializeModel(bundle));
}

/** A file holding one linear model of a later stage (the relation classifier), checked against that stage's feature signature. */
interface SingleHeader {
  format: number;
  featureSignature: string;
  models: { model: LinearHeader };
  info: Record<string, unknown>;
}

export function writeLinearModelFile(path: string, model: LinearModel, featureSignature: string, info: Record<string, unknown>): number {
  return writeAtomically(path, encodeContainer((add) => ({ format: MODEL_FORMAT, featureSignature, models: { model: linearHeader(model, add) }, info }) satisfies SingleHeader));
}

export function readLinearModelFile(path: string, featureSignature: string): { model: LinearModel; info: Record<string, unknown> } {
  const { header, linear } = decodeContainer<SingleHeader>(readBytes(path), path, featureSignature);
  return { model: linear('model', header.models.model), info: header.info ?? {} };
}

/** The shipped relation classifier, beside the tagger's model. */
export function defaultRelationModelPath(): string {
  return join(dirname(defaultModelPath()), 'newskg-en-relations.model');
}
