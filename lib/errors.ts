// The few typed errors the domain and the event store throw. The edge maps each to what a user
// sees: a field error, a refusal with a reason, a 404, or a conflict dialog.

export type FieldIssue = { readonly field: string; readonly message: string };

export class ValidationError extends Error {
  readonly kind = 'validation' as const;
  constructor(readonly issues: readonly FieldIssue[]) {
    super(issues.map((issue) => `${issue.field}: ${issue.message}`).join('; '));
    this.name = 'ValidationError';
  }
}

/** The command is well-formed but the lead's current state does not allow it. */
export class IllegalStateError extends Error {
  readonly kind = 'illegal-state' as const;
  constructor(message: string, readonly field?: string) {
    super(message);
    this.name = 'IllegalStateError';
  }
}

export class NotFoundError extends Error {
  readonly kind = 'not-found' as const;
  constructor(message: string) {
    super(message);
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
    super(`Lead changed meanwhile: ${changes.map((change) => change.type).join(', ')}`);
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
