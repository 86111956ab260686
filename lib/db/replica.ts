// Where queries read: a hot standby of PostgreSQL's own streaming replication when one is
// configured, else the primary. Commands, projectors and everything that locks, listens or writes
// stay on the primary. Read-your-writes: after a command the primary's WAL position is taken (its
// commit point); a later read by the same caller waits, bounded, until the standby has replayed
// that far, and reads the primary instead when the bound runs out or the standby does not answer.
import type { Db } from './client';

/** A WAL position as PostgreSQL writes it (`pg_lsn`'s text): two hex numbers, `16/B374D848`. */
export type Lsn = string;

const LSN = /^[0-9A-F]{1,8}\/[0-9A-F]{1,8}$/i;

export const isLsn = (value: unknown): value is Lsn => typeof value === 'string' && LSN.test(value);

/** The later of two WAL positions (either may be missing). */
export function laterLsn(a: Lsn | null | undefined, b: Lsn | null | undefined): Lsn | null {
  if (!a) return b ?? null;
  if (!b) return a;
  return lsnValue(a) >= lsnValue(b) ? a : b;
}

function lsnValue(lsn: Lsn): bigint {
  const [high, low] = lsn.split('/');
  return (BigInt(`0x${high}`) << 32n) + BigInt(`0x${low}`);
}

/** The database a query reads, which server it is, and how long it waited for the standby. */
export type Reader = { readonly db: Db; readonly server: 'standby' | 'primary'; readonly waitedMs: number };

export type ReadRouting = {
  /** Whether a standby is configured: without one every read is on the primary and nothing is waited for. */
  readonly replicated: boolean;
  readonly primary: Db;
  readonly standby: Db | null;
  /**
   * The primary's WAL position now, or null without a standby. Taken after a command has
   * committed, it is at or past that command's commit record (commits are flushed before they
   * return), so a standby that has replayed it shows the command.
   */
  commitPoint(): Promise<Lsn | null>;
  /** Waits up to `timeoutMs` for the standby to replay `lsn`; false when it did not (or did not answer). */
  replayed(lsn: Lsn, timeoutMs: number): Promise<boolean>;
  /** The database to read for a caller whose last command committed at `after` (null: no command to wait for). */
  reader(after?: Lsn | null): Promise<Reader>;
};

export type ReadRoutingOptions = {
  /** Longest a read waits for the standby to replay the caller's last command before reading the primary (ms). */
  readonly waitMs?: number;
  readonly pollMs?: number;
};

export function createReadRouting(primary: Db, standby: Db | null, { waitMs = 300, pollMs = 10 }: ReadRoutingOptions = {}): ReadRouting {
  const onPrimary: Reader = { db: primary, server: 'primary', waitedMs: 0 };
  if (!standby) {
    return { replicated: false, primary, standby: null, commitPoint: async () => null, replayed: async () => true, reader: async () => onPrimary };
  }

  async function hasReplayed(lsn: Lsn): Promise<boolean> {
    // A server not in recovery is no standby (promoted, or the primary itself): it holds every commit it has.
    const rows = await standby!.$queryRaw<{ replayed: boolean | null }[]>`
      SELECT NOT pg_is_in_recovery() OR pg_last_wal_replay_lsn() >= ${lsn}::pg_lsn AS replayed`;
    return rows[0]?.replayed === true;
  }

  async function replayed(lsn: Lsn, timeoutMs: number): Promise<boolean> {
    const started = Date.now();
    try {
      for (;;) {
        if (await hasReplayed(lsn)) return true;
        if (Date.now() - started >= timeoutMs) return false;
        await new Promise((resolve) => setTimeout(resolve, pollMs));
      }
    } catch {
      return false; // the standby is down or restarting: the primary answers instead
    }
  }

  return {
    replicated: true,
    primary,
    standby,
    async commitPoint() {
      const rows = await primary.$queryRaw<{ lsn: string }[]>`SELECT pg_current_wal_lsn()::text AS lsn`;
      return rows[0]!.lsn;
    },
    replayed,
    async reader(after) {
      if (!after) return { db: standby, server: 'standby', waitedMs: 0 };
      const started = Date.now();
      const caughtUp = await replayed(after, waitMs);
      return { db: caughtUp ? standby : primary, server: caughtUp ? 'standby' : 'primary', waitedMs: Date.now() - started };
    },
  };
}

/** The export's refusal when the standby stays behind the primary for longer than the export waits. */
export class StandbyBehindError extends Error {
  constructor(readonly waitedMs: number) {
    super(`the standby had not caught up with the primary after ${waitedMs} ms`);
    this.name = 'StandbyBehindError';
  }
}
