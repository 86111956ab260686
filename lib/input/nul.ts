// PostgreSQL's text and jsonb cannot hold the NUL character (U+0000), so no input may carry one.
// Refused at the entry points, with the field or parameter it was found in named; a NUL that gets
// past them anyway is refused by the database and reported as the same bad input (lib/gate/errors.ts).

export const NUL_MESSAGE = 'must not contain the NUL character (U+0000)';

/** The dotted path of the first string in `value` (or key of an object in it) holding a NUL; '' for `value` itself; null when there is none. */
export function nulPath(value: unknown): string | null {
  // Walked with a stack of its own, not by recursion: a hostile body may nest ten thousand deep.
  const pending: [unknown, string][] = [[value, '']];
  while (pending.length > 0) {
    const [current, path] = pending.pop()!;
    if (typeof current === 'string') {
      if (current.includes('\u0000')) return path;
    } else if (Array.isArray(current)) {
      for (let index = current.length - 1; index >= 0; index--) pending.push([current[index], join(path, String(index))]);
    } else if (current && typeof current === 'object' && Object.getPrototypeOf(current) === Object.prototype) {
      const entries = Object.entries(current);
      const badKey = entries.find(([key]) => key.includes('\u0000'));
      if (badKey) return join(path, badKey[0]);
      for (let index = entries.length - 1; index >= 0; index--) pending.push([entries[index]![1], join(path, entries[index]![0])]);
    }
  }
  return null;
}

/** The first query-string parameter whose name or value holds a NUL, if any. */
export function nulParameter(search: URLSearchParams): string | null {
  for (const [key, value] of search) if (key.includes('\u0000') || value.includes('\u0000')) return key.replaceAll('\u0000', '\\0') || 'query';
  return null;
}

const join = (path: string, key: string) => (path ? `${path}.${key}` : key);
