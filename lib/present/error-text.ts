// The words a user reads for each refusal the domain and the edges make by code. Pure, so the gate
// (server) and any page (browser) word a refusal the same way.
import { IllegalStateError, NotFoundError, ValidationError, type ErrorParams, type FieldIssue } from '@/lib/errors';
import { statusLabel } from './labels';

type Text = (params: ErrorParams) => string;

const TEXT: Record<string, Text> = {
  'disposition.unknown': ({ outcome, known }) => `"${outcome}" is not one of your dispositions (${known})`,
  'lead.held-by-other': () => 'Another agent holds this lead: only they can record its call until they let it go',
  'callback.required': ({ outcome }) => `${outcome} needs the time to call back`,
  'lead.not-callable': ({ why, ...params }) => `This lead may not be called now: ${errorText(String(why), params)}`,
  'claim.not-held': () => 'You do not hold this lead',
  'time-zone.unchanged': () => 'The lead already has this time zone',
  'do-not-call.already': () => 'The lead is already marked do not call',
  'do-not-call.not-requested': () => 'The lead is not marked do not call',
  'dialing.managers-only': () => 'Only a manager can do this: lifting do-not-call and recycling a lead are theirs',
  'lead.not-exhausted': () => 'Only a lead whose attempts are used up can be recycled',
  // Why a lead may not be called now (lib/dialing/dialability.ts); times are the lead's own wall clock.
  'lead.status': ({ status }) => `the lead is ${statusLabel(String(status))}`,
  'lead.do-not-call': ({ reason }) => `the person asked not to be called (${reason})`,
  'lead.exhausted': ({ calls, why }) => (why === 'total' ? `its calls are used up (${calls} in all)` : `its retries are used up (${calls} calls)`),
  'lead.no-phone': () => 'it has no phone number',
  'phone.blocked': ({ phone, reason, since, by }) => `${phone} is on the do-not-call list since ${shortDate(String(since))}${by ? `, added by ${by}` : ''} (${reason})`,
  'phone.wrong': ({ phone }) => `${phone} is a wrong number`,
  'phone.attempts': ({ phone, calls, nextLocal }) => `${calls} calls to ${phone} in 24 h: next allowed ${nextLocal}`,
  'lead.attempts-today': ({ calls, nextLocal }) => `${calls} calls today: next allowed ${nextLocal}`,
  'lead.retry-later': ({ atLocal }) => `due to be tried again at ${atLocal}`,
  'lead.claimed': ({ agentId, untilLocal }) => `${agentId} holds it until ${untilLocal}`,
  'hours.closed': ({ localTime, zone, opens }) => `outside calling hours: ${localTime} in ${zone}${opens ? `, opens ${opens}` : ''}`,
  'command.id-reused': () => 'This command id was already used for a different command: send each new command with a new id',
  'lead.not-found': () => 'Lead not found',
  'lead.already-registered': () => 'This lead is already registered',
  'lead.merged': () => 'This lead was merged into another: make changes on the lead it was merged into',
  'lead.erased': () => 'This person’s data was erased: the lead takes status, callback and owner changes only',
  'lead.already-erased': () => 'This person’s data was erased already',
  'erasure.managers-only': () => 'Only a manager or an admin can erase a person’s data',
  'merge.same-lead': () => 'A lead cannot be merged with itself',
  'merge.already-merged': () => 'That lead was already merged into another',
  'merge.not-held': ({ value }) => `Neither lead holds ${value === 'null' ? 'that empty value' : value}: choose one of their values`,
  'merge.cannot-undo': () => 'This merge can no longer be undone: it was undone already, or the lead has been part of another merge since',
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
  'bulk.not-found': () => 'No such bulk change',
  'bulk.no-leads': () => 'Select at least one lead',
  'bulk.already-started': () => 'This bulk change has started already',
  'bulk.not-started': () => 'This bulk change was never started',
  'bulk.finished': () => 'This bulk change has finished: there is nothing to resume',
  'bulk.undo-unfinished': () => 'Only a finished bulk change can be undone: resume it first',
  'bulk.undo-of-undo': () => 'An undo cannot itself be undone: make the change again instead',
  'bulk.nothing-to-undo': () => 'None of this bulk change\u2019s leads can be taken back (notes stay, and refused or conflicted leads were not changed)',
  'bulk.changed-since': () => 'Changed by someone else since the bulk change: left as it is',
  'bulk.collided': ({ changes }) => `Changed by someone else meanwhile (${changes}): left as they made it`,
  'lead.invalid': ({ fields }) => String(fields),
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
  'dialing.unchanged': () => 'Nothing changed: these are the rules already',
  'dialing.unknown-zone': ({ zone }) => `"${zone}" is not a time zone: use one such as Europe/London or America/New_York`,
  'dialing.unknown-region': ({ region }) => `${region} is not a country, a US state or a Canadian province (other countries' regions cannot be told from a phone number: use the country)`,
  'dialing.duplicate-region': ({ region }) => `${region} already has its own hours`,
  'dialing.daily-above-total': ({ total }) => `A lead gets at most ${total} calls in all: a day cannot allow more`,
  'dialing.duplicate-code': ({ code }) => `Another disposition already has the code ${code}`,
  'dialing.duplicate-label': ({ label }) => `Another disposition is already called ${label}`,
  'dialing.retry-and-callback': () => 'A disposition brings the lead back by a retry or by a callback, not both',
  'dialing.do-not-call-comes-back': () => 'A lead put on the do-not-call list cannot come back: remove the retry or the callback',
  'dialing.closed-comes-back': ({ status }) => `A ${statusLabel(String(status)).toLowerCase()} lead does not come back: remove the retry or the callback`,
  'dialing.follow-up-without-callback': () => 'Follow-up needs a callback: choose who calls back',
  'dialing.code-in-use': ({ code, label }) => `${label} (${code}) is in leads' call history: it can be relabelled, not removed`,
  'dialing.duplicate-source': ({ source }) => (source === '*' ? 'Every other source already has a rule' : `${source} already has a rule`),
  'dialing.duplicate-agent': () => 'This agent is in the rule already',
  'dialing.agent-not-assignable': () => 'Choose someone of your organisation who works leads',
  'view.exists': () => 'This view is saved already',
  'view.not-found': () => 'No such saved view: it may have been deleted',
  'view.not-yours': () => 'Only the person who saved this view can change it',
  'view.name-taken': ({ name }) => `You already have a view called ${name}`,
  'view.already-shared': () => 'This view is shared already',
  'view.not-shared': () => 'This view is not shared',
  'webhook.exists': () => 'This endpoint is registered already',
  'webhook.not-found': () => 'No such webhook endpoint',
  'webhook.unchanged': () => 'Nothing changed: the endpoint already has these settings',
  'webhook.already-disabled': () => 'This endpoint is disabled already',
  'webhook.already-enabled': () => 'This endpoint is enabled already',
};

const shortDate = (iso: string) => new Date(iso).toLocaleDateString('en-GB', { day: 'numeric', month: 'short', timeZone: 'UTC' });

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
