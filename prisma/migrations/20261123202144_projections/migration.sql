-- CreateExtension
CREATE EXTENSION IF NOT EXISTS "pg_trgm";

-- CreateTable
CREATE TABLE "projection_checkpoints" (
    "name" TEXT NOT NULL,
    "tx_id" xid8 NOT NULL DEFAULT '0'::xid8,
    "position" BIGINT NOT NULL DEFAULT 0,
    "events_applied" BIGINT NOT NULL DEFAULT 0,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "projection_checkpoints_pkey" PRIMARY KEY ("name")
);

-- CreateTable
CREATE TABLE "leads" (
    "tenant_id" TEXT NOT NULL,
    "lead_id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "phones" JSONB NOT NULL,
    "emails" TEXT[],
    "status" TEXT NOT NULL,
    "follow_up_at" TIMESTAMPTZ(3),
    "owner_id" TEXT,
    "source" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    "updated_by" TEXT,
    "version" INTEGER NOT NULL,

    CONSTRAINT "leads_pkey" PRIMARY KEY ("tenant_id","lead_id")
);

-- CreateTable
CREATE TABLE "search_terms" (
    "tenant_id" TEXT NOT NULL,
    "lead_id" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "value" TEXT NOT NULL,
    "normalized" TEXT NOT NULL,
    "display" TEXT NOT NULL,
    "current" BOOLEAN NOT NULL,
    "first_held_at" TIMESTAMPTZ(3) NOT NULL,
    "last_held_at" TIMESTAMPTZ(3),
    "changed_at" TIMESTAMPTZ(3) NOT NULL,
    "changed_by" TEXT
);

-- CreateTable
CREATE TABLE "status_periods" (
    "tenant_id" TEXT NOT NULL,
    "lead_id" TEXT NOT NULL,
    "entered_version" INTEGER NOT NULL,
    "status" TEXT NOT NULL,
    "entered_at" TIMESTAMPTZ(3) NOT NULL,
    "entered_by" TEXT,
    "left_at" TIMESTAMPTZ(3),
    "left_by" TEXT,
    "duration_seconds" DOUBLE PRECISION,
    "follow_up_at" TIMESTAMPTZ(3)
);

-- CreateTable
CREATE TABLE "follow_ups" (
    "tenant_id" TEXT NOT NULL,
    "lead_id" TEXT NOT NULL,
    "scheduled_version" INTEGER NOT NULL,
    "due_at" TIMESTAMPTZ(3) NOT NULL,
    "set_at" TIMESTAMPTZ(3) NOT NULL,
    "set_by" TEXT,
    "handled_at" TIMESTAMPTZ(3),
    "handled_by" TEXT,
    "ended_at" TIMESTAMPTZ(3),
    "end_reason" TEXT
);

-- CreateIndex
CREATE INDEX "leads_tenant_id_updated_at_idx" ON "leads"("tenant_id", "updated_at" DESC);

-- CreateIndex
CREATE INDEX "leads_tenant_id_status_updated_at_idx" ON "leads"("tenant_id", "status", "updated_at" DESC);

-- CreateIndex
CREATE INDEX "leads_tenant_id_owner_id_follow_up_at_idx" ON "leads"("tenant_id", "owner_id", "follow_up_at");

-- CreateIndex
CREATE INDEX "leads_tenant_id_follow_up_at_idx" ON "leads"("tenant_id", "follow_up_at");

-- CreateIndex
CREATE INDEX "leads_tenant_id_name_idx" ON "leads"("tenant_id", "name");

-- CreateIndex
CREATE INDEX "search_terms_normalized_trgm_idx" ON "search_terms" USING GIN ("normalized" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "search_terms_tenant_id_normalized_idx" ON "search_terms"("tenant_id", "normalized");

-- CreateIndex
CREATE UNIQUE INDEX "search_terms_tenant_id_lead_id_kind_normalized_key" ON "search_terms"("tenant_id", "lead_id", "kind", "normalized");

-- CreateIndex
CREATE INDEX "status_periods_tenant_id_status_entered_at_idx" ON "status_periods"("tenant_id", "status", "entered_at");

-- CreateIndex
CREATE INDEX "status_periods_tenant_id_entered_by_entered_at_idx" ON "status_periods"("tenant_id", "entered_by", "entered_at");

-- CreateIndex
CREATE UNIQUE INDEX "status_periods_tenant_id_lead_id_entered_version_key" ON "status_periods"("tenant_id", "lead_id", "entered_version");

-- CreateIndex
CREATE INDEX "follow_ups_tenant_id_due_at_idx" ON "follow_ups"("tenant_id", "due_at");

-- CreateIndex
CREATE INDEX "follow_ups_tenant_id_set_by_due_at_idx" ON "follow_ups"("tenant_id", "set_by", "due_at");

-- CreateIndex
CREATE UNIQUE INDEX "follow_ups_tenant_id_lead_id_scheduled_version_key" ON "follow_ups"("tenant_id", "lead_id", "scheduled_version");
