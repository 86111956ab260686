// What a manager (or an imported row) sends to block or unblock a number, checked before anything
// is loaded. The number is read by the app's one phone parser, in the tenant's region, so "07911
// 123456" typed on this page and on a lead are the same number.
import { z } from 'zod';
import { normalisePhone, type Region } from '@/lib/leads/contact';
import { LEAD_LIMITS, type Phone } from '@/lib/leads/lead';

export const DNC_LIMITS = { reason: 500, phoneText: LEAD_LIMITS.phoneText } as const;

function phoneField(region: Region) {
  return z
    .string({ error: 'Phone number is required' })
    .max(DNC_LIMITS.phoneText, { error: `A phone number has at most ${DNC_LIMITS.phoneText} characters` })
    .transform((raw, ctx): Phone => {
      const normalised = normalisePhone(raw, region);
      if (!normalised) {
        ctx.addIssue({ code: 'custom', message: raw.trim() ? `"${raw.trim()}" is not a valid phone number` : 'Phone number is required' });
        return z.NEVER;
      }
      return normalised;
    });
}

const reason = z
  .string({ error: 'Give the reason, for the audit log' })
  .trim()
  .min(1, { error: 'Give the reason, for the audit log' })
  .max(DNC_LIMITS.reason, { error: `The reason must be at most ${DNC_LIMITS.reason} characters` });

/** Blocking and unblocking take the same: the number (any format people type) and why. */
export const numberChangeInput = (region: Region) => z.strictObject({ phone: phoneField(region), reason });

export type NumberChange = z.output<ReturnType<typeof numberChangeInput>>;
