-- Read model (async): the keys under which two leads may be one person (lib/duplicates/keys.ts),
-- every phone and email a lead has held and their fragments, and how many leads share each key.
-- The lead page looks up one lead's keys; the Duplicates page reads the keys more than one lead holds.
CREATE TABLE "duplicate_keys" (
    "tenant_id" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "lead_id" TEXT NOT NULL,
    "current" BOOLEAN NOT NULL,

    CONSTRAINT "duplicate_keys_pkey" PRIMARY KEY ("tenant_id","key","lead_id")
);

CREATE INDEX "duplicate_keys_lead_idx" ON "duplicate_keys"("tenant_id", "lead_id");

CREATE TABLE "duplicate_key_counts" (
    "tenant_id" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "leads" INTEGER NOT NULL,

    CONSTRAINT "duplicate_key_counts_pkey" PRIMARY KEY ("tenant_id","key")
);

-- Only the keys shared by more than one lead: a handful among millions.
CREATE INDEX "duplicate_key_counts_shared_idx" ON "duplicate_key_counts"("tenant_id", "key") WHERE "leads" > 1;
