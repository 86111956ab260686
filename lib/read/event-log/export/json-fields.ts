// The top-level fields of a jsonb value, read from the text PostgreSQL prints for it, each as `->>`
// gives it: a string unescaped, null as null, anything else (numbers, booleans, lists, objects) as
// its text. PostgreSQL prints a nested value exactly as it prints it alone, so a slice of the whole
// is that value's text. Doing this here instead of one `data->>'field'` per exported column halves
// the database's work per row (docs/export.md, "Benchmark").

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_OBJECT = 0x7b;
const CLOSE_OBJECT = 0x7d;
const OPEN_LIST = 0x5b;
const CLOSE_LIST = 0x5d;
const COMMA = 0x2c;

const isSpace = (code: number) => code === 0x20 || code === 0x0a || code === 0x0d || code === 0x09;

function skipSpace(json: string, at: number): number {
  while (at < json.length && isSpace(json.charCodeAt(at))) at++;
  return at;
}

/** The index after the closing quote of the string starting at `at` (its opening quote). */
function stringEnd(json: string, at: number): number {
  let from = at + 1;
  for (;;) {
    const quote = json.indexOf('"', from);
    if (quote < 0) throw new Error('Unterminated JSON string');
    let backslashes = 0;
    while (json.charCodeAt(quote - 1 - backslashes) === BACKSLASH) backslashes++;
    if (backslashes % 2 === 0) return quote + 1;
    from = quote + 1;
  }
}

/** The index after the value starting at `at`. */
function valueEnd(json: string, at: number): number {
  const first = json.charCodeAt(at);
  if (first === QUOTE) return stringEnd(json, at);
  if (first === OPEN_OBJECT || first === OPEN_LIST) {
    let depth = 0;
    for (let i = at; i < json.length; i++) {
      const code = json.charCodeAt(i);
      if (code === QUOTE) i = stringEnd(json, i) - 1;
      else if (code === OPEN_OBJECT || code === OPEN_LIST) depth++;
      else if ((code === CLOSE_OBJECT || code === CLOSE_LIST) && --depth === 0) return i + 1;
    }
    throw new Error('Unterminated JSON value');
  }
  let i = at;
  while (i < json.length) {
    const code = json.charCodeAt(i);
    if (code === COMMA || code === CLOSE_OBJECT || code === CLOSE_LIST || isSpace(code)) break;
    i++;
  }
  return i;
}

const unquote = (json: string, from: number, to: number): string => {
  const inner = json.slice(from + 1, to - 1);
  return inner.includes('\\') ? (JSON.parse(json.slice(from, to)) as string) : inner;
};

/**
 * Writes the value of every top-level field of the object `json` that `fields` names into
 * `cells[fields.get(name)]`, as `->>` would give it; cells of fields it lacks are left as they are.
 * A value that is not an object has no fields (as `->>` gives null for it).
 */
export function readTopLevelFields(json: string, fields: ReadonlyMap<string, number>, cells: (string | null)[]): void {
  let at = skipSpace(json, 0);
  if (json.charCodeAt(at) !== OPEN_OBJECT) return;
  at = skipSpace(json, at + 1);
  if (json.charCodeAt(at) === CLOSE_OBJECT) return;
  for (;;) {
    const keyEnd = stringEnd(json, at);
    const index = fields.get(unquote(json, at, keyEnd));
    at = skipSpace(json, skipSpace(json, keyEnd) + 1); // past the colon
    const end = valueEnd(json, at);
    if (index !== undefined) {
      const first = json.charCodeAt(at);
      cells[index] = first === QUOTE ? unquote(json, at, end) : json.startsWith('null', at) && end - at === 4 ? null : json.slice(at, end);
    }
    at = skipSpace(json, end);
    if (json.charCodeAt(at) !== COMMA) return;
    at = skipSpace(json, at + 1);
  }
}
