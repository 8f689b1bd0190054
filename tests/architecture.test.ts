/**
 * The map of the code (README, "Layout"): which part may import which, which packages each part
 * may use, and no function over 120 lines. Every import in src/ and viewer/ is read with the
 * TypeScript compiler's own pre-processor, so the test sees what the compiler sees.
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

type Part = 'Root' | 'Ingest' | 'Nlp' | 'Extract' | 'Resolve' | 'Rdf' | 'Graph' | 'Pipeline' | 'Query' | 'Server' | 'Cli' | 'Api' | 'Viewer';

/** Each part and the parts it may import (besides itself). */
const MAY_IMPORT: Record<Part, Part[]> = {
  Root: [],
  Ingest: ['Root'],
  Nlp: ['Root'],
  Extract: ['Nlp', 'Root'],
  Resolve: ['Extract', 'Root'],
  Rdf: ['Resolve', 'Root'],
  Graph: ['Resolve', 'Rdf', 'Root'],
  Pipeline: ['Ingest', 'Nlp', 'Extract', 'Resolve', 'Rdf', 'Graph', 'Root'],
  Query: ['Pipeline', 'Rdf', 'Graph', 'Resolve', 'Root'],
  Server: ['Query', 'Graph', 'Root'],
  Cli: ['Pipeline', 'Query', 'Server', 'Ingest', 'Nlp', 'Root'],
  Api: ['Pipeline', 'Query', 'Nlp', 'Ingest', 'Root'],
  Viewer: ['Graph', 'Root'],
};

/** Packages that only some parts may use. Any other package is open to every part. */
const PACKAGE_PARTS: Record<string, Part[]> = {
  n3: ['Rdf'],
  oxigraph: ['Query'],
  sigma: ['Viewer'],
  '@sigma/': ['Viewer'],
};

/** Functions allowed past the limit, until the clause-level extraction replaces them. */
const LONG_FUNCTION_EXCEPTIONS = new Set(['src/extract/relations.ts:extractRelations', 'src/extract/events.ts:extractEvents']);
const MAX_FUNCTION_LINES = 120;

const FOLDERS: [string, Part][] = [
  ['src/ingest/', 'Ingest'],
  ['src/nlp/', 'Nlp'],
  ['src/extract/', 'Extract'],
  ['src/resolve/', 'Resolve'],
  ['src/rdf/', 'Rdf'],
  ['src/graph/', 'Graph'],
  ['src/pipeline/', 'Pipeline'],
  ['src/query/', 'Query'],
  ['src/server/', 'Server'],
  ['src/cli/', 'Cli'],
  ['viewer/', 'Viewer'],
];
const ROOT_FILES = new Set(['src/types.ts', 'src/errors.ts', 'src/worker-script.ts', 'src/random.ts']);

/** The part a repository path belongs to, or undefined when it is in none. */
export function partOf(path: string): Part | undefined {
  if (ROOT_FILES.has(path)) return 'Root';
  if (path === 'src/index.ts') return 'Api';
  return FOLDERS.find(([folder]) => path.startsWith(folder))?.[1];
}

/** Files another part may import a part through: its index (the viewer reads graph.json's types only). */
function isEntryPoint(path: string, from: Part): boolean {
  if (partOf(path) === 'Root') return true;
  if (from === 'Viewer') return path === 'src/graph/json.ts';
  return /^src\/[a-z]+\/index\.ts$/.test(path);
}

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(join(ROOT, dir))) {
    const rel = `${dir}/${name}`;
    if (name === 'node_modules' || name === 'dist' || name === 'models') continue;
    if (statSync(join(ROOT, rel)).isDirectory()) out.push(...sourceFiles(rel));
    else if (/\.ts$/.test(name) && !name.endsWith('.d.ts')) out.push(rel);
  }
  return out;
}

const FILES = [...sourceFiles('src'), ...sourceFiles('viewer')];

interface ImportRef {
  file: string;
  specifier: string;
  /** The repository path a relative import resolves to, or the package name. */
  target: string;
  isPackage: boolean;
}

function importsOf(file: string): ImportRef[] {
  const text = readFileSync(join(ROOT, file), 'utf8');
  const info = ts.preProcessFile(text, true, true);
  return info.importedFiles.map(({ fileName: specifier }) => {
    if (!specifier.startsWith('.')) {
      const pkg = specifier.startsWith('@') ? specifier.split('/').slice(0, 2).join('/') : specifier.split('/')[0];
      return { file, specifier, target: pkg, isPackage: !specifier.startsWith('node:') };
    }
    const abs = resolve(ROOT, dirname(file), specifier).replace(/\.js$/, '.ts');
    return { file, specifier, target: relative(ROOT, abs).split(sep).join('/'), isPackage: false };
  });
}

const IMPORTS = FILES.flatMap(importsOf);

/** Functions (declarations, methods, arrows, expressions) longer than the limit, as "file:name (lines)". */
function longFunctions(file: string): { key: string; lines: number }[] {
  const text = readFileSync(join(ROOT, file), 'utf8');
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const out: { key: string; lines: number }[] = [];
  const nameOf = (node: ts.Node): string => {
    const named = node as ts.Node & { name?: ts.Node };
    if (named.name) return named.name.getText(source);
    const parent = node.parent;
    if (ts.isVariableDeclaration(parent) || ts.isPropertyAssignment(parent) || ts.isPropertyDeclaration(parent)) return parent.name.getText(source);
    if (ts.isCallExpression(parent)) return `callback of ${parent.expression.getText(source).slice(0, 40)}`;
    return '(anonymous)';
  };
  // Functions inside an excepted function are part of that exception.
  const visit = (node: ts.Node, excepted: boolean) => {
    let inside = excepted;
    if (ts.isFunctionLike(node) && (node as ts.FunctionLikeDeclaration).body) {
      const first = source.getLineAndCharacterOfPosition(node.getStart(source)).line;
      const last = source.getLineAndCharacterOfPosition(node.getEnd()).line;
      const lines = last - first + 1;
      const key = `${file}:${nameOf(node)}`;
      if (lines > MAX_FUNCTION_LINES && !excepted) out.push({ key, lines });
      inside ||= LONG_FUNCTION_EXCEPTIONS.has(key);
    }
    ts.forEachChild(node, (child) => visit(child, inside));
  };
  visit(source, false);
  return out;
}

