-- The do-not-call list's read model (inline): one row per number of a tenant ever blocked. The
-- primary key serves the look-ups made on every lead page and every "next lead" (a few numbers
-- at a time); the partial indexes serve the list page, which shows blocked numbers only.
CREATE TABLE "do_not_call" (
    "tenant_id" TEXT NOT NULL,
    "phone" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "blocked_by" TEXT,
    "blocked_at" TIMESTAMPTZ(3) NOT NULL,
    "active" BOOLEAN NOT NULL,
    "version" INTEGER NOT NULL,

    CONSTRAINT "do_not_call_pkey" PRIMARY KEY ("tenant_id","phone")
);

-- The list, newest first, and its count.
CREATE INDEX "do_not_call_tenant_id_blocked_at_idx" ON "do_not_call" ("tenant_id", "blocked_at" DESC, "phone") WHERE "active";

-- A fragment of a number typed in any format ("7911 12"), matched on its digits.
CREATE INDEX "do_not_call_phone_trgm_idx" ON "do_not_call" USING GIN ("phone" gin_trgm_ops) WHERE "active";
