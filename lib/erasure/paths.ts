// Where an event's personal values are: paths into its data, `name`, `phone.e164`, `emails[]`
// (each element), `phones[].raw` (a field of each element). Only strings are personal values;
// null and missing parts are skipped.

/** `data` with every string at `paths` replaced by `change(value)`; `data` itself is not touched. */
export function mapPaths(data: unknown, paths: readonly string[], change: (value: string) => string): unknown {
  let result = data;
  for (const path of paths) result = mapAt(result, parse(path), change);
  return result;
}

/** Every string at `paths` in `data`. */
export function valuesAt(data: unknown, paths: readonly string[]): string[] {
  const found: string[] = [];
  mapPaths(data, paths, (value) => {
    found.push(value);
    return value;
  });
  return found;
}

type Step = { readonly field: string; readonly each: boolean };

const parsed = new Map<string, Step[]>();
function parse(path: string): Step[] {
  let steps = parsed.get(path);
  if (!steps) {
    steps = path.split('.').map((part) => (part.endsWith('[]') ? { field: part.slice(0, -2), each: true } : { field: part, each: false }));
    parsed.set(path, steps);
  }
  return steps;
}

function mapAt(value: unknown, steps: readonly Step[], change: (value: string) => string): unknown {
  if (steps.length === 0) return typeof value === 'string' ? change(value) : value;
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return value;
  const [step, ...rest] = steps as [Step, ...Step[]];
  const record = value as Record<string, unknown>;
  if (!(step.field in record)) return value;
  const inner = record[step.field];
  const next = step.each
    ? Array.isArray(inner) ? inner.map((element) => mapAt(element, rest, change)) : inner
    : mapAt(inner, rest, change);
  return next === inner ? value : { ...record, [step.field]: next };
}

/** `data` with every string anywhere in it replaced by `change(value)` (unchanged parts kept as they are). */
export function mapStrings(data: unknown, change: (value: string) => string): unknown {
  if (typeof data === 'string') return change(data);
  if (data === null || typeof data !== 'object') return data;
  if (Array.isArray(data)) {
    const next = data.map((element) => mapStrings(element, change));
    return next.some((element, index) => element !== data[index]) ? next : data;
  }
  let changed = false;
  const next: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(data)) {
    next[field] = mapStrings(value, change);
    if (next[field] !== value) changed = true;
  }
  return changed ? next : data;
}
