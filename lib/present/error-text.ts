// The words a user reads for each refusal the domain and the edges make by code. Pure, so the gate
// (server) and any page (browser) word a refusal the same way.
import { IllegalStateError, NotFoundError, ValidationError, type ErrorParams, type FieldIssue } from '@/lib/errors';
import { statusLabel } from './labels';

type Text = (params: ErrorParams) => string;

const TEXT: Record<string, Text> = {
  'command.id-reused': () => 'This command id was already used for a different command: send each new command with a new id',
  'lead.not-found': () => 'Lead not found',
  'lead.already-registered': () => 'This lead is already registered',
  'name.unchanged': () => 'The name is unchanged',
  'phone.not-held': ({ phone }) => `${phone} is not one of this lead's phones`,
  'phone.already-held': ({ phone }) => `${phone} is already one of this lead's phones`,
  'email.not-held': ({ email }) => `${email} is not one of this lead's emails`,
  'email.already-held': ({ email }) => `${email} is already one of this lead's emails`,
  'contact.required': () => 'A lead needs at least one phone or email',
  'phone.too-many': ({ max, held }) => `A lead holds at most ${max} phones, and this one has ${held}: remove one first`,
  'email.too-many': ({ max, held }) => `A lead holds at most ${max} emails, and this one has ${held}: remove one first`,
  'status.unchanged': ({ status }) => `The lead is already ${statusLabel(String(status))}`,
  'status.final': () => 'A converted lead is final: its status cannot change',
  'status.reopen-before-converting': () => 'Reopen a closed lead (Available or Follow-up) before converting it',
  'status.transition-not-allowed': ({ from, to }) => `A lead cannot move from ${statusLabel(String(from))} to ${statusLabel(String(to))}`,
  'follow-up.required': () => 'Follow-up needs a follow-up date',
  'follow-up.only-with-status': () => 'A follow-up date only goes with the Follow-up status',
  'follow-up.not-allowed': ({ status }) => `A ${statusLabel(String(status)).toLowerCase()} lead cannot have a follow-up`,
  'follow-up.unchanged': () => 'The follow-up is already set for that time',
  'follow-up.none': () => 'The lead has no follow-up to clear',
  'follow-up.required-in-status': () => 'A lead in Follow-up needs a follow-up date: change its status instead',
  'follow-up.past': () => 'The follow-up date must be in the future',
  'owner.unchanged': () => 'The lead is already assigned to this agent',
  'owner.none': () => 'The lead is not assigned',
  'owner.not-assignable': () => 'Choose someone of your organisation who works leads',
  'import.not-started': () => 'This import was never started',
  'import.not-found': () => 'No such import',
  'do-not-call.already-blocked': ({ phone }) => `${phone} is already on the do-not-call list`,
  'do-not-call.not-blocked': ({ phone }) => `${phone} is not on the do-not-call list`,
  'token.not-found': () => 'No such active token in your organisation',
  'user.not-found': () => 'No such user in your organisation',
  'user.email-taken': () => 'A user with this email already exists',
  'user.own-role': () => 'You cannot change your own role: ask another admin.',
  'user.own-deactivation': () => 'You cannot deactivate yourself: ask another admin.',
  'user.already-deactivated': () => 'This user is already deactivated',
  'user.not-deactivated': () => 'This user is active: only a deactivated user can be reactivated',
  'analytics.no-section': ({ section, sections }) => `No analytics section "${section}": use one of ${sections}.`,
};

/** The sentence for a refusal's code; the code itself for one this table does not know yet. */
export function errorText(code: string, params: ErrorParams = {}): string {
  return TEXT[code]?.(params) ?? code;
}

export const issueText = (issue: FieldIssue): string => ('message' in issue ? issue.message : errorText(issue.code, issue.params));

/** A refusal as one sentence (a validation error's issues joined); any other error's own message. */
export function describeError(error: unknown): string {
  if (error instanceof ValidationError) return error.issues.map(issueText).join('; ');
  if (error instanceof IllegalStateError) return errorText(error.code, error.details.params);
  if (error instanceof NotFoundError) return errorText(error.code, error.params);
  return error instanceof Error ? error.message : String(error);
}

/** Every code with words, for the tests that check each is worded. */
export const WORDED_CODES: readonly string[] = Object.keys(TEXT);
