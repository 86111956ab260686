-- The dialing loop's view of each lead in the lead table, and the indexes "next lead" reads.
ALTER TABLE "leads"
  ADD COLUMN "follow_up_agent_id" TEXT,
  ADD COLUMN "retry_at" TIMESTAMPTZ(3),
  ADD COLUMN "call_count" INTEGER NOT NULL DEFAULT 0,
  ADD COLUMN "last_call_at" TIMESTAMPTZ(3),
  ADD COLUMN "claimed_by" TEXT,
  ADD COLUMN "claim_until" TIMESTAMPTZ(3),
  ADD COLUMN "do_not_call" BOOLEAN NOT NULL DEFAULT false,
  ADD COLUMN "exhausted" BOOLEAN NOT NULL DEFAULT false,
  ADD COLUMN "wrong_phones" TEXT[] NOT NULL DEFAULT ARRAY[]::TEXT[],
  ADD COLUMN "time_zone" TEXT;

-- Fresh leads (never called), per owner (or none), oldest first.
CREATE INDEX "leads_dialing_fresh_idx" ON "leads" ("tenant_id", "owner_id", "created_at")
  WHERE "status" = 'Available' AND "call_count" = 0 AND NOT "do_not_call" AND NOT "exhausted";
-- Leads called before and due again, per owner (or none), soonest first.
CREATE INDEX "leads_dialing_retry_idx" ON "leads" ("tenant_id", "owner_id", "retry_at")
  WHERE "status" = 'Available' AND "call_count" > 0 AND NOT "do_not_call" AND NOT "exhausted";
-- Callbacks that are due, soonest first.
CREATE INDEX "leads_dialing_callback_idx" ON "leads" ("tenant_id", "follow_up_at")
  WHERE "status" = 'FollowUp' AND NOT "do_not_call" AND NOT "exhausted";
