// The values a lead's fields take: statuses, call outcomes and phone numbers.

export const LEAD_STATUSES = ['Available', 'FollowUp', 'Closed', 'Converted'] as const;
export type LeadStatus = (typeof LEAD_STATUSES)[number];

/** The outcomes calls were recorded with before dispositions were the tenant's own (docs/dialing.md). */
export const CALL_OUTCOMES = ['no-answer', 'voicemail', 'busy', 'wrong-number', 'not-interested', 'interested', 'callback-requested', 'sale'] as const;
export type CallOutcome = (typeof CALL_OUTCOMES)[number];

/** Why "next lead" offered a lead, in the order it looks: see docs/dialing.md. */
export const CLAIM_TIERS = ['own-callback', 'overdue-callback', 'retry', 'fresh'] as const;
export type ClaimTier = (typeof CLAIM_TIERS)[number];

/** A phone number as the agent typed it and in E.164. */
export type Phone = { readonly e164: string; readonly raw: string };

/**
 * How much a lead and a command may hold (docs/lead-rules.md, "Limits"): far above what a call
 * center types or imports, low enough that no input can make a lead, an event or a page huge.
 */
export const LEAD_LIMITS = {
  phones: 10,
  emails: 10,
  /** Characters. */
  name: 200,
  source: 100,
  note: 5000,
  callNotes: 2000,
  /** A phone as typed, spaces and punctuation included. */
  phoneText: 50,
  /** The longest address SMTP carries (RFC 5321). */
  email: 254,
  /** A user id naming a lead's owner. */
  userId: 200,
  /** A reason given for a change (skipping a lead, do-not-call). */
  reason: 500,
} as const;
