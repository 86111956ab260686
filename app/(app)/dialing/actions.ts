'use server';
// Managers change their own organisation's dialing rules, one section at a time, sending the
// version of the rules they saw: a change of another section made since is merged, one of the same
// section is refused with what changed (docs/dialing.md).
import { revalidatePath } from 'next/cache';
import { changeDialingRules } from '@/lib/commands/dialing-rules-service';
import type { DialingSection } from '@/lib/dialing/rules-events';
import { action } from '@/lib/gate';
import { system } from '@/lib/system/server';

const changeOf = (section: DialingSection) =>
  action('manage-dialing', async (manager, input) => {
    const outcome = await changeDialingRules(system(), manager, section, input);
    revalidatePath('/dialing');
    return outcome;
  });

export const setCallingHours = changeOf('hours');
export const setHoursOverrides = changeOf('overrides');
export const setDialingTimeZone = changeOf('timeZone');
export const setAttemptLimits = changeOf('attempts');
export const setDispositions = changeOf('dispositions');
export const setClaimTime = changeOf('claimMinutes');
export const setSourcePriorities = changeOf('sourcePriorities');
export const setAssignmentRules = changeOf('assignment');
