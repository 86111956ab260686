// The values a lead's fields take: statuses, call outcomes and phone numbers.

export const LEAD_STATUSES = ['Available', 'FollowUp', 'Closed', 'Converted'] as const;
export type LeadStatus = (typeof LEAD_STATUSES)[number];

export const CALL_OUTCOMES = ['no-answer', 'voicemail', 'busy', 'wrong-number', 'not-interested', 'interested', 'callback-requested', 'sale'] as const;
export type CallOutcome = (typeof CALL_OUTCOMES)[number];

/** A phone number as the agent typed it and in E.164. */
export type Phone = { readonly e164: string; readonly raw: string };
