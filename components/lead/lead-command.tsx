'use client';
import { useMutation } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { createContext, useCallback, useContext, useMemo, useRef, useState, type ReactNode } from 'react';
import { sendLeadCommand, type CommandOutcome } from '@/app/(app)/leads/actions';
import type { ActionError } from '@/lib/gate/result';
import type { LeadCommandType } from '@/lib/leads/decide';
import { newId } from './client-values';
import { ConflictDialog } from './conflict-dialog';

// Every edit on the lead page goes through here: it carries the version the page was rendered
// with and a fresh command id, refreshes the page when saved, and opens the conflict dialog when
// someone else changed the same thing meanwhile.

export type Edit = { readonly type: Exclude<LeadCommandType, 'RegisterLead' | 'ClaimLead' | 'MergeLead' | 'UnmergeLead' | 'ErasePersonalData'>; readonly data: Record<string, unknown> };
export type SentCommand = Edit & { readonly leadId: string; readonly expectedVersion: number; readonly commandId: string };

/** A refusal, with the command that was refused. */
export class CommandRefused extends Error {
  constructor(readonly error: ActionError, readonly sent: SentCommand) {
    super(error.message);
  }
}

export type Conflict = { readonly sent: SentCommand; readonly error: ActionError; readonly onApplied?: () => void; readonly onDiscarded?: () => void };

type LeadCommandContext = {
  readonly leadId: string;
  readonly version: number;
  readonly names: Readonly<Record<string, string>>;
  send(command: SentCommand): Promise<CommandOutcome>;
  saved(outcome: CommandOutcome): void;
  openConflict(conflict: Conflict): void;
};

const Context = createContext<LeadCommandContext | null>(null);

async function send(command: SentCommand): Promise<CommandOutcome> {
  const result = await sendLeadCommand(command);
  if (!result.ok) throw new CommandRefused(result.error, command);
  return result.data;
}

export function LeadCommandProvider({ leadId, version, names, children }: { leadId: string; version: number; names: Record<string, string>; children: ReactNode }) {
  const router = useRouter();
  // The version of this user's own last save, until the refreshed page catches up: a second edit
  // right after the first must not collide with the first.
  const [ownVersion, setOwnVersion] = useState(version);
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const [announcement, setAnnouncement] = useState('');
  // The page refreshes when someone else changes the lead (components/live). Once the agent has
  // typed into an edit, its save still carries the version the agent saw: the other change then
  // goes through the merge/conflict check instead of being overwritten unseen.
  // A ref, not state: typing must not re-render the page.
  const typedAt = useRef<number | null>(null);
  const typed = () => {
    typedAt.current ??= version;
  };

  const saved = useCallback(
    (outcome: CommandOutcome) => {
      typedAt.current = null;
      // A merged save also holds changes this user has not seen yet: those come with the refresh.
      if (!outcome.merged) setOwnVersion((current) => Math.max(current, outcome.version));
      setAnnouncement(`Saved at ${new Date().toLocaleTimeString()}`);
      router.refresh();
    },
    [router],
  );

  const value = useMemo<LeadCommandContext>(
    () => ({
      leadId,
      // Read when an edit is sent, so it sees whether the agent has typed since the page refreshed.
      get version() {
        return Math.max(typedAt.current ?? version, ownVersion);
      },
      names, send, saved, openConflict: setConflict,
    }),
    [leadId, version, ownVersion, names, saved],
  );

  return (
    <Context.Provider value={value}>
      <div style={{ display: 'contents' }} onInputCapture={typed} onChangeCapture={typed}>
        {children}
      </div>
      <p className="visually-hidden" role="status" aria-live="polite">{announcement}</p>
      {conflict && (
        <ConflictDialog
          key={conflict.error.currentVersion}
          conflict={conflict}
          names={names}
          send={send}
          onConflictAgain={setConflict}
          onApplied={(outcome) => {
            conflict.onApplied?.();
            setConflict(null);
            saved(outcome);
          }}
          onDiscard={() => {
            typedAt.current = null;
            conflict.onDiscarded?.();
            setConflict(null);
            router.refresh();
          }}
        />
      )}
    </Context.Provider>
  );
}

/**
 * One kind of edit: `save({ type, data })`. `onSaved` runs once the change is stored, directly or
 * after "Apply my change anyway" in the conflict dialog; `onDiscarded` when "Discard my change" is
 * chosen there. `error` is any refusal other than a conflict.
 */
export function useLeadCommand({ onSaved, onDiscarded }: { onSaved?: () => void; onDiscarded?: () => void } = {}) {
  const lead = useContext(Context);
  if (!lead) throw new Error('useLeadCommand needs a LeadCommandProvider');
  const mutation = useMutation({
    mutationFn: (edit: Edit) => lead.send({ ...edit, leadId: lead.leadId, expectedVersion: lead.version, commandId: newId() }),
    onSuccess: (outcome) => {
      lead.saved(outcome);
      onSaved?.();
    },
    onError: (error) => {
      if (error instanceof CommandRefused && error.error.kind === 'conflict') lead.openConflict({ sent: error.sent, error: error.error, onApplied: onSaved, onDiscarded });
    },
  });
  const refused = mutation.error instanceof CommandRefused ? mutation.error.error : mutation.error ? unexpected : null;
  return {
    save: mutation.mutate,
    pending: mutation.isPending,
    error: refused && refused.kind !== 'conflict' ? refused : null,
    reset: mutation.reset,
  };
}

const unexpected: ActionError = { kind: 'unexpected', message: 'Could not reach Leadstream: nothing was saved. Try again.' };
