/**
 * Reading a SPARQL query's text without parsing it: which form it is (SELECT, ASK, CONSTRUCT,
 * DESCRIBE, or an update), which prefixes it declares and uses, which variables it projects.
 * Everything works on a skeleton of the query in which comments, IRIs and string literals are
 * blanked out, so that words inside them never count.
 */

export type QueryForm = 'select' | 'ask' | 'construct' | 'describe' | 'update';

/** The query, same length, with comments, <IRIs> and "strings" replaced by spaces. */
export function skeleton(query: string): string {
  const out = query.split('');
  const blank = (from: number, to: number) => {
    for (let k = from; k < to && k < out.length; k++) if (out[k] !== '\n') out[k] = ' ';
  };
  let i = 0;
  while (i < query.length) {
    const c = query[i];
    if (c === '#') {
      const end = query.indexOf('\n', i);
      blank(i, end < 0 ? query.length : end);
      i = end < 0 ? query.length : end;
    } else if (c === '<') {
      // An IRI runs to ">" with no space or forbidden character; otherwise "<" is less-than.
      let j = i + 1;
      while (j < query.length && !/[\s<>"{}|^`\\]/.test(query[j])) j++;
      if (query[j] === '>') {
        blank(i, j + 1);
        i = j + 1;
      } else i++;
    } else if (c === '"' || c === "'") {
      const long = query.startsWith(c.repeat(3), i);
      const close = long ? c.repeat(3) : c;
      let j = i + close.length;
      while (j < query.length && !query.startsWith(close, j)) j += query[j] === '\\' ? 2 : 1;
      blank(i, j + close.length);
      i = j + close.length;
    } else i++;
  }
  return out.join('');
}

const KEYWORD = /\b(SELECT|ASK|CONSTRUCT|DESCRIBE|INSERT|DELETE|LOAD|CLEAR|CREATE|DROP|COPY|MOVE|ADD|WITH)\b/i;

/** What the query is, from its first keyword after the prologue; undefined when none is found. */
export function queryForm(query: string): QueryForm | undefined {
  const body = skeleton(query).replace(/\bPREFIX\s+[\w.-]*:/gi, ' ').replace(/\bBASE\b/gi, ' ');
  const m = KEYWORD.exec(body);
  if (!m) return undefined;
  const k = m[1].toUpperCase();
  return k === 'SELECT' ? 'select' : k === 'ASK' ? 'ask' : k === 'CONSTRUCT' ? 'construct' : k === 'DESCRIBE' ? 'describe' : 'update';
}

/** Prefixes the query declares with PREFIX. */
export function declaredPrefixes(query: string): string[] {
  return [...skeleton(query).matchAll(/\bPREFIX\s+([A-Za-z][\w.-]*)?:/gi)].map((m) => m[1] ?? '');
}

/** Prefixes the query uses in prefixed names (prefix:local). */
export function usedPrefixes(query: string): string[] {
  const body = skeleton(query).replace(/\bPREFIX\s+[\w.-]*:/gi, ' ');
  return [...new Set([...body.matchAll(/(?:^|[^\w?$:.-])([A-Za-z][\w.-]*)?:(?=[A-Za-z0-9_])/g)].map((m) => m[1] ?? ''))];
}

/** The variables a SELECT projects, in order ("SELECT ?a $b (… AS ?c)"); undefined for SELECT *. */
export function projectedVariables(query: string): string[] | undefined {
  const body = skeleton(query);
  const head = /\bSELECT\s+(?:DISTINCT\s+|REDUCED\s+)?([\s\S]*?)\s*(?:(?<![?$\w])(?:FROM|WHERE)\b|\{)/i.exec(body)?.[1] ?? '*';
  if (head.trim() === '*') return undefined;
  // Variables inside "( … AS ?x )" are inputs; only the name after AS is projected.
  const projected = head.replace(/\(([^()]|\([^()]*\))*\)/g, (expr) => ` ${/\bAS\s+[?$](\w+)/i.exec(expr)?.[0].replace(/^AS\s+/i, '') ?? ''} `);
  return [...new Set([...projected.matchAll(/[?$](\w+)/g)].map((m) => m[1]))];
}