describe('architecture', () => {
  it('finds the source files and their imports', () => {
    expect(FILES.length).toBeGreaterThan(50);
    expect(IMPORTS.length).toBeGreaterThan(200);
  });

  it('puts every source file in a part of the map', () => {
    expect(FILES.filter((f) => partOf(f) === undefined)).toEqual([]);
  });

  it('imports only the parts each part may import, through their index', () => {
    const offMap: string[] = [];
    for (const ref of IMPORTS) {
      if (ref.specifier.startsWith('.') === false) continue;
      const from = partOf(ref.file)!;
      const to = partOf(ref.target);
      if (to === undefined) offMap.push(`${ref.file} imports ${ref.specifier}, which is in no part`);
      else if (to !== from && !MAY_IMPORT[from].includes(to)) offMap.push(`${ref.file} (${from}) imports ${ref.target} (${to})`);
      else if (to !== from && !isEntryPoint(ref.target, from)) offMap.push(`${ref.file} reaches into ${ref.target} instead of its part's index`);
    }
    expect(offMap).toEqual([]);
  });

  it('uses each restricted package only in its parts', () => {
    const misplaced: string[] = [];
    for (const ref of IMPORTS) {
      if (!ref.isPackage) continue;
      const rule = Object.entries(PACKAGE_PARTS).find(([pkg]) => (pkg.endsWith('/') ? ref.target.startsWith(pkg) : ref.target === pkg));
      if (rule && !rule[1].includes(partOf(ref.file)!)) misplaced.push(`${ref.file} imports ${ref.specifier}`);
    }
    expect(misplaced).toEqual([]);
  });

  it('imports only packages the package.json declares', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { dependencies: Record<string, string>; devDependencies: Record<string, string> };
    const declared = new Set([...Object.keys(pkg.dependencies), ...Object.keys(pkg.devDependencies)]);
    const undeclared = IMPORTS.filter((r) => r.isPackage && !declared.has(r.target)).map((r) => `${r.file} imports ${r.target}`);
    expect(undeclared).toEqual([]);
    // And every runtime dependency is used by some source file.
    const used = new Set(IMPORTS.filter((r) => r.isPackage).map((r) => r.target));
    expect(Object.keys(pkg.dependencies).filter((d) => !used.has(d) && !usedAsData(d))).toEqual([]);
  });

  it(`has no function over ${MAX_FUNCTION_LINES} lines but the listed exceptions`, () => {
    const long = FILES.flatMap(longFunctions);
    expect(long.filter((f) => !LONG_FUNCTION_EXCEPTIONS.has(f.key)).map((f) => `${f.key} (${f.lines} lines)`)).toEqual([]);
    // An exception that is gone (or short now) leaves the list.
    for (const key of LONG_FUNCTION_EXCEPTIONS) expect(long.map((f) => f.key)).toContain(key);
  });

  it('has a test file for every source file with logic (tests/ mirrors src/)', () => {
    const untested = FILES.filter((f) => f.startsWith('src/') && hasLogic(f) && !existsSync(join(ROOT, testFileOf(f))));
    expect(untested.map((f) => `${f}: no ${testFileOf(f)}`)).toEqual([]);
  });

  it('checks what it claims to check', () => {
    expect(partOf('src/nlp/tagger.ts')).toBe('Nlp');
    expect(partOf('src/elsewhere/x.ts')).toBeUndefined();
    expect(MAY_IMPORT.Extract.includes('Resolve')).toBe(false);
    expect(isEntryPoint('src/nlp/hash.ts', 'Graph')).toBe(false);
    expect(isEntryPoint('src/nlp/index.ts', 'Extract')).toBe(true);
  });
});

/** Where a source file's tests live: src/a/b.ts → tests/a/b.test.ts (src/cli/main.ts → tests/cli/main.test.ts). */
function testFileOf(file: string): string {
  return file.replace(/^src\//, 'tests/').replace(/\.ts$/, '.test.ts');
}

/**
 * Whether a file holds logic: a function, method or class body. Types, constants and re-exports
 * are not; nor are worker entry scripts (*-worker.ts), which their pools' tests run.
 */
function hasLogic(file: string): boolean {
  if (file.endsWith('-worker.ts')) return false;
  const source = ts.createSourceFile(file, readFileSync(join(ROOT, file), 'utf8'), ts.ScriptTarget.Latest, true);
  let found = false;
  const visit = (node: ts.Node) => {
    if (found) return;
    if ((ts.isFunctionLike(node) && (node as ts.FunctionLikeDeclaration).body) || ts.isClassDeclaration(node)) found = true;
    else ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/** Data packages read through createRequire or from the file system rather than imported. */
function usedAsData(dep: string): boolean {
  return FILES.some((f) => readFileSync(join(ROOT, f), 'utf8').includes(`'${dep}`));
}
