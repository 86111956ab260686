/** A message under the field it is about; the field points at it with aria-describedby. */
export function FieldError({ id, message }: { id: string; message?: string | null }) {
  if (!message) return null;
  return (
    <p id={id} className="error">
      {message}
    </p>
  );
}

/** The ids a field's aria-describedby lists: only those that are on the page. */
export function describedBy(...ids: (string | false | null | undefined)[]): string | undefined {
  const present = ids.filter(Boolean);
  return present.length ? present.join(' ') : undefined;
}

/** A field's invalid state: marked invalid and pointing at its FieldError while there is a message. */
export function invalidProps(errorId: string, message?: string | null | false) {
  return { 'aria-invalid': message ? true : undefined, 'aria-describedby': describedBy(message && errorId) } as const;
}
