// The words for where a do-not-call entry came from. Pure.

/** `manual`, `call`, `api` or `import:<import id>`, as a manager reads it. */
export function dncSourceLabel(source: string): string {
  if (source.startsWith('import:')) return 'Imported list';
  switch (source) {
    case 'manual': return 'Added by hand';
    case 'call': return 'Call outcome';
    case 'api': return 'Another system';
    default: return source;
  }
}
