-- "Next lead" reads each tier through an index of its own (bench/next-lead.ts at 1M leads).
-- The lead an agent holds now.
CREATE INDEX "leads_claimed_idx" ON "leads" ("tenant_id", "claimed_by", "claim_until") WHERE "claimed_by" IS NOT NULL;
-- Callbacks for one agent: set for them, or of their own leads and open to anyone.
CREATE INDEX "leads_dialing_agent_callback_idx" ON "leads" ("tenant_id", "follow_up_agent_id", "follow_up_at")
  WHERE "status" = 'FollowUp' AND "follow_up_agent_id" IS NOT NULL AND NOT "do_not_call" AND NOT "exhausted";
-- Callbacks open to anyone: the owner's own first, then anyone's once overdue.
DROP INDEX "leads_dialing_callback_idx";
CREATE INDEX "leads_dialing_callback_idx" ON "leads" ("tenant_id", "follow_up_at")
  WHERE "status" = 'FollowUp' AND "follow_up_agent_id" IS NULL AND NOT "do_not_call" AND NOT "exhausted";
CREATE INDEX "leads_dialing_owner_callback_idx" ON "leads" ("tenant_id", "owner_id", "follow_up_at")
  WHERE "status" = 'FollowUp' AND "follow_up_agent_id" IS NULL AND NOT "do_not_call" AND NOT "exhausted";
