-- Merged leads: the lead table says which lead each merged one went into; search maps a merged
-- lead's terms to its survivor.
ALTER TABLE "leads" ADD COLUMN "merged_into" TEXT;

CREATE TABLE "search_merges" (
    "tenant_id" TEXT NOT NULL,
    "lead_id" TEXT NOT NULL,
    "survivor_id" TEXT NOT NULL,
    CONSTRAINT "search_merges_pkey" PRIMARY KEY ("tenant_id", "lead_id")
);
