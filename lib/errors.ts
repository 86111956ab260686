// The few typed errors the domain, the event store and the edges throw. A rule the domain enforces
// is refused with a code (and the field it concerns, and the values that explain it); the words a
// user reads are chosen at the edge (lib/present/error-text.ts). Input schemas are the exception:
// a field's format is described where the format is defined, so their issues carry a message.

export type ErrorParams = Readonly<Record<string, string | number>>;

/** A refusal of one field: by a domain rule (a code) or by an input schema (its own message). */
export type FieldIssue =
  | { readonly field: string; readonly code: string; readonly params?: ErrorParams }
  | { readonly field: string; readonly message: string };

const describeIssue = (issue: FieldIssue) => ('message' in issue ? issue.message : issue.code);

export class ValidationError extends Error {
  readonly kind = 'validation' as const;
  constructor(readonly issues: readonly FieldIssue[]) {
    super(issues.map((issue) => `${issue.field}: ${describeIssue(issue)}`).join('; '));
    this.name = 'ValidationError';
  }
}

/** The command is well-formed but the current state does not allow it. */
export class IllegalStateError extends Error {
  readonly kind = 'illegal-state' as const;
  constructor(
    readonly code: string,
    readonly details: { readonly field?: string; readonly params?: ErrorParams } = {},
  ) {
    super(code);
    this.name = 'IllegalStateError';
  }

  get field(): string | undefined {
    return this.details.field;
  }
}

export class NotFoundError extends Error {
  readonly kind = 'not-found' as const;
  constructor(
    readonly code: string,
    readonly params: ErrorParams = {},
  ) {
    super(code);
    this.name = 'NotFoundError';
  }
}

/** The stream moved on since the writer read it: the append was refused, nothing was written. */
export class ConcurrencyError extends Error {
  readonly kind = 'concurrency' as const;
  constructor(
    readonly streamId: string,
    readonly expected: string | number,
    readonly actual: number | null,
  ) {
    super(`Stream ${streamId} expected at version ${expected} but is at ${actual ?? 'no stream'}`);
    this.name = 'ConcurrencyError';
  }
}

/** A change someone else made after the caller's version collides with the caller's command. */
export type InterveningChange = {
  readonly version: number;
  readonly type: string;
  readonly actor: string | null;
  readonly occurredAt: string;
  readonly data: unknown;
};

export class ConflictError extends Error {
  readonly kind = 'conflict' as const;
  constructor(
    readonly streamId: string,
    readonly currentVersion: number,
    readonly changes: readonly InterveningChange[],
  ) {
    super(`Stream ${streamId} changed meanwhile: ${changes.map((change) => change.type).join(', ')}`);
    this.name = 'ConflictError';
  }
}

export type DomainError = ValidationError | IllegalStateError | NotFoundError | ConcurrencyError | ConflictError;

export function isDomainError(error: unknown): error is DomainError {
  return (
    error instanceof ValidationError ||
    error instanceof IllegalStateError ||
    error instanceof NotFoundError ||
    error instanceof ConcurrencyError ||
    error instanceof ConflictError
  );
}
