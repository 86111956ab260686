-- Whose turn it is in each round-robin assignment rule: bookkeeping, counted by one atomic upsert.
CREATE TABLE "assignment_turns" (
    "tenant_id" TEXT NOT NULL,
    "rule" TEXT NOT NULL,
    "turns" BIGINT NOT NULL DEFAULT 0,
    CONSTRAINT "assignment_turns_pkey" PRIMARY KEY ("tenant_id", "rule")
);
