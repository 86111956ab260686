-- Read model (async), part of the duplicate keys: each pair of leads that may be one person, judged
-- by lib/duplicates/score.ts when either lead's keys or names change, so a page of the strongest
-- pairs is an index scan however many leads share keys. Names are kept beside the keys
-- (`name:<normalized>`), so the judge reads the projection's own tables only.
CREATE TABLE "duplicate_pairs" (
    "tenant_id" TEXT NOT NULL,
    "lead_a" TEXT NOT NULL,
    "lead_b" TEXT NOT NULL,
    "score" INTEGER NOT NULL,
    "reasons" JSONB NOT NULL,

    CONSTRAINT "duplicate_pairs_pkey" PRIMARY KEY ("tenant_id","lead_a","lead_b")
);

CREATE INDEX "duplicate_pairs_lead_b_idx" ON "duplicate_pairs"("tenant_id", "lead_b");
CREATE INDEX "duplicate_pairs_score_idx" ON "duplicate_pairs"("tenant_id", "score" DESC, "lead_a", "lead_b");
